import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureSizes, pageChunks } from '../../../bench/sizes';

let out: string;
const files: Record<string, string> = {
  // The page names only its entry, as a build with `modulePreload: false` writes it.
  'popup.html': '<script type="module" src="/chunks/popup-1.js"></script>',
  'chunks/popup-1.js':
    'import{a as e}from"./shared-2.js";import"./side-3.js";' +
    'const n=()=>import(`./lazy-4.js`);const s="import(\\"./decoy-5.js\\")";e(n,s);',
  'chunks/shared-2.js': 'export*from"./deep-6.js";export const a=(x)=>x;',
  'chunks/side-3.js': 'globalThis.side=1;',
  'chunks/lazy-4.js': 'import{a}from"./shared-2.js";export default a(import("./later-7.js"));',
  'chunks/decoy-5.js': 'export const never=1;',
  'chunks/deep-6.js': 'export const d=2;',
  'chunks/later-7.js': 'export const l=3;',
  'background.js': 'self.x=1;',
  'content-scripts/claude.js': 'self.y=1;',
};
const gz = (name: string) => gzipSync(files[name]!, { level: 9 }).length;

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'sizes-'));
  mkdirSync(join(out, 'chunks'));
  mkdirSync(join(out, 'content-scripts'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('bench sizes', () => {
  it('counts the chunks an entry imports statically, though the page names only the entry', () => {
    expect(pageChunks(out, 'popup.html').firstPaint).toEqual([
      'chunks/deep-6.js',
      'chunks/popup-1.js',
      'chunks/shared-2.js',
      'chunks/side-3.js',
    ]);
  });

  it('adds lazily imported chunks, and theirs, only to the total', () => {
    expect(pageChunks(out, 'popup.html').all).toEqual([
      'chunks/deep-6.js',
      'chunks/later-7.js',
      'chunks/lazy-4.js',
      'chunks/popup-1.js',
      'chunks/shared-2.js',
      'chunks/side-3.js',
    ]);
  });

  it('sums the gzipped bytes of exactly those chunks', () => {
    const first = ['popup-1', 'shared-2', 'side-3', 'deep-6'].map((c) => gz(`chunks/${c}.js`));
    const lazy = ['lazy-4', 'later-7'].map((c) => gz(`chunks/${c}.js`));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(measureSizes(out)).toEqual({
      workerGzip: gz('background.js'),
      contentGzip: gz('content-scripts/claude.js'),
      popupFirstPaintGzip: sum(first),
      popupTotalGzip: sum(first) + sum(lazy),
    });
  });
});
