import type { Snapshot } from '../storage/db-schema';

/**
 * What the dashboard's statistics walk, once each: an array of readings, or a range read in place
 * (`PackedReadings`). A walk keeps numbers and strings of a reading, never the reading or its
 * limits, which the next one may overwrite.
 */
export interface ReadingWalk<R> {
  forEach(visit: (reading: R) => void): void;
}

/** A statistic made a reading at a time: `add` each (oldest first, kept as numbers), then `done`. */
export interface Tally<R, T> {
  add(reading: R): void;
  done(): T;
}

/** A packed day's rows: `cursor()` reads them (a `PackCursor` of day-pack.ts), one walk each. */
export interface PackRows {
  readonly count: number;
  cursor(): { atOf(i: number): number; read(i: number): Snapshot };
}

/** One day of a range read: its pack's rows, or the readings read for a day without one. */
export type RangePart = PackRows | readonly Snapshot[];

/**
 * A range's readings, oldest first, as the dashboard's statistics read them: the packed days are
 * read in place (see `PackCursor`), so the reading handed to `visit` is good until `visit`
 * returns. `ownReadings` makes readings to keep.
 */
export class PackedReadings implements ReadingWalk<Snapshot> {
  constructor(
    private readonly parts: readonly RangePart[],
    private readonly from = -Infinity,
    private readonly to = Infinity,
  ) {}

  forEach(visit: (reading: Snapshot) => void): void {
    const { from, to } = this;
    for (const part of this.parts) {
      if (Array.isArray(part)) {
        for (const reading of part as readonly Snapshot[])
          if (reading.at >= from && reading.at <= to) visit(reading);
        continue;
      }
      const { count } = part as PackRows;
      const cursor = (part as PackRows).cursor();
      for (let i = 0; i < count; i++) {
        const at = cursor.atOf(i);
        if (at >= from && at <= to) visit(cursor.read(i));
      }
    }
  }
}

/** Readings of their own from a range read (read in place or not), for whoever keeps them. */
export function ownReadings(readings: ReadingWalk<Snapshot>): Snapshot[] {
  if (Array.isArray(readings)) return readings as Snapshot[];
  const out: Snapshot[] = [];
  readings.forEach((r) => out.push({ ...r, limits: r.limits.map((l) => ({ ...l })) }));
  return out;
}
