import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORED_KEYS } from '../../../lib/storage/raw';

const ROOT = new URL('../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const STORAGE_USE =
  /\bdefineItem\b|wxt\/utils\/storage|\.storage\.(local|sync|session|onChanged)\b/;

describe('one storage module', () => {
  it('declares and touches extension storage in lib/storage only', () => {
    const files = ['lib', 'entrypoints', 'components'].flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const outside = files.filter(
      (file) =>
        !file.startsWith('lib/storage/') &&
        STORAGE_USE.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(outside).toEqual([]);
  });

  it('names every item by a key of STORED_KEYS', () => {
    const items = readFileSync(join(ROOT, 'lib/storage/items.ts'), 'utf8');
    const declared = [...items.matchAll(/defineItem<[^(]*\(\s*local\(STORED_KEYS\.(\w+)\)/g)].map(
      (m) => m[1],
    );
    expect(declared.length).toBe((items.match(/defineItem</g) ?? []).length);
    for (const key of declared) expect(Object.keys(STORED_KEYS)).toContain(key);
    expect(relative(ROOT, join(ROOT, 'lib/storage/items.ts'))).toBe('lib/storage/items.ts');
  });
});
