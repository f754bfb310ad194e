// The day packs beside the readings. The rule that keeps them honest: every transaction that
// writes readings puts a stale placeholder over the packs of the days it touches, and a pack is
// only written in a transaction that reads that day's readings (or the pack it extends) in the
// same breath. So a pack says what the readings say, and every day with readings has a pack or a
// placeholder (the upgrade leaves one for each day of the history already kept). A failure after the readings are
// stored costs a pack, never a reading: the dashboard reads that day's readings, then repacks it.
import type { IDBPDatabase } from 'idb';
import {
  appendToPack,
  DAY_MS,
  packAll,
  packDay,
  packDayOf,
  openPack,
  PackCursor,
  type DayPack,
  type OpenPack,
} from '../history/day-pack';
import { PackedReadings, type RangePart, type ReadingWalk } from '../history/packed-readings';
import type { TouchedDay } from '../history/pack-days';
import type { Snapshot, UsageDB } from './db-schema';
import { withLabels, type Labeller } from '../usage/labels';

const dayRange = (orgId: string, day: number) =>
  IDBKeyRange.bound([orgId, day], [orgId, day + DAY_MS - 1]);

/**
 * After readings are stored: the packs of the touched days again. A day whose pack was there and
 * gets only newer readings is extended (a poll: no day of readings to read); any other is packed
 * from its readings. Never throws: the readings are stored, and a missing pack is read around.
 */
export async function afterWrite(
  db: IDBPDatabase<UsageDB>,
  touched: readonly (TouchedDay & { pack?: DayPack | undefined; fresh?: boolean })[],
): Promise<void> {
  try {
    const tx = db.transaction(['snapshots', 'days'], 'readwrite');
    const snapshots = tx.objectStore('snapshots');
    const days = tx.objectStore('days');
    await Promise.all(
      touched.map(async (d) => {
        const key: [string, number] = [d.orgId, d.day];
        const range = dayRange(d.orgId, d.day);
        // Another writer may have packed the day meanwhile (then it is right) or changed it.
        const now = await days.get(key);
        if (now && !now.stale) return;
        const sorted = [...d.readings].sort((a, b) => a.at - b.at);
        const extended =
          d.pack &&
          !d.pack.stale &&
          d.fresh &&
          (await snapshots.count(range)) === d.pack.count + sorted.length
            ? appendToPack(d.pack, sorted)
            : null;
        await days.put(
          extended ?? packDay(d.orgId, d.day, (await snapshots.getAll(range)) as Snapshot[]),
        );
      }),
    );
    await tx.done;
  } catch {
    /* the readings are safe; the dashboard finds the pack missing and makes it */
  }
}

/** Packs one organisation's days in `from`–`to` again from its readings (a repair). */
export async function rebuildDays(
  db: IDBPDatabase<UsageDB>,
  orgId: string,
  from: number,
  to: number,
): Promise<void> {
  const tx = db.transaction(['snapshots', 'days'], 'readwrite');
  const snapshots = tx.objectStore('snapshots');
  const days = tx.objectStore('days');
  const readings = await snapshots.getAll(
    IDBKeyRange.bound([orgId, packDayOf(from)], [orgId, packDayOf(to) + DAY_MS - 1]),
  );
  await days.delete(
    IDBKeyRange.bound([orgId, packDayOf(from)], [orgId, packDayOf(to) + DAY_MS - 1]),
  );
  for (const pack of packAll(readings)) void days.put(pack);
  await tx.done;
}

export interface PackedRange {
  /** Oldest first; packed days are read in place (`ownReadings` makes them readings to keep). */
  readings: ReadingWalk<Snapshot>;
  /** True when some days had no pack made yet: their readings were read instead. */
  stale: boolean;
  /** Those days' starts, oldest first: what a repair needs to pack again (not the whole range). */
  staleDays: number[];
}

/**
 * One organisation's readings in `from`–`to`, oldest first, from the packs (labelled by
 * `relabel` when given: once per pack column, not per reading), in one read-only
 * transaction over both stores so packs and readings are of the same moment. The days without a
 * usable pack (a placeholder, one columns cannot hold, a damaged one) are read from their
 * readings in ONE more range read, from the first such day to the last: after the worker's daily
 * compaction that is every day of the range, on a normal day just today. The packed days are
 * read in place (`PackedReadings`): a walk of the readings, not readings to keep.
 */
export async function readPacked(
  db: IDBPDatabase<UsageDB>,
  orgId: string,
  from: number,
  to: number,
  relabel?: Labeller,
): Promise<PackedRange> {
  const tx = db.transaction(['snapshots', 'days']);
  const packs = await tx
    .objectStore('days')
    .getAll(IDBKeyRange.bound([orgId, packDayOf(from)], [orgId, packDayOf(to)]));
  const opened = packs.map((pack): OpenPack | null => {
    if (pack.stale || !pack.values) return null;
    try {
      return openPack(pack, relabel);
    } catch {
      return null; // damaged: read around it, and pack it again
    }
  });
  const unpacked = packs.filter((_, i) => opened[i] === null).map((pack) => pack.day);
  const byDay = new Map<number, Snapshot[]>(unpacked.map((day) => [day, []]));
  const [first, last] = [unpacked[0], unpacked.at(-1)];
  if (first !== undefined && last !== undefined) {
    const raw = await tx
      .objectStore('snapshots')
      .getAll(
        IDBKeyRange.bound([orgId, Math.max(from, first)], [orgId, Math.min(to, last + DAY_MS - 1)]),
      );
    if (relabel) withLabels(raw, relabel);
    for (const r of raw) byDay.get(packDayOf(r.at))?.push(r);
  }
  // The packed days are read in place, as the statistics walk them (see PackedReadings).
  const parts = packs.map((pack, i): RangePart => {
    const open = opened[i];
    return open ? { count: pack.count, cursor: () => new PackCursor(open) } : byDay.get(pack.day)!;
  });
  const readings = new PackedReadings(parts, from, to);
  // To pack again: placeholders and damaged packs, not a day whose readings columns cannot hold.
  const repair = packs
    .filter((pack, i) => opened[i] === null && (pack.stale || pack.values))
    .map((pack) => pack.day);
  return { readings, stale: repair.length > 0, staleDays: repair };
}

/**
 * What makes the day packs (`dayPacks` in db-packs.ts): the dashboard passes it. Without it a
 * write leaves placeholders over the days it touched and the dashboard packs them when it reads
 * them, so the worker carries none of the packing code.
 */
export interface PackKeeper {
  afterWrite: typeof afterWrite;
  readPacked: typeof readPacked;
  rebuildDays: typeof rebuildDays;
}

/** The day packs' upkeep, for `createSnapshotRepo`: the dashboard's, not the worker's. */
export const dayPacks: PackKeeper = { afterWrite, readPacked, rebuildDays };
