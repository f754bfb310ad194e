import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export interface Sizes {
  workerGzip: number;
  /** JS the popup loads before its first paint (entry and static imports). */
  popupFirstPaintGzip: number;
  /** All JS the popup may load, the lazily loaded chart included. */
  popupTotalGzip: number;
  /** The content script on every claude.ai page (the in-page meter). */
  contentGzip: number;
}

/** Gzipped bytes of the shipped JavaScript in a build directory. */
export function measureSizes(outDir: string): Sizes {
  const html = readFileSync(join(outDir, 'popup.html'), 'utf8');
  const firstPaint = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const chunks = readdirSync(join(outDir, 'chunks')).filter((f) => f.endsWith('.js'));
  const sum = (files: string[]) => files.reduce((n, f) => n + gz(join(outDir, f)), 0);
  // Chunks of the background, options or dashboard page are not the popup's.
  const popupChunks = chunks
    .filter((f) => !/^(options|background|dashboard|DashboardChart)/.test(f))
    .map((f) => `chunks/${f}`);
  return {
    workerGzip: gz(join(outDir, 'background.js')),
    contentGzip: gz(join(outDir, 'content-scripts', 'claude.js')),
    popupFirstPaintGzip: sum(firstPaint),
    popupTotalGzip: sum([...new Set([...firstPaint, ...popupChunks])]),
  };
}
