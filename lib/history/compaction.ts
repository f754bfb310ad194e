import type { Snapshot, SnapshotRepo } from '../storage/db';
import type { Settings } from '../settings';
import type { Limit } from '../usage/types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Older than this, one point per hour; before it (and after the raw days), one per 10 minutes. */
export const HOURLY_AFTER_DAYS = 90;

export interface CompactionPlan {
  /** Keys ([orgId, at]) of snapshots to delete. */
  remove: [string, number][];
  /** Compacted points to write in their place. */
  add: Snapshot[];
}

const HOUR = 60 * MINUTE;

/**
 * The bucket width (minutes) for a snapshot taken at `at`: -1 = drop, 0 = keep raw. A bucket is
 * compacted only when all of it lies in its tier, so no compacted point can share its key with a
 * raw point or a point of the other tier.
 */
export function tierOf(at: number, history: Settings['history'], now: number): number {
  if (now - at > history.totalDays * DAY) return -1;
  const hour = Math.floor(at / HOUR) * HOUR;
  if (now - (hour + HOUR) > HOURLY_AFTER_DAYS * DAY) return 60;
  const ten = Math.floor(at / (10 * MINUTE)) * 10 * MINUTE;
  if (now - (ten + 10 * MINUTE) > history.rawDays * DAY) return 10;
  return 0;
}

/** One point for a bucket: each limit at its highest percent (peaks are never lost). */
function merge(points: Snapshot[], at: number, tier: number): Snapshot {
  const ordered = [...points].sort((a, b) => a.at - b.at);
  const limits = new Map<string, Limit>();
  for (const point of ordered) {
    for (const limit of point.limits) {
      const seen = limits.get(limit.id);
      const resets = [seen?.resetsAt, limit.resetsAt].filter(
        (t): t is number => typeof t === 'number',
      );
      // The newest label and kind; the highest percent; the latest reset.
      limits.set(limit.id, {
        ...limit,
        percent: Math.max(seen?.percent ?? 0, limit.percent),
        resetsAt: resets.length > 0 ? Math.max(...resets) : null,
      });
    }
  }
  const newest = ordered[ordered.length - 1]!;
  return { orgId: newest.orgId, at, limits: [...limits.values()], extra: newest.extra, tier };
}

/**
 * What compaction does to some snapshots: raw for `rawDays`, then one point per 10 minutes up to
 * 90 days, then one per hour, all gone after `totalDays`. A compacted point sits at its bucket's
 * start and keeps each limit's maximum, so a chart of months still shows every peak. Compacting
 * compacted data changes nothing. Pure.
 */
export function planCompaction(
  snapshots: readonly Snapshot[],
  history: Settings['history'],
  now: number,
): CompactionPlan {
  const plan: CompactionPlan = { remove: [], add: [] };
  const buckets = new Map<string, { tier: number; at: number; points: Snapshot[] }>();
  for (const s of snapshots) {
    const tier = tierOf(s.at, history, now);
    if (tier === 0) continue;
    if (tier === -1) {
      plan.remove.push([s.orgId, s.at]);
      continue;
    }
    const at = Math.floor(s.at / (tier * MINUTE)) * tier * MINUTE;
    const key = `${s.orgId}|${tier}|${at}`;
    const bucket = buckets.get(key) ?? { tier, at, points: [] };
    bucket.points.push(s);
    buckets.set(key, bucket);
  }
  for (const { tier, at, points } of buckets.values()) {
    if (points.length === 1 && points[0]!.at === at && points[0]!.tier === tier) continue;
    for (const p of points) plan.remove.push([p.orgId, p.at]);
    plan.add.push(merge(points, at, tier));
  }
  return plan;
}

/** Compaction works through history one slice at a time, so no transaction holds up a poll. */
const SLICE_MS = DAY;

/**
 * Run compaction over everything older than the raw days, oldest first, one day a transaction
 * (at most a day of readings, ~720 per organisation at the default interval). Returns how many
 * snapshots were removed and written.
 */
export async function compactHistory(
  repo: Pick<SnapshotRepo, 'rangeAll' | 'replace' | 'oldestAt'>,
  history: Settings['history'],
  now: number,
): Promise<{ removed: number; added: number }> {
  const end = now - history.rawDays * DAY;
  let removed = 0;
  let added = 0;
  const oldest = await repo.oldestAt();
  if (oldest === undefined || oldest > end) return { removed, added };
  // Slices start on the hour, so no bucket is ever split between two of them.
  for (let from = Math.floor(oldest / HOUR) * HOUR; from <= end; from += SLICE_MS) {
    const slice = await repo.rangeAll(from, Math.min(end, from + SLICE_MS - 1));
    const plan = planCompaction(slice, history, now);
    if (plan.remove.length === 0 && plan.add.length === 0) continue;
    await repo.replace(plan.remove, plan.add);
    removed += plan.remove.length;
    added += plan.add.length;
  }
  return { removed, added };
}
