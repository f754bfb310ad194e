import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importsOf, pageChunks } from '../../bench/sizes';

// The shipped build's chunks, read as files: no browser needed.
const OUT = new URL('../../.output/chrome-mv3/', import.meta.url).pathname;

test('the chunks the popup chart waits on need nothing that is not fetched beside them', () => {
  const { firstPaint } = pageChunks(OUT, 'popup.html');
  const entry = firstPaint.find((f) => /^chunks\/popup-[^/]+\.js$/.test(f));
  expect(entry, "the popup's entry chunk").toBeDefined();
  // What the entry's lazy imports fetch beside the chunk they import (Vite's dependency list).
  const list = /m\.f=(\[[^\]]*\])/.exec(readFileSync(join(OUT, entry!), 'utf8'))?.[1];
  const fetchedBeside = new Set<string>(list ? (JSON.parse(list) as string[]) : []);
  const chartChunks = readdirSync(join(OUT, 'chunks'))
    .filter((f) => /^(HistoryChart|history-repo)-[^/]+\.js$/.test(f))
    .map((f) => `chunks/${f}`);
  expect(chartChunks).toHaveLength(2);
  for (const chunk of chartChunks) {
    const waitsFor = importsOf(OUT, chunk).static.filter(
      (dep) => !firstPaint.includes(dep) && !fetchedBeside.has(dep),
    );
    // Each of these would be learnt of only once `chunk` arrived: one more round trip.
    expect(waitsFor, `${chunk} imports`).toEqual([]);
  }
});
