import type { Level } from '../display/levels';

/** What the history says about one limit, as data: the row and the verdict word it. */
export interface LimitOutlook {
  /** When the limit runs out at this pace, if that comes before its reset. */
  runsOutAt?: number;
  /** The forecast had enough data and the limit lasts until its reset. */
  lasts?: boolean;
  /** How far through its window the limit is (0–100): where an even pace would be. */
  elapsedPercent?: number;
  /** Percentage points used beyond an even pace, when at least `AHEAD_MIN_POINTS` (lib/outlook). */
  aheadBy?: number;
}

/** A limit at risk (running out before its reset) is at least amber, whatever its percent. */
export function atRisk(outlook: LimitOutlook | undefined): boolean {
  return outlook?.runsOutAt !== undefined;
}

/** The row's level: the percent's, raised to amber for a limit that runs out before its reset. */
export function levelWithRisk(level: Level, outlook: LimitOutlook | undefined): Level {
  return level === 'ok' && atRisk(outlook) ? 'warn' : level;
}
