// The dashboard's history read (in its history worker, or in the page where none starts): the
// range read, the repair of the days found unpacked, then the statistics.
import { deriveHistory, type DashboardHistory } from '../history/dashboard-history';
import type { Snapshot, SnapshotRepo } from './db';
import type { ReadingWalk } from '../history/packed-readings';

/** Up to a week the readings themselves are read; longer ranges read the day packs. */
export const PACKED_AFTER_MS = 7 * 24 * 3_600_000;

/** After a read that found days without a pack: pack just those days again, this long after. */
const REPAIR_AFTER_MS = 1_000;

/** One organisation's readings in the range, from the packs for long ranges (repaired if stale). */
export async function readRange(
  repo: SnapshotRepo,
  orgId: string,
  from: number,
  to: number,
): Promise<ReadingWalk<Snapshot>> {
  if (to - from <= PACKED_AFTER_MS) return repo.range(orgId, from, to);
  const { readings, staleDays } = await repo.rangePacked(orgId, from, to);
  // Those days' readings were read instead; pack just those days again, after this paint (after
  // polls that is today's, not the year).
  const [first, last] = [staleDays[0], staleDays.at(-1)];
  if (first !== undefined && last !== undefined)
    setTimeout(
      () => void repo.repairPacks(orgId, first, last).catch(() => undefined),
      REPAIR_AFTER_MS,
    );
  return readings;
}

/** A range's history, and where the time went (for the bench's figures). */
export interface HistoryRead {
  history: DashboardHistory;
  readMs: number;
  deriveMs: number;
}

/**
 * The history of one organisation over `from`–`to`: one indexed range read, then the statistics
 * from it. A read that fails gives the statistics of no readings (the page says there is no
 * history yet) rather than no page.
 */
export async function readHistory(
  repo: () => Promise<SnapshotRepo>,
  orgId: string,
  from: number,
  to: number,
): Promise<HistoryRead> {
  const start = performance.now();
  const readings = await repo()
    .then((r) => readRange(r, orgId, from, to))
    .catch((): ReadingWalk<Snapshot> => []);
  const read = performance.now();
  const history = deriveHistory(readings, from, to);
  return { history, readMs: read - start, deriveMs: performance.now() - read };
}
