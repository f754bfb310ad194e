import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextAfterFailure, nextAfterSuccess } from '../../../lib/poll/schedule';
import { fakeReading, fakeSettings, T0 } from '../support/builders';

const MIN = 60_000;

describe('nextAfterSuccess', () => {
  it('waits the poll interval when nothing changed', () => {
    const reading = fakeReading(40);
    expect(nextAfterSuccess(fakeSettings(), reading, reading, T0)).toBe(T0 + 2 * MIN);
  });

  it('polls every minute while usage rises, if enabled', () => {
    expect(nextAfterSuccess(fakeSettings(), fakeReading(41), fakeReading(40), T0)).toBe(T0 + MIN);
    const calm = fakeSettings({ pollFasterWhileRising: false });
    expect(nextAfterSuccess(calm, fakeReading(41), fakeReading(40), T0)).toBe(T0 + 2 * MIN);
  });

  it('polls shortly after a reset that comes before the next interval', () => {
    const reading = fakeReading(40);
    reading.limits[0]!.resetsAt = T0 + 45_000;
    expect(nextAfterSuccess(fakeSettings(), reading, reading, T0)).toBe(T0 + 75_000);
  });
});

describe('nextAfterFailure', () => {
  const settings = fakeSettings();

  it('backs off exponentially and caps the wait', () => {
    const waits = [1, 2, 3, 4, 5, 9].map(
      (n) => nextAfterFailure(settings, { kind: 'server' }, n, T0) - T0,
    );
    expect(waits).toEqual([2 * MIN, 4 * MIN, 8 * MIN, 16 * MIN, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
  });

  it('never retries before Retry-After', () => {
    const failure = { kind: 'rate_limited' as const, retryAt: T0 + 10 * MIN };
    expect(nextAfterFailure(settings, failure, 1, T0)).toBe(T0 + 10 * MIN);
  });

  it('checks again at the plain interval while signed out', () => {
    expect(nextAfterFailure(settings, { kind: 'signed_out' }, 7, T0)).toBe(T0 + 2 * MIN);
  });
});
