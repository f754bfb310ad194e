import { seededRandom } from '../../fixtures/seeded-random';
import { describe, expect, it } from 'vitest';
import {
  clipProjection,
  cursorStops,
  dotPoints,
  downsample,
  nearestStop,
  projectionSeries,
  toSeries,
  valuesAt,
  type ChartPoint,
  type Series,
} from '../../../lib/chart/chart-points';
import { fakeLimit, fakeReading, T0 } from '../support/builders';

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

  it('keeps the points downsample keeps of each whole series, for any size', () => {
    const random = seededRandom(5);
    const readings = Array.from({ length: 4_321 }, (_, i) =>
      fakeReading(Math.round(random() * 100), Math.round(random() * 40), { at: T0 + i * 60_000 }),
    );
    // A limit that appears later, so its series is shorter than the others.
    for (const r of readings.slice(3_000)) r.limits.push({ ...r.limits[0]!, id: 'late' });
    for (const budget of [300, 999, 2_000, 5_000]) {
      const expected = ['session', 'weekly', 'late'].map((id) =>
        downsample(
          readings.flatMap((r) =>
            r.limits.filter((l) => l.id === id).map((l) => ({ x: r.at, y: l.percent })),
          ),
          budget,
        ),
      );
      expect(toSeries(readings, budget).map((s) => s.points)).toEqual(expected);
    }
  });
});

describe('projectionSeries', () => {
  const MIN = 60_000;
  const session = fakeLimit();
  const resetsAt = session.resetsAt!;
  /** Session readings ten minutes apart, the last at T0. */
  const climb = (...percents: number[]) =>
    percents.map((p, i) => fakeReading(p, 10, { at: T0 - (percents.length - 1 - i) * 10 * MIN }));

  it('runs from the last reading to the reset at the projected percent', () => {
    // 6 %/h from 12 % at T0, 2 h 11 min before the reset: about 25 % then.
    const line = projectionSeries(fakeLimit({ percent: 12 }), climb(10, 11, 12), T0);
    expect(line!.id).toBe('session');
    expect(line!.label).toBe('5-hour session at this pace');
    expect(line!.points[0]).toEqual({ x: T0, y: 12 });
    expect(line!.points[1]!.x).toBe(resetsAt);
    expect(line!.points[1]!.y).toBeCloseTo(12 + 6 * (131 / 60), 5);
  });

  it('stops at 100 % when the pace runs past the limit', () => {
    const line = projectionSeries(fakeLimit({ percent: 50 }), climb(40, 45, 50), T0);
    expect(line!.points).toEqual([
      { x: T0, y: 50 },
      { x: resetsAt, y: 100 },
    ]);
  });

  it.each([
    ['two readings', climb(40, 45), session],
    ['a flat line', climb(40, 40, 40), session],
    ['a full limit', climb(90, 95, 100), fakeLimit({ percent: 100 })],
    ['a window not started', climb(40, 45, 50), fakeLimit({ resetsAt: null })],
  ])('draws nothing for %s', (_name, history, limit) => {
    expect(projectionSeries(limit, history, T0)).toBeNull();
  });
});

describe('the chart’s reading cursor', () => {
  const session: Series = {
    id: 'session',
    label: '5-hour session',
    points: [
      { x: 100, y: 10 },
      { x: 200, y: 30 },
      { x: 300, y: 5 },
    ],
  };
  const weekly: Series = {
    id: 'weekly',
    label: 'Weekly (all models)',
    points: [
      { x: 150, y: 60 },
      { x: 300, y: 62 },
    ],
  };

  it('stops at every distinct time, oldest first', () => {
    expect(cursorStops([session, weekly])).toEqual([100, 150, 200, 300]);
    expect(cursorStops([])).toEqual([]);
  });

  it.each([
    [90, 100],
    [124, 100],
    [125, 100],
    [126, 150],
    [1000, 300],
  ])('takes the stop nearest %s: %s', (x, stop) => {
    expect(nearestStop([100, 150, 200, 300], x)).toBe(stop);
  });

  it('has no stop without points or for a non-number', () => {
    expect(nearestStop([], 5)).toBeNull();
    expect(nearestStop([1, 2], NaN)).toBeNull();
  });

  it('reads each limit at its nearest point, and nothing before a limit existed', () => {
    expect(valuesAt([session, weekly], 200)).toEqual([
      { id: 'session', label: '5-hour session', y: 30, index: 1 },
      { id: 'weekly', label: 'Weekly (all models)', y: 60, index: 0 },
    ]);
    expect(valuesAt([session, weekly], 100)).toEqual([
      { id: 'session', label: '5-hour session', y: 10, index: 0 },
    ]);
  });
});

describe('clipProjection and dotPoints', () => {
  const line = {
    id: 'session',
    label: 'x',
    points: [
      { x: 0, y: 40 },
      { x: 100, y: 90 },
    ],
  };

  it('cuts a projection at the end of the future strip, along its line', () => {
    expect(clipProjection(line, 50).points).toEqual([
      { x: 0, y: 40 },
      { x: 50, y: 65 },
    ]);
    expect(clipProjection(line, 200)).toBe(line);
    expect(
      clipProjection(
        {
          ...line,
          points: [
            { x: 60, y: 1 },
            { x: 90, y: 2 },
          ],
        },
        50,
      ).points,
    ).toEqual([]);
  });

  it('draws a lone reading as a dot and a run of readings as a line', () => {
    const points = [
      { x: 0, y: 1 },
      { x: 10, y: 2 },
      { x: 500, y: 3 },
    ];
    expect(dotPoints(points, 60)).toEqual([points[1], points[2]]);
    expect(dotPoints([{ x: 0, y: 5 }], 60)).toEqual([{ x: 0, y: 5 }]);
    // A long run is a line of its own: no dots on it.
    const run = Array.from({ length: 10 }, (_, i) => ({ x: i * 30, y: i }));
    expect(dotPoints(run, 60)).toEqual([]);
  });
});
