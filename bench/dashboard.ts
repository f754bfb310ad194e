import type { BrowserContext, Page } from '@playwright/test';
import type { Reading } from '../lib/usage/types';
import { markTimes } from './page-wait';
import { gzipOf, pageChunks } from './sizes';
import { spread, type Spread } from './stats';

/** What the dashboard page costs, against the floor page, with a year's worth of history. */
export interface DashboardFigures {
  floor: Spread;
  /** Navigation start to the cards painted from storage. */
  cards: Spread;
  cardsRatio: number;
  /** Seeded raw readings, and the records left after the compaction the extension runs daily. */
  seeded: number;
  compacted: number;
  /** The 1 y range over the compacted history: navigation start to the chart and the heat-map. */
  chartYear: Spread;
  heatmapYear: Spread;
  /** The same, counted from the cards: the range read and the statistics. */
  chartAfterCards: Spread;
  heatmapAfterCards: Spread;
  /** The history in the page (read and worked out in the history worker), counted from the cards. */
  historyAfterCards: Spread;
  /** Where the worker's time goes: the range read, then the statistics from it. */
  readYear: Spread;
  deriveYear: Spread;
  /**
   * The first open after the compaction, chart after the cards: every day's pack is a placeholder
   * (the worker's compaction makes none), so the readings themselves are read, and the page packs
   * those days again. One open; the others are measured after it, as a person sees them.
   */
  firstOpenAfterCards: number;
  /** The 1 y range over the same readings left raw (the first days, before any compaction). */
  chartYearRaw: Spread;
  /** Gzipped JS the page loads before the cards, and with the lazily loaded chart. */
  firstPaintGzip: number;
  totalGzip: number;
}

type Seeder = {
  benchSeed(t: Reading, n: number): Promise<unknown>;
  benchCompact(now: number): Promise<number>;
};

/**
 * Milliseconds from navigation start to each mark, on a fresh page, then what the history mark
 * says the worker spent reading and deriving (0 where a page has no such mark).
 */
async function marks(
  context: BrowserContext,
  url: string,
  names: string[],
  lingerMs = 0,
): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(url);
  const at = await markTimes(page, names, 60_000);
  // The marks are set: Playwright's own page scripts no longer land inside what is measured.
  const took = await page.evaluate(() => {
    const history = performance.getEntriesByName('history-read')[0] as PerformanceMark | undefined;
    return (history?.detail ?? {}) as { readMs?: number; deriveMs?: number };
  });
  const times = [...at, took.readMs ?? 0, took.deriveMs ?? 0];
  // Time for what the page does after its paint (packing days again), before it closes.
  if (lingerMs) await page.waitForTimeout(lingerMs);
  await page.close();
  return times;
}

function sizes(outDir: string) {
  const { firstPaint, all } = pageChunks(outDir, 'dashboard.html');
  return { firstPaintGzip: gzipOf(outDir, firstPaint), totalGzip: gzipOf(outDir, all) };
}

/**
 * Seeds `count` readings (2 minutes apart, ending at `template.at`) through `seeder` (a page with
 * the bench's seed script), measures the 1 y range raw, compacts as the worker's daily
 * maintenance does, and measures the cards (against the floor), the chart and the heat-map.
 */
export async function benchDashboard(opts: {
  context: BrowserContext;
  seeder: Page;
  id: string;
  floorUrl: string;
  template: Reading;
  count: number;
  runs: number;
  outDir: string;
}): Promise<DashboardFigures> {
  const { context, seeder, runs } = opts;
  const year = `chrome-extension://${opts.id}/dashboard.html?range=1y`;
  const names = ['cards-painted', 'chart-drawn', 'heatmap-drawn', 'history-read'];
  await seeder.evaluate(([t, n]) => (globalThis as unknown as Seeder).benchSeed(t, n), [
    opts.template,
    opts.count,
  ] as const);
  await new Promise((r) => setTimeout(r, 3_000));
  const raw: number[] = [];
  for (let i = 0; i <= runs; i++)
    if (i > 0) raw.push((await marks(context, year, names))[1]!);
    else await marks(context, year, names);

  const compacted = await seeder.evaluate(
    (now) => (globalThis as unknown as Seeder).benchCompact(now),
    opts.template.at,
  );
  await new Promise((r) => setTimeout(r, 3_000));
  const first = await marks(context, year, names, 5_000);
  const floor: number[] = [];
  const page: number[][] = [];
  // Floor and page in turn, after one unmeasured round, as the popup's figures are taken.
  for (let round = 0; round <= runs; round++) {
    const f = (await marks(context, opts.floorUrl, ['floor-painted']))[0]!;
    const p = await marks(context, year, names);
    if (round === 0) continue;
    floor.push(f);
    page.push(p);
  }
  const cards = spread(page.map((p) => p[0]!));
  const f = spread(floor);
  return {
    floor: f,
    cards,
    cardsRatio: cards.median / f.median,
    seeded: opts.count,
    compacted,
    chartYear: spread(page.map((p) => p[1]!)),
    heatmapYear: spread(page.map((p) => p[2]!)),
    chartAfterCards: spread(page.map((p) => p[1]! - p[0]!)),
    heatmapAfterCards: spread(page.map((p) => p[2]! - p[0]!)),
    historyAfterCards: spread(page.map((p) => p[3]! - p[0]!)),
    readYear: spread(page.map((p) => p[4]!)),
    deriveYear: spread(page.map((p) => p[5]!)),
    firstOpenAfterCards: first[1]! - first[0]!,
    chartYearRaw: spread(raw),
    ...sizes(opts.outDir),
  };
}
