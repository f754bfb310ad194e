import { describe, expect, it } from 'vitest';
import {
  evenPace,
  forecast,
  forecastOptions,
  windowPoints,
  type Point,
} from '../../../lib/forecast/forecast';
import { fakeLimit } from '../support/builders';

const H = 3_600_000;
const MIN = 60_000;
const NOON = Date.parse('2026-09-05T12:00:00Z');

/** Readings every `step` ms, from `start` percent, rising `perHour`, ending at `end`. */
function climb(start: number, perHour: number, end: number, step = 5 * MIN, count = 13): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const at = end - (count - 1 - i) * step;
    return { at, percent: start - (perHour * (end - at)) / H };
  });
}

const session = forecastOptions('session');
const weekly = forecastOptions('weekly');

describe('forecast', () => {
  it('projects a steady climb of 10 %/h from 40 % at 12:00 to run out at 18:00', () => {
    const result = forecast(climb(40, 10, NOON), NOON + 7 * H, NOON, session);
    expect(result.enough).toBe(true);
    if (!result.enough) return;
    expect(result.burnRatePerHour).toBeCloseTo(10, 6);
    expect(result.projectedFullAt).toBe(Date.parse('2026-09-05T18:00:00Z'));
    expect(result.lastsUntilReset).toBe(false);
    expect(result.percentAtReset).toBeCloseTo(110, 6);
  });

  it('says the limit lasts when the reset comes first', () => {
    const result = forecast(climb(40, 10, NOON), NOON + 2 * H, NOON, session);
    expect(result).toMatchObject({ enough: true, lastsUntilReset: true });
    if (result.enough) expect(result.percentAtReset).toBeCloseTo(60, 6);
  });

  it('survives whole-percent rounding', () => {
    const noisy = climb(40, 12, NOON).map((p) => ({ ...p, percent: Math.round(p.percent) }));
    const result = forecast(noisy, NOON + 5 * H, NOON, session);
    expect(result.enough && result.burnRatePerHour).toBeGreaterThan(10);
    expect(result.enough && result.burnRatePerHour).toBeLessThan(14);
  });

  it('weighs the recent pace: a burst long ago followed by calm projects slower than the burst', () => {
    const points: Point[] = [
      { at: NOON - 60 * MIN, percent: 10 },
      { at: NOON - 50 * MIN, percent: 30 },
      { at: NOON - 40 * MIN, percent: 31 },
      { at: NOON - 20 * MIN, percent: 32 },
      { at: NOON, percent: 33 },
    ];
    const result = forecast(points, NOON + 4 * H, NOON, session);
    expect(result.enough).toBe(true);
    if (result.enough) expect(result.burnRatePerHour).toBeLessThan(23);
  });

  it('does not count a long idle gap as slow burn', () => {
    const points: Point[] = [
      { at: NOON - 23 * H, percent: 10 },
      { at: NOON - 22 * H, percent: 20 },
      { at: NOON - 2 * H, percent: 20 },
      { at: NOON - H, percent: 30 },
    ];
    const result = forecast(points, NOON + 48 * H, NOON, weekly);
    expect(result.enough && result.burnRatePerHour).toBeGreaterThan(4);
  });

  it.each([
    ['a single reading', [{ at: NOON, percent: 40 }]],
    ['two readings', climb(40, 10, NOON, 5 * MIN, 2)],
    ['a flat line', climb(40, 0, NOON)],
    ['readings that only go down', climb(40, -10, NOON)],
  ])('has not enough data with %s', (_name, points) => {
    expect(forecast(points, NOON + 4 * H, NOON, session)).toEqual({ enough: false });
  });

  it('reads falls without a reset as noise, not negative burn', () => {
    const points = [40, 45, 43, 50].map((percent, i) => ({
      at: NOON - (3 - i) * 5 * MIN,
      percent,
    }));
    const result = forecast(points, NOON + 4 * H, NOON, session);
    expect(result.enough && result.burnRatePerHour).toBeGreaterThan(0);
  });

  it('says an exhausted limit runs out now', () => {
    const result = forecast(climb(100, 10, NOON), NOON + H, NOON, session);
    expect(result).toMatchObject({ enough: true, projectedFullAt: NOON, lastsUntilReset: false });
  });
});

describe('windowPoints', () => {
  it('keeps only the readings of the current window, so a reset starts a new pace', () => {
    const reset1 = NOON - H;
    const reset2 = NOON + 4 * H;
    const reading = (at: number, percent: number, resetsAt: number) => ({
      orgId: 'o',
      at,
      extra: null,
      limits: [fakeLimit({ percent, resetsAt: resetsAt + 123 })],
    });
    const readings = [
      reading(NOON - 2 * H, 90, reset1),
      reading(NOON - 30 * MIN, 5, reset2),
      reading(NOON - 20 * MIN, 10, reset2 - 400),
      reading(NOON, 20, reset2),
    ];
    expect(windowPoints(readings, 'session', reset2, 5 * H).map((p) => p.percent)).toEqual([
      5, 10, 20,
    ]);
  });
});

describe('evenPace', () => {
  it('reports 3 d 4 h of 7 d elapsed and whether usage runs ahead', () => {
    const week = 7 * 24 * H;
    const elapsed = 3 * 24 * H + 4 * H;
    const pace = evenPace(64, NOON + week - elapsed, NOON, week);
    expect(pace.elapsedMs).toBe(elapsed);
    expect(Math.round(pace.elapsedFraction * 100)).toBe(45);
    expect(pace.ahead).toBe(true);
    expect(evenPace(30, NOON + week - elapsed, NOON, week).ahead).toBe(false);
  });
});
