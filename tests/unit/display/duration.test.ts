import { describe, expect, it } from 'vitest';
import { formatDuration, formatForecastIn, TIME } from '../../../lib/display/duration';

const { MINUTE, HOUR, DAY } = TIME;

describe('formatDuration', () => {
  it('uses the two largest units, days and hours or hours and minutes', () => {
    expect(formatDuration(3 * DAY + 4 * HOUR)).toBe('3 d 4 h');
    expect(formatDuration(2 * HOUR + 11 * MINUTE)).toBe('2 h 11 min');
    expect(formatDuration(2 * DAY)).toBe('2 d');
    expect(formatDuration(5 * HOUR)).toBe('5 h');
    expect(formatDuration(7 * MINUTE)).toBe('7 min');
  });

  it('rounds minutes up, so time left never reads as 0 min', () => {
    expect(formatDuration(MINUTE + 1)).toBe('2 min');
    expect(formatDuration(HOUR - 1)).toBe('1 h');
    expect(formatDuration(DAY - 1)).toBe('1 d');
  });

  it('counts seconds under a minute, rounded up', () => {
    expect(formatDuration(59_000)).toBe('59 s');
    expect(formatDuration(1)).toBe('1 s');
  });

  it('says 0 s for nothing left, negative or broken input, never NaN', () => {
    for (const bad of [0, -5000, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(formatDuration(bad)).toBe('0 s');
  });
});

describe('formatForecastIn', () => {
  it('is whole minutes, at least one, and never NaN', () => {
    expect(formatForecastIn(10_000)).toBe('1 min');
    expect(formatForecastIn(-HOUR)).toBe('1 min');
    expect(formatForecastIn(Number.NaN)).toBe('1 min');
    expect(formatForecastIn(90 * MINUTE)).toBe('1 h 30 min');
  });
});
