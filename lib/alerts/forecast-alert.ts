import { formatDuration, formatForecastIn } from '../display/duration';
import { forecast, forecastOptions, type Point } from '../forecast/forecast';
import { formatClock } from '../display/format';
import { t } from '../display/i18n';
import type { Settings } from '../settings';
import type { Limit } from '../usage/types';
import type { LimitMemory, Notice } from './state';

type NotificationSettings = Settings['notifications'];

const MINUTE = 60_000;
/**
 * Two consecutive projections are "stable" when their full times lie within this of each other.
 * Ten minutes: the API rounds to whole percents, so one reading can move a projection a few minutes
 * either way; a real change of pace moves it by much more.
 */
export const STABLE_WITHIN_MS = 10 * MINUTE;
/** Running out less than this before the reset is within the noise: no warning. */
export const MIN_LEAD_MS = 5 * MINUTE;
/** `resets_at` jitters by microseconds between calls; closer than this is the same window. */
const SAME_WINDOW_MS = 5 * MINUTE;
/** An hour of one-minute polls: the session forecast looks back an hour. */
export const MAX_POINTS = 60;

/** The part of a limit's memory the forecast alert owns; every field is absent in older state. */
export type ForecastMemory = Pick<
  LimitMemory,
  'forecastWindow' | 'recent' | 'projectedFullAt' | 'forecastShownAt'
>;

export interface ForecastStep {
  /** The forecast fields to keep (a field set to undefined is dropped). */
  memory: ForecastMemory;
  /** The projection to announce, if the forecast notice is due now; else null. */
  due: DueForecast | null;
}

export interface DueForecast {
  /** When the limit will be full at this pace. */
  fullAt: number;
  resetsAt: number;
}

const FORGOTTEN: ForecastMemory = {
  forecastWindow: undefined,
  recent: undefined,
  projectedFullAt: undefined,
  forecastShownAt: undefined,
};

/**
 * Whether to say "at this pace you will hit the limit at 14:32" after a reading of one limit, and
 * what to remember for the next reading. Session limits only. The memory keeps the window's recent
 * points (bounded: the forecast's lookback plus the point before it, at most `MAX_POINTS`), so no
 * history is read from IndexedDB per poll; it starts afresh when the window's reset time moves.
 *
 * The notice fires at most once per window, and only when the projection is stable: this reading and
 * the previous one both project the limit full at least `MIN_LEAD_MS` before the reset, within
 * `STABLE_WITHIN_MS` of each other. One burst alone never warns. Pure.
 */
export function decideForecast(
  before: ForecastMemory,
  limit: Limit,
  at: number,
  settings: NotificationSettings,
  now: number,
): ForecastStep {
  if (limit.kind !== 'session' || limit.resetsAt === null) return { memory: FORGOTTEN, due: null };
  const resetsAt = limit.resetsAt;
  const sameWindow =
    before.forecastWindow !== undefined &&
    Math.abs(resetsAt - before.forecastWindow) <= SAME_WINDOW_MS;
  const kept: ForecastMemory = sameWindow ? before : {};
  const options = forecastOptions('session');
  const recent = recentPoints(
    [...(kept.recent ?? []).filter((p) => p.at < at), { at, percent: limit.percent }],
    at - options.lookbackMs,
  );
  const memory: ForecastMemory = {
    forecastWindow: resetsAt,
    recent,
    projectedFullAt: undefined,
    forecastShownAt: kept.forecastShownAt,
  };
  if (!settings.enabled || !settings.forecast || limit.percent >= 100) return { memory, due: null };

  const result = forecast(recent, resetsAt, now, options);
  const fullAt =
    result.enough && result.projectedFullAt <= resetsAt - MIN_LEAD_MS
      ? result.projectedFullAt
      : undefined;
  memory.projectedFullAt = fullAt;
  const stable =
    fullAt !== undefined &&
    kept.projectedFullAt !== undefined &&
    Math.abs(fullAt - kept.projectedFullAt) <= STABLE_WITHIN_MS;
  if (!stable || kept.forecastShownAt !== undefined) return { memory, due: null };
  return { memory: { ...memory, forecastShownAt: now }, due: { fullAt, resetsAt } };
}

/** The points the forecast can use: those after `cutoff`, the one before them, at most `MAX_POINTS`. */
function recentPoints(points: Point[], cutoff: number): Point[] {
  const firstInside = points.findIndex((p) => p.at > cutoff);
  const start = firstInside < 0 ? points.length - 1 : Math.max(0, firstInside - 1);
  return points.slice(Math.max(start, points.length - MAX_POINTS));
}

/**
 * "5-hour session runs out in ~1 h 20 min", "At this pace at 14:32, 38 min before it resets". Held in
 * quiet hours like any notice, and dropped on release once the limit has reset (`percent`) or the
 * projected time has passed (`expiresAt`).
 */
export function forecastNotice(
  limit: Limit,
  { fullAt, resetsAt }: DueForecast,
  key: string,
  orgLabel: string | undefined,
  now: number,
  locale?: string,
): Notice {
  const clock = formatClock(fullAt, now, locale);
  const lead = formatDuration(resetsAt - fullAt);
  const line = t('notifyLineForecast', [clock, lead]);
  return {
    id: `forecast:${key}`,
    kind: 'forecast',
    title: t('notifyTitleForecast', [limit.label, formatForecastIn(fullAt - now)]),
    message: orgLabel ? t('notifyLineWithOrg', [line, orgLabel]) : line,
    priority: 1.5,
    key,
    percent: limit.percent,
    expiresAt: fullAt,
  };
}
