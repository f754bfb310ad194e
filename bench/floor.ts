import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The floor: a throw-away extension whose page only opens IndexedDB, reads one value and prints
 * it; the popup is reported as a ratio to it. Beside it, `bare.html` prints a constant from one
 * classic script with no storage at all: what the browser itself costs to show an extension page.
 */
export function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'bench floor',
    version: '1.0',
    background: { service_worker: 'sw.js' },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'sw.js'),
    '// The floor needs a worker only so the bench can find its id.\n',
  );
  writeFileSync(
    join(dir, 'floor.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body><p id="v"></p><script src="floor.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'floor.js'),
    `const open = indexedDB.open('floor', 1);
open.onupgradeneeded = () => open.result.createObjectStore('kv');
open.onsuccess = () => {
  const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
  const get = store.get('value');
  get.onsuccess = () => {
    if (get.result === undefined) store.put(64, 'value');
    document.getElementById('v').textContent = String(get.result ?? 64) + '%';
    performance.mark('floor-painted');
  };
};
`,
  );
  // The platform's own floor: a page whose one classic script prints a constant. MV3 allows no
  // inline script, so no extension page can show anything sooner than this.
  writeFileSync(
    join(dir, 'bare.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body><p id="v"></p><script src="bare.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'bare.js'),
    "document.getElementById('v').textContent = '64%';\nperformance.mark('bare-painted');\n",
  );
  return dir;
}
