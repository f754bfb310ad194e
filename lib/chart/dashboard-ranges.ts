import { HOURLY_AFTER_DAYS } from '../history/compaction';
import type { Settings } from '../settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type RangeId = '6h' | '24h' | '7d' | '30d' | '90d' | '1y';

/** The dashboard's history ranges, shortest first. */
export const DASHBOARD_RANGES: readonly { id: RangeId; ms: number }[] = [
  { id: '6h', ms: 6 * HOUR },
  { id: '24h', ms: 24 * HOUR },
  { id: '7d', ms: 7 * DAY },
  { id: '30d', ms: 30 * DAY },
  { id: '90d', ms: 90 * DAY },
  { id: '1y', ms: 365 * DAY },
];

/** The range named `id` (e.g. from the page's address), else the default of 7 days. */
export function rangeById(id: string | null | undefined): { id: RangeId; ms: number } {
  return DASHBOARD_RANGES.find((r) => r.id === id) ?? DASHBOARD_RANGES[2]!;
}

/**
 * The coarsest stored resolution a range reaches back into, in minutes per point: 0 when every
 * reading is still raw, 10 past the raw days, 60 past 90 days (the compaction tiers). A range
 * longer than the history kept reaches only as far as the history does. Pure.
 */
export function rangeResolution(rangeMs: number, history: Settings['history']): 0 | 10 | 60 {
  const reach = Math.min(rangeMs, history.totalDays * DAY);
  if (reach > HOURLY_AFTER_DAYS * DAY) return 60;
  if (reach > history.rawDays * DAY) return 10;
  return 0;
}

/** How many points per limit the chart draws for a range: enough for every peak of an hour. */
export function chartPointBudget(rangeMs: number): number {
  return Math.min(2_000, Math.max(300, Math.ceil((rangeMs / HOUR) * 2)));
}
