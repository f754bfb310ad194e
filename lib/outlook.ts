import { evenPace, forecast, forecastOptions, windowLength, windowPoints } from './forecast';
import type { Level } from './levels';
import type { Limit, Reading } from './usage/types';

/** Points above an even pace before the row says "ahead of pace": less is noise of the rounding. */
export const AHEAD_MIN_POINTS = 5;

/** What the history says about one limit, as data: the row and the verdict word it. */
export interface LimitOutlook {
  /** When the limit runs out at this pace, if that comes before its reset. */
  runsOutAt?: number;
  /** The forecast had enough data and the limit lasts until its reset. */
  lasts?: boolean;
  /** How far through its window the limit is (0–100): where an even pace would be. */
  elapsedPercent?: number;
  /** Percentage points used beyond an even pace, when at least `AHEAD_MIN_POINTS`. */
  aheadBy?: number;
}

/**
 * The forecast and the even pace of one limit. Nothing for a window not started, already due, or
 * of an unknown length; no forecast from too little data (no guess beats a wild one). Pure.
 */
export function limitOutlook(limit: Limit, history: readonly Reading[], now: number): LimitOutlook {
  if (limit.kind === 'other' || limit.resetsAt === null || limit.resetsAt <= now) return {};
  const length = windowLength(limit.kind);
  const pace = evenPace(limit.percent, limit.resetsAt, now, length);
  const elapsedPercent = pace.elapsedFraction * 100;
  const ahead = limit.percent - elapsedPercent;
  const outlook: LimitOutlook = { elapsedPercent };
  if (ahead >= AHEAD_MIN_POINTS) outlook.aheadBy = Math.round(ahead);
  if (limit.percent >= 100) return outlook;
  const points = windowPoints(history, limit.id, limit.resetsAt, length);
  const result = forecast(points, limit.resetsAt, now, forecastOptions(limit.kind));
  if (!result.enough) return outlook;
  if (result.lastsUntilReset) outlook.lasts = true;
  else outlook.runsOutAt = Math.max(now, result.projectedFullAt);
  return outlook;
}

/** A limit at risk (running out before its reset) is at least amber, whatever its percent. */
export function atRisk(outlook: LimitOutlook | undefined): boolean {
  return outlook?.runsOutAt !== undefined;
}

/** The row's level: the percent's, raised to amber for a limit that runs out before its reset. */
export function levelWithRisk(level: Level, outlook: LimitOutlook | undefined): Level {
  return level === 'ok' && atRisk(outlook) ? 'warn' : level;
}
