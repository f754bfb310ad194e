import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rule the tree shows: `lib/storage/` is the only part of `lib/` that touches the
 * browser's storage (extension storage and IndexedDB); everything else in `lib/` is the pure
 * core: rules, and `create*` factories that work only through what they are given. Only the
 * entrypoints wire the browser in. One exception, named here: `t()` reads the browser's own
 * translation table (the same in every context, and nothing to fake).
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const ADAPTERS = 'lib/storage/';
const EXCEPTIONS: Record<string, RegExp> = { 'lib/display/i18n.ts': /globalThis/ };

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : [path];
  });
}

const core = files('lib').filter((f) => f.endsWith('.ts') && !f.startsWith(ADAPTERS));

/** What a pure module must not do, each with how it shows in code. */
const FORBIDDEN: [string, RegExp][] = [
  [
    'imports the storage library, the polyfill or WXT',
    /^import (?!type )[^;]*from '(wxt|@wxt-dev|webextension-polyfill|idb)[/']/m,
  ],
  ['imports an adapter of lib/storage', /^import (?!type )[^;]*from '[^']*storage\//m],
  ['uses the extension API', /(?<![\w.])(browser|chrome)\.\w/],
  ['opens IndexedDB', /(?<![\w.])indexedDB\b/],
  ['fetches by itself', /(?<![\w.])fetch\(/],
  ['reads the clock', /Date\.now\(|new Date\(\)/],
  ['reaches a global', /globalThis/],
];

/** Code without its comments, so a comment may name what the code must not do. */
const code = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('the pure core of lib/', () => {
  it('has modules to check (the folders are where this test looks)', () => {
    expect(core.length).toBeGreaterThan(60);
    expect(core).toContain('lib/poll/poller.ts');
  });

  it.each(FORBIDDEN)('no module outside lib/storage %s', (_what, pattern) => {
    const offenders = core.filter((file) => {
      const text = code(readFileSync(join(ROOT, file), 'utf8'));
      const allowed = EXCEPTIONS[file];
      return pattern.test(allowed ? text.replace(allowed, '') : text);
    });
    expect(offenders.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });

  it('catches each thing it forbids (the rule itself can fail)', () => {
    const samples = [
      "import { storage } from 'wxt/utils/storage';",
      "import { latestItem } from '../storage/items';",
      'await browser.alarms.create(name, info);',
      'const db = indexedDB.open(name);',
      'const res = await fetch(url);',
      'const now = Date.now();',
      'const g = globalThis as never;',
    ];
    FORBIDDEN.forEach(([, pattern], i) => expect(pattern.test(samples[i]!)).toBe(true));
    // What the core may do: type-only imports, injected fetch, a clock passed in.
    const allowed = "import type { Item } from '../storage/item';\ndeps.fetch(url);\nnew Date(at);";
    for (const [, pattern] of FORBIDDEN) expect(pattern.test(allowed)).toBe(false);
  });
});
