import { evenPace, forecast, forecastOptions, windowLength, windowPoints } from './forecast';
import type { LimitOutlook } from './risk';
import type { Limit, Reading } from '../usage/types';

export type { LimitOutlook } from './risk';

/** Points above an even pace before the row says "ahead of pace": less is noise of the rounding. */
export const AHEAD_MIN_POINTS = 5;

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
