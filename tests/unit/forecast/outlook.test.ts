import { describe, expect, it } from 'vitest';
import { AHEAD_MIN_POINTS, limitOutlook } from '../../../lib/forecast/outlook';
import type { Reading } from '../../../lib/usage/types';
import { fakeLimit, T0 } from '../support/builders';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Halfway through a 5-hour session.
const NOW = T0;
const RESET = NOW + 2.5 * HOUR;

/** Session readings every 10 minutes up to now, rising by `step` points each. */
function history(start: number, step: number): Reading[] {
  return Array.from({ length: 7 }, (_, i) => ({
    orgId: 'o',
    at: NOW - (6 - i) * 10 * MIN,
    extra: null,
    limits: [fakeLimit({ percent: start + i * step, resetsAt: RESET })],
  }));
}
const session = (percent: number, resetsAt: number | null = RESET) =>
  fakeLimit({ percent, resetsAt });

describe('limitOutlook', () => {
  it('says nothing for a window not started, already due, or of no known length', () => {
    expect(limitOutlook(session(50, null), [], NOW)).toEqual({});
    expect(limitOutlook(session(50, NOW), [], NOW)).toEqual({});
    expect(limitOutlook(fakeLimit({ kind: 'other', resetsAt: RESET }), [], NOW)).toEqual({});
  });

  it('gives the even pace, and no forecast from too little data', () => {
    expect(limitOutlook(session(50), [], NOW)).toEqual({ elapsedPercent: 50 });
  });

  it(`says "ahead of pace" only from ${AHEAD_MIN_POINTS} points above it`, () => {
    expect(limitOutlook(session(50 + AHEAD_MIN_POINTS - 1), [], NOW).aheadBy).toBeUndefined();
    expect(limitOutlook(session(50 + AHEAD_MIN_POINTS), [], NOW).aheadBy).toBe(AHEAD_MIN_POINTS);
  });

  it('tells when a fast rise runs out before the reset', () => {
    const outlook = limitOutlook(session(70), history(40, 5), NOW);
    expect(outlook.runsOutAt).toBeGreaterThan(NOW);
    expect(outlook.runsOutAt).toBeLessThan(RESET);
    expect(outlook.lasts).toBeUndefined();
  });

  it('says a slow rise lasts until the reset', () => {
    expect(limitOutlook(session(13), history(10, 0.5), NOW)).toMatchObject({ lasts: true });
  });

  it('forecasts nothing for a limit already reached', () => {
    const outlook = limitOutlook(session(100), history(70, 5), NOW);
    expect(outlook).toEqual({ elapsedPercent: 50, aheadBy: 50 });
  });
});
