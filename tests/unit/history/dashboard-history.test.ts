import { describe, expect, it } from 'vitest';
import { deriveHistory } from '../../../lib/history/dashboard-history';
import type { Reading } from '../../../lib/usage/types';
import { fakeLimit } from '../support/builders';

const MIN = 60_000;
const HOUR = 60 * MIN;
// A Monday: two 5-hour sessions in one week, the first reaching its limit at 11:00 UTC.
const FROM = Date.parse('2026-09-07T08:00:00Z');
const TO = FROM + 9 * HOUR;
const WEEK_RESET = FROM + 3 * 24 * HOUR;
const FIRST_RESET = FROM + 5 * HOUR;

const reading = (at: number, percent: number, resetsAt: number): Reading => ({
  orgId: 'o',
  at,
  extra: null,
  limits: [
    fakeLimit({ percent, resetsAt }),
    fakeLimit({ id: 'weekly', kind: 'weekly', label: 'Weekly', percent: 30, resetsAt: WEEK_RESET }),
  ],
});
const readings = [
  reading(FROM + 30 * MIN, 20, FIRST_RESET),
  reading(FROM + 3 * HOUR, 100, FIRST_RESET),
  reading(FROM + 3 * HOUR + 20 * MIN, 100, FIRST_RESET),
  reading(FIRST_RESET + HOUR, 10, FIRST_RESET + 5 * HOUR),
];

describe('deriveHistory', () => {
  const history = deriveHistory(readings, FROM, TO);

  it('keeps the range it was asked for', () => {
    expect([history.from, history.to]).toEqual([FROM, TO]);
  });

  it('makes one series per limit from every reading of a short range', () => {
    expect(history.series.map((s) => [s.id, s.points.map((p) => p.y)])).toEqual([
      ['session', [20, 100, 100, 10]],
      ['weekly', [30, 30, 30, 30]],
    ]);
  });

  it('splits the windows and marks the reset inside the range', () => {
    expect(history.windows.map((w) => [w.limitId, w.end, w.peak, w.reachedLimit])).toEqual([
      ['weekly', WEEK_RESET, 30, false],
      ['session', FIRST_RESET, 100, true],
      ['session', FIRST_RESET + 5 * HOUR, 10, false],
    ]);
    expect(history.resets.get('session')?.map((p) => p.x)).toEqual([FIRST_RESET]);
  });

  it('counts the hit, with its weekday and hour, and a week that held it', () => {
    expect(history.hits).toMatchObject({ count: 1, weekday: 0 });
    expect(history.weeks.map((w) => w.sessionsAtLimit)).toEqual([1]);
    expect(history.heat.covered.flat().reduce((a, b) => a + b)).toBeGreaterThan(0);
  });
});
