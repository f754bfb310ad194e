import { windowLength } from '../forecast/forecast';
import type { LimitKind, Reading } from '../usage/types';
import type { ReadingWalk, Tally } from './packed-readings';

/** One 5-hour session or one week of one limit, as its readings saw it. */
export interface UsageWindow {
  limitId: string;
  kind: LimitKind;
  label: string;
  /** When the window began: its reset minus its length (epoch ms). */
  start: number;
  /** When it resets (epoch ms). */
  end: number;
  /** The highest percent any reading in it showed. */
  peak: number;
  /** True when a reading showed 100 % or more. */
  reachedLimit: boolean;
  /** When the first reading at 100 % was taken, or null. */
  hitAt: number | null;
  /** Time spent at the limit, counted between readings no further apart than the gap allowance. */
  atLimitMs: number;
  readings: number;
}

/** Two readings further apart than this say nothing about the time between them. */
export const MAX_GAP_MS = 90 * 60_000;
/** Resets a server reports a little differently from one reading to the next are one reset. */
const SAME_RESET_MS = 5 * 60_000;

/**
 * Every window of every session and weekly limit in `readings` (oldest first), split where the
 * reset time moves on.
 * Readings of a window not yet started (no reset time) belong to none. Pure.
 */
export function splitWindows(readings: ReadingWalk<Reading>, maxGapMs = MAX_GAP_MS): UsageWindow[] {
  const split = windowTally(maxGapMs);
  readings.forEach(split.add);
  return split.done();
}

/** `splitWindows` a reading at a time, for a walk that feeds other statistics too. */
export function windowTally(maxGapMs = MAX_GAP_MS): Tally<Reading, UsageWindow[]> {
  // The window each limit is in, and its last reading (kept as numbers: a year has 70,000 limits).
  const open = new Map<string, { window: UsageWindow; lastAt: number; lastPercent: number }>();
  const done: UsageWindow[] = [];
  const add = (reading: Reading) => {
    const at = reading.at;
    for (const limit of reading.limits) {
      const { kind, percent, resetsAt } = limit;
      if (kind !== 'session' && kind !== 'weekly' && kind !== 'weekly_model') continue;
      if (resetsAt === null || !Number.isFinite(percent) || !Number.isFinite(resetsAt)) continue;
      const current = open.get(limit.id);
      // Only the reset time tells windows apart: a server still reporting a passed reset
      // describes the same window, however many readings repeat it.
      if (current && Math.abs(resetsAt - current.window.end) <= SAME_RESET_MS) {
        const w = current.window;
        if (current.lastPercent >= 100 && at - current.lastAt <= maxGapMs)
          w.atLimitMs += Math.max(0, Math.min(at, w.end) - current.lastAt);
        if (percent > w.peak) w.peak = percent;
        w.label = limit.label;
        w.readings += 1;
        if (percent >= 100) {
          w.hitAt ??= at;
          w.reachedLimit = true;
        }
        current.lastAt = at;
        current.lastPercent = percent;
        continue;
      }
      if (current) done.push(current.window);
      open.set(limit.id, {
        window: {
          limitId: limit.id,
          kind,
          label: limit.label,
          start: resetsAt - windowLength(kind),
          end: resetsAt,
          peak: percent,
          reachedLimit: percent >= 100,
          hitAt: percent >= 100 ? at : null,
          atLimitMs: 0,
          readings: 1,
        },
        lastAt: at,
        lastPercent: percent,
      });
    }
  };
  return {
    add,
    done() {
      for (const { window } of open.values()) done.push(window);
      return done.sort((a, b) => a.start - b.start || a.limitId.localeCompare(b.limitId));
    },
  };
}

/** What one week says: its peak weekly percent, the sessions that hit the limit, time at a limit. */
export interface WeekSummary {
  start: number;
  end: number;
  peakPercent: number;
  sessionsAtLimit: number;
  atLimitMs: number;
}

/**
 * One summary per window of the weekly (all models) limit, with the sessions that ended inside
 * it. Time at the limit is the session's and the week's together, each counted once. Pure.
 */
export function summariseWeeks(windows: readonly UsageWindow[]): WeekSummary[] {
  const weeks = windows.filter((w) => w.kind === 'weekly');
  const sessions = windows.filter((w) => w.kind === 'session');
  return weeks.map((week) => {
    const inside = sessions.filter((s) => s.end > week.start && s.end <= week.end);
    return {
      start: week.start,
      end: week.end,
      peakPercent: week.peak,
      sessionsAtLimit: inside.filter((s) => s.reachedLimit).length,
      // A blocked week blocks every session in it: its time is the larger of the two counts.
      atLimitMs: Math.max(
        week.atLimitMs,
        inside.reduce((sum, s) => sum + s.atLimitMs, 0),
      ),
    };
  });
}

export type WindowSortKey = 'label' | 'start' | 'end' | 'peak' | 'reachedLimit';

/** The windows ordered by one column, ties by start time. Pure; returns a new array. */
export function sortWindows(
  windows: readonly UsageWindow[],
  key: WindowSortKey,
  direction: 'ascending' | 'descending',
): UsageWindow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const value = (w: UsageWindow): string | number =>
    key === 'reachedLimit' ? Number(w.reachedLimit) : w[key];
  return [...windows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
    return sign * order || a.start - b.start;
  });
}
