import { describe, expect, it } from 'vitest';
import { heatMap, summariseHits, type LocalSlot } from '../../../lib/history/habits';
import { splitWindows } from '../../../lib/history/windows';
import type { Reading } from '../../../lib/usage/types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2026-09-07 00:00 UTC. */
const MONDAY = Date.parse('2026-09-07T00:00:00Z');
const utc: LocalSlot = (at) => {
  const d = new Date(at);
  return { weekday: (d.getUTCDay() + 6) % 7, hour: d.getUTCHours() };
};

function reading(at: number, percent: number, resetsAt: number): Reading {
  return {
    orgId: 'org',
    at,
    limits: [{ id: 'session', kind: 'session', label: '5-hour session', percent, resetsAt }],
    extra: null,
  };
}

/** Readings every `step` minutes from `start`, with the percent `f(minutesSinceStart)`. */
function series(
  start: number,
  minutes: number,
  step: number,
  f: (m: number) => number,
  reset: number,
) {
  const out: Reading[] = [];
  for (let m = 0; m <= minutes; m += step) out.push(reading(start + m * MIN, f(m), reset));
  return out;
}

describe('heatMap', () => {
  it('puts each hour’s rise in its weekday and hour cell', () => {
    // Tuesday 14:00–16:00 UTC: 10 points in the first hour, 20 in the second, read every 10 min.
    const start = MONDAY + DAY + 14 * HOUR;
    const readings = series(
      start,
      120,
      10,
      (m) => (m <= 60 ? m / 6 : 10 + (m - 60) / 3),
      start + 5 * HOUR,
    );
    const map = heatMap(readings, 'session', utc);
    const cells = map.rise.flatMap((row, d) => row.flatMap((v, h) => (v > 0 ? [[d, h, v]] : [])));
    // The step that ends on the hour counts in the hour it ends in.
    expect(cells).toEqual([
      [1, 14, 10],
      [1, 15, 20],
    ]);
    expect(map.max).toBe(20);
    expect(map.covered[1]![14]).toBe(6);
    expect(map.covered[1]![15]).toBe(6);
    expect(map.covered[0]![14]).toBe(0);
  });

  it('counts the new percent after a reset as a rise from zero', () => {
    const at = MONDAY + 9 * HOUR;
    const readings = [reading(at, 80, at + HOUR), reading(at + 30 * MIN, 5, at + 6 * HOUR)];
    expect(heatMap(readings, 'session', utc).rise[0]![9]).toBe(5);
  });

  it('does not count a gap in the data as usage', () => {
    const at = MONDAY + 2 * DAY + 8 * HOUR;
    const readings = [reading(at, 10, at + 5 * HOUR), reading(at + 3 * HOUR, 60, at + 5 * HOUR)];
    const map = heatMap(readings, 'session', utc);
    expect(map.max).toBe(0);
    expect(map.covered.flat().every((c) => c === 0)).toBe(true);
  });

  it('never lets a falling or bad percent take usage away', () => {
    const at = MONDAY + 10 * HOUR;
    const readings = [
      reading(at, 40, at + HOUR),
      reading(at + 10 * MIN, 35, at + HOUR),
      reading(at + 20 * MIN, Number.NaN, at + HOUR),
      reading(at + 30 * MIN, 45, at + HOUR),
    ];
    expect(heatMap(readings, 'session', utc).rise[0]![10]).toBe(10);
  });
});

describe('summariseHits', () => {
  it('says how often and on which weekday after which hour a limit was hit', () => {
    const tuesday = MONDAY + DAY;
    const readings = [
      // Two Tuesdays (15:10 and 14:20) and one Thursday.
      ...series(tuesday + 14 * HOUR, 90, 10, (m) => Math.min(100, 40 + m), tuesday + 18 * HOUR),
      ...series(
        tuesday + 7 * DAY + 13 * HOUR,
        90,
        10,
        (m) => Math.min(100, 20 + m),
        tuesday + 7 * DAY + 17 * HOUR,
      ),
      ...series(
        tuesday + 9 * DAY + 9 * HOUR,
        90,
        10,
        (m) => Math.min(100, 30 + m),
        tuesday + 9 * DAY + 13 * HOUR,
      ),
    ].sort((a, b) => a.at - b.at);
    const windows = splitWindows(readings);
    expect(windows.map((w) => w.hitAt !== null)).toEqual([true, true, true]);
    expect(summariseHits(windows, MONDAY, MONDAY + 30 * DAY, utc)).toEqual({
      count: 3,
      weekday: 1,
      hour: 14,
    });
    expect(summariseHits(windows, MONDAY + 8 * DAY, MONDAY + 30 * DAY, utc)).toEqual({
      count: 2,
      weekday: 1,
      hour: 14,
    });
  });

  it('has no weekday when nothing was hit', () => {
    expect(summariseHits([], 0, Date.now(), utc)).toEqual({ count: 0, weekday: null, hour: null });
  });
});

describe('heatMap on compacted history', () => {
  it('counts an hourly point’s rise in the hour its bucket covers', () => {
    const at = MONDAY + 3 * DAY + 20 * HOUR;
    const readings = [
      { ...reading(at, 10, at + 4 * HOUR), tier: 60 },
      { ...reading(at + HOUR, 25, at + 4 * HOUR), tier: 60 },
    ];
    const map = heatMap(readings, 'session', utc);
    expect(map.rise[3]![21]).toBe(15);
    expect(map.rise[3]![20]).toBe(0);
  });
});
