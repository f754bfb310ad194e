import { formatDuration } from './duration';
import { evenPace, forecast, forecastOptions, windowLength, windowPoints } from './forecast';
import { formatClock, formatPercent } from './format';
import { t } from './i18n';
import type { Limit, Reading } from './usage/types';

export interface LimitOutlook {
  /** Short lines for under the bar. */
  hints: string[];
  /** Where the percent would be at the reset at this pace (uncapped), when there is a pace. */
  percentAtReset?: number;
}

/**
 * What the history says about one limit: the forecast line ("runs out ~14:32 (38 min before
 * reset)" or "on pace to last"), and for weekly limits the pace through the week. Nothing when
 * there is too little data: no guess is better than a wild one. Pure.
 */
export function limitOutlook(
  limit: Limit,
  history: readonly Reading[],
  now: number,
  locale?: string,
): LimitOutlook {
  if (limit.kind === 'other' || limit.resetsAt === null || limit.resetsAt <= now)
    return { hints: [] };
  const length = windowLength(limit.kind);
  const hints: string[] = [];
  const points = windowPoints(history, limit.id, limit.resetsAt, length);
  const result = forecast(points, limit.resetsAt, now, forecastOptions(limit.kind));
  let percentAtReset: number | undefined;
  if (result.enough && limit.percent < 100) {
    percentAtReset = result.percentAtReset;
    hints.push(
      result.lastsUntilReset
        ? t('forecastLasts')
        : t('forecastRunsOut', [
            formatClock(result.projectedFullAt, now, locale),
            formatDuration(limit.resetsAt - result.projectedFullAt),
          ]),
    );
  }
  if (limit.kind !== 'session') {
    const pace = evenPace(limit.percent, limit.resetsAt, now, length);
    hints.push(
      t('forecastWeekPace', [
        formatDuration(pace.elapsedMs),
        formatDuration(length),
        formatPercent(pace.elapsedFraction * 100, locale),
        formatPercent(limit.percent, locale),
      ]),
    );
  }
  return { hints, percentAtReset };
}
