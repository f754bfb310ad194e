import { formatDuration } from '../display/duration';
import { formatClock, formatPercent } from '../display/format';
import { t } from '../display/i18n';
import type { Settings } from '../settings';
import type { Limit } from '../usage/types';
import type { Notice } from './state';

type UnusedRules = Settings['notifications']['useItOrLoseIt'];

const HOUR = 3_600_000;
/** `resets_at` jitters by microseconds to seconds: a reset within this of the told one is the same week's. */
const SAME_RESET_MS = 5 * 60_000;

/**
 * "Use it or lose it": the notice for one weekly limit (the weekly limit and the per-model weekly
 * caps; never the 5-hour session, which comes back within hours anyway), or null. It is due while
 * the reading lands inside the chosen hours before the reset, with less than the chosen percent
 * used, and only if it was not told for this reset yet (`toldFor`, the reset it was last told
 * for): so a poll that lands late in the window still tells once, and the next week arms it
 * again. A missing or unusable reset time never tells. Pure.
 */
export function decideUnused(
  limit: Limit,
  key: string,
  rules: UnusedRules,
  toldFor: number | undefined,
  now: number,
): Notice | null {
  const at = limit.resetsAt;
  if (!rules.enabled || (limit.kind !== 'weekly' && limit.kind !== 'weekly_model')) return null;
  if (at === null || !Number.isFinite(at) || !Number.isFinite(limit.percent)) return null;
  const left = at - now;
  if (!(left > 0 && left <= rules.hoursBefore * HOUR && limit.percent < rules.belowPercent))
    return null;
  if (toldFor !== undefined && Math.abs(toldFor - at) <= SAME_RESET_MS) return null;
  return {
    id: `unused:${key}`,
    kind: 'unused',
    title: t('notifyTitleUnused', [
      limit.label,
      formatDuration(left),
      formatPercent(Math.max(0, 100 - limit.percent)),
    ]),
    message: t('notifyLineUnused', formatClock(at, now)),
    priority: 0.5,
    key,
    // Held through quiet hours, it stays true while usage is below this, until the reset.
    percent: rules.belowPercent,
    expiresAt: at,
  };
}
