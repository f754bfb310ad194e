import { MAX_GAP_MS, type UsageWindow } from './windows';
import type { Snapshot } from '../storage/db';
import type { ReadingWalk, Tally } from './packed-readings';

/** Weekday (0 = Monday … 6 = Sunday) and hour (0–23) of a moment, in the person's time zone. */
export type LocalSlot = (at: number) => { weekday: number; hour: number };

/** The runtime's own time zone (what the person sees on their clock). */
export const localSlot: LocalSlot = (at) => {
  const d = new Date(at);
  return { weekday: (d.getDay() + 6) % 7, hour: d.getHours() };
};

export interface HeatMap {
  /** `rise[weekday][hour]`: percentage points the limit rose in that hour, summed over the period. */
  rise: number[][];
  /** `covered[weekday][hour]`: how many steps between readings fell in that hour (0 = no data). */
  covered: number[][];
  /** The largest cell, for the colour scale (0 when nothing rose). */
  max: number;
}

const HOUR = 3_600_000;
/** A reset a server reports a little differently from one reading to the next is one reset. */
const SAME_RESET_MS = 5 * 60_000;

const grid = () => Array.from({ length: 7 }, () => new Array<number>(24).fill(0));

/**
 * How much one limit (the 5-hour session by default) rose in each hour of the week over the
 * readings given (oldest first). A step between two readings counts in the hour it ends in (a
 * compacted point ends where its bucket does): its rise, or after a reset the new percent. Steps across a gap longer than
 * `maxGapMs` (the extension was not running) count as nothing, not as usage. Pure.
 */
export function heatMap(
  readings: ReadingWalk<Snapshot>,
  limitId = 'session',
  slot: LocalSlot = localSlot,
  maxGapMs = MAX_GAP_MS,
): HeatMap {
  const heat = heatTally(limitId, slot, maxGapMs);
  readings.forEach(heat.add);
  return heat.done();
}

/** `heatMap` a reading at a time, for a walk that feeds other statistics too. */
export function heatTally(
  limitId = 'session',
  slot: LocalSlot = localSlot,
  maxGapMs = MAX_GAP_MS,
): Tally<Snapshot, HeatMap> {
  const rise = grid();
  const covered = grid();
  // A year of readings falls into a few thousand hours: their slot is worked out once each.
  const slots = new Map<number, { weekday: number; hour: number }>();
  let started = false;
  let previousAt = 0;
  let previousPercent = 0;
  let previousReset: number | null = null;
  const add = (reading: Snapshot) => {
    let limit: Snapshot['limits'][number] | undefined;
    for (const l of reading.limits)
      if (l.id === limitId) {
        limit = l;
        break;
      }
    if (!limit || !Number.isFinite(limit.percent)) return;
    if (started && reading.at > previousAt && reading.at - previousAt <= maxGapMs) {
      const reset =
        limit.resetsAt !== null &&
        previousReset !== null &&
        Math.abs(limit.resetsAt - previousReset) > SAME_RESET_MS;
      const gained = reset ? limit.percent : Math.max(0, limit.percent - previousPercent);
      // The last moment the step covers: a reading at 15:00 speaks of 14:50–15:00.
      const end = reading.at + (reading.tier ?? 0) * 60_000 - 1;
      const hour = Math.floor(end / HOUR);
      let s = slots.get(hour);
      if (!s) slots.set(hour, (s = slot(end)));
      rise[s.weekday]![s.hour]! += gained;
      covered[s.weekday]![s.hour]! += 1;
    }
    started = true;
    previousAt = reading.at;
    previousPercent = limit.percent;
    previousReset = limit.resetsAt;
  };
  const done = (): HeatMap => {
    const max = Math.max(0, ...rise.flat());
    return { rise: rise.map((row) => row.map((v) => Math.round(v * 10) / 10)), covered, max };
  };
  return { add, done };
}

export interface HitSummary {
  /** Windows that reached their limit, first reached between `from` and `to`. */
  count: number;
  /** The weekday most hits fell on (0 = Monday), or null with none. */
  weekday: number | null;
  /** The earliest hour of a hit on that weekday, or null with none. */
  hour: number | null;
}

/**
 * How often a limit was hit in the period and when: the weekday with the most hits (the earliest
 * in the week on a tie) and the earliest hour a hit came on it ("Tuesdays after 14:00"). Pure.
 */
export function summariseHits(
  windows: readonly UsageWindow[],
  from: number,
  to: number,
  slot: LocalSlot = localSlot,
): HitSummary {
  const hits = windows
    .map((w) => w.hitAt)
    .filter((at): at is number => at !== null && at >= from && at <= to)
    .map(slot);
  if (hits.length === 0) return { count: 0, weekday: null, hour: null };
  const perDay = new Array<number>(7).fill(0);
  for (const h of hits) perDay[h.weekday]! += 1;
  const weekday = perDay.indexOf(Math.max(...perDay));
  const hour = Math.min(...hits.filter((h) => h.weekday === weekday).map((h) => h.hour));
  return { count: hits.length, weekday, hour };
}
