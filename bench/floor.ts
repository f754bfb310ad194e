import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The floor: a throw-away extension whose page only opens IndexedDB, reads one value and prints
 * it; the popup is reported as a ratio to it. Beside it, `bare.html` prints a constant from one
 * classic script with no storage at all: what the browser itself costs to show an extension page.
 * And the in-page meter's floor: a plain content script on claude.ai that reads five storage keys
 * and draws a two-bar strip in a shadow root, with no framework and no runtime around it.
 */
/** The fake claude.ai's chat the floor's content script runs on (and no other page). */
export const FLOOR_CHAT = '/chat/bench-floor';

export function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'bench floor',
    version: '1.0',
    background: { service_worker: 'sw.js' },
    permissions: ['storage'],
    content_scripts: [
      {
        matches: [`https://claude.ai${FLOOR_CHAT}`],
        js: ['floor-content.js'],
        run_at: 'document_idle',
      },
    ],
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
  // What any in-page meter must do at least: read its stored numbers, then put a strip on the
  // page in a shadow root of its own. The bench loads it in turn with the meter, on its own chat.
  writeFileSync(
    join(dir, 'floor-content.js'),
    `chrome.storage.local.get(['settings', 'latest', 'orgs', 'status', 'pageText']).then(() => {
  const host = document.createElement('bench-floor-meter');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = ':host{all:initial}.strip{position:fixed;left:8px;bottom:8px;display:flex;gap:4px;font:12px system-ui}';
  const strip = document.createElement('div');
  strip.className = 'strip';
  for (const text of ['S 48%', 'W 64%']) {
    const bar = document.createElement('span');
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuenow', text.slice(2, -1));
    bar.textContent = text;
    strip.append(bar);
  }
  shadow.append(style, strip);
  document.documentElement.append(host);
});
`,
  );
  return dir;
}
