import type { LimitKind, Reading } from '../usage/types';

const HOUR = 3_600_000;
/** Reset times jitter by microseconds between calls; anything closer than this is the same window. */
const SAME_WINDOW_MS = 5 * 60_000;

export interface Point {
  at: number;
  percent: number;
}

export interface ForecastOptions {
  /** How far back the pace looks; recent readings weigh more (half-life: half of this). */
  lookbackMs: number;
  /** A gap between readings counts at most this long: a sleeping laptop is not a slow burn. */
  maxGapMs: number;
}

/** Lookback per kind: the last hour of a 5-hour session, the last day of a week. */
export function forecastOptions(kind: LimitKind): ForecastOptions {
  return kind === 'session'
    ? { lookbackMs: HOUR, maxGapMs: 10 * 60_000 }
    : { lookbackMs: 24 * HOUR, maxGapMs: 2 * HOUR };
}

export type Forecast =
  | { enough: false }
  | {
      enough: true;
      /** Percentage points per hour at the recent pace. */
      burnRatePerHour: number;
      /** When the limit reaches 100 % at this pace (epoch ms). */
      projectedFullAt: number;
      /** True when the projected full time is at or after the reset. */
      lastsUntilReset: boolean;
      /** Where the percent would be at the reset if the pace holds (uncapped). */
      percentAtReset: number;
    };

/**
 * Project when a limit runs out, from the readings of its current window.
 *
 * Method, and why: the pace is a recency-weighted ratio of rises to elapsed time over the lookback,
 * Σ wᵢ·Δpᵢ / Σ wᵢ·Δtᵢ over consecutive readings, with wᵢ halving every half lookback. A ratio of sums
 * is robust to the whole-percent rounding of the API (steps of 1 average out) and needs no matrix
 * maths; the weights make it follow a person who speeds up or slows down within the hour. Falls
 * (without a reset) are read as 0, not negative burn: usage cannot go down inside a window, so a
 * fall is noise. Gaps longer than `maxGapMs` count as `maxGapMs`: idle time while the browser slept
 * is not burn, and must not dilute the pace. With fewer than three readings, or no rise at all,
 * there is nothing honest to say, so the answer is "not enough data" rather than a wild guess.
 */
export function forecast(
  points: readonly Point[],
  resetsAt: number,
  now: number,
  options: ForecastOptions,
): Forecast {
  if (points.length < 3) return { enough: false };
  const last = points[points.length - 1]!;
  const from = now - options.lookbackMs;
  const halfLife = options.lookbackMs / 2;
  let rise = 0;
  let time = 0;
  let anyRise = false;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (b.at <= from || b.at <= a.at) continue;
    const start = Math.max(a.at, from);
    const share = (b.at - start) / (b.at - a.at);
    const delta = Math.max(0, b.percent - a.percent) * share;
    const dt = Math.min(b.at - start, options.maxGapMs);
    const weight = 2 ** (-(now - (start + b.at) / 2) / halfLife);
    if (delta > 0) anyRise = true;
    rise += weight * delta;
    time += weight * dt;
  }
  if (!anyRise || time <= 0) return { enough: false };
  const burnRatePerHour = (rise / time) * HOUR;
  const remaining = Math.max(0, 100 - last.percent);
  const projectedFullAt = last.at + (remaining / burnRatePerHour) * HOUR;
  const percentAtReset = last.percent + burnRatePerHour * (Math.max(0, resetsAt - last.at) / HOUR);
  return {
    enough: true,
    burnRatePerHour,
    projectedFullAt,
    lastsUntilReset: projectedFullAt >= resetsAt,
    percentAtReset,
  };
}

/** The points of one limit in the window that resets at `resetsAt`, oldest first. */
export function windowPoints(
  readings: readonly Reading[],
  limitId: string,
  resetsAt: number,
  windowMs: number,
): Point[] {
  const points: Point[] = [];
  for (const reading of readings) {
    if (reading.at < resetsAt - windowMs || reading.at > resetsAt) continue;
    const limit = reading.limits.find((l) => l.id === limitId);
    if (!limit) continue;
    // A reading of an earlier window (its reset is well before this one) is not part of this pace.
    if (limit.resetsAt !== null && Math.abs(limit.resetsAt - resetsAt) > SAME_WINDOW_MS) continue;
    points.push({ at: reading.at, percent: limit.percent });
  }
  return points;
}

/** The length of a limit's window. */
export function windowLength(kind: LimitKind): number {
  return kind === 'session' ? 5 * HOUR : 7 * 24 * HOUR;
}

export interface Pace {
  elapsedMs: number;
  windowMs: number;
  /** Share of the window gone, 0–1. */
  elapsedFraction: number;
  usedPercent: number;
  /** True when usage runs ahead of an even pace through the window. */
  ahead: boolean;
}

/** How far through its window a limit is, against how much of it is used. */
export function evenPace(percent: number, resetsAt: number, now: number, windowMs: number): Pace {
  const elapsedMs = Math.min(windowMs, Math.max(0, windowMs - (resetsAt - now)));
  const elapsedFraction = elapsedMs / windowMs;
  return {
    elapsedMs,
    windowMs,
    elapsedFraction,
    usedPercent: percent,
    ahead: percent > elapsedFraction * 100,
  };
}
