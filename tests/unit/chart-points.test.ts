import { describe, expect, it } from 'vitest';
import { downsample, toSeries, type ChartPoint } from '../../lib/chart-points';
import { fakeReading, T0 } from './support/builders';

describe('downsample', () => {
  const series: ChartPoint[] = Array.from({ length: 100_000 }, (_, i) => ({
    x: i,
    y: (i % 1000) / 10,
  }));
  series[54_321] = { x: 54_321, y: 250 };

  it('bounds the count and keeps every peak and drop', () => {
    const out = downsample(series, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(Math.max(...out.map((p) => p.y))).toBe(250);
    expect(Math.min(...out.map((p) => p.y))).toBe(0);
    expect(out.map((p) => p.x)).toEqual([...out.map((p) => p.x)].sort((a, b) => a - b));
  });

  it('leaves short series alone', () => {
    expect(downsample(series.slice(0, 10), 300)).toEqual(series.slice(0, 10));
  });
});

describe('toSeries', () => {
  it('makes one line per limit with the newest label', () => {
    const readings = [fakeReading(10, 20, { at: T0 }), fakeReading(15, 21, { at: T0 + 60_000 })];
    readings[1]!.limits[1]!.label = 'Weekly (renamed)';
    const out = toSeries(readings);
    expect(out.map((s) => [s.id, s.label, s.points.map((p) => p.y)])).toEqual([
      ['session', '5-hour session', [10, 15]],
      ['weekly', 'Weekly (renamed)', [20, 21]],
    ]);
  });
});
