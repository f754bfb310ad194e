import { describe, expect, it } from 'vitest';
import { sortWindows, splitWindows, summariseWeeks } from '../../../lib/history/windows';
import type { Limit, Reading } from '../../../lib/usage/types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T = Date.parse('2026-09-07T06:00:00Z');

const session = (percent: number, resetsAt: number | null): Limit => ({
  id: 'session',
  kind: 'session',
  label: '5-hour session',
  percent,
  resetsAt,
});
const weekly = (percent: number, resetsAt: number): Limit => ({
  id: 'weekly',
  kind: 'weekly',
  label: 'Weekly (all models)',
  percent,
  resetsAt,
});
const at = (time: number, ...limits: Limit[]): Reading => ({
  orgId: 'o',
  at: time,
  limits,
  extra: null,
});

describe('splitWindows', () => {
  const weekEnd = T + 3 * DAY;
  const readings = [
    at(T, session(10, T + 4 * HOUR), weekly(30, weekEnd)),
    at(T + HOUR, session(60, T + 4 * HOUR), weekly(35, weekEnd)),
    at(T + 2 * HOUR, session(100, T + 4 * HOUR + 20_000), weekly(40, weekEnd)),
    at(T + 3 * HOUR, session(100, T + 4 * HOUR), weekly(41, weekEnd)),
    // The session reset at T+4h; the next starts with the next message.
    at(T + 5 * HOUR, session(0, null), weekly(41, weekEnd)),
    at(T + 6 * HOUR, session(20, T + 10 * HOUR), weekly(44, weekEnd)),
    at(T + 4 * DAY, session(5, T + 4 * DAY + 4 * HOUR), weekly(3, weekEnd + 7 * DAY)),
  ];

  it('splits each limit at its resets, with start, end, peak and whether it hit 100 %', () => {
    const windows = splitWindows(readings);
    expect(
      windows.map((w) => [w.limitId, w.start, w.end, w.peak, w.reachedLimit, w.readings]),
    ).toEqual([
      ['weekly', weekEnd - 7 * DAY, weekEnd, 44, false, 6],
      ['session', T - HOUR, T + 4 * HOUR, 100, true, 4],
      ['session', T + 5 * HOUR, T + 10 * HOUR, 20, false, 1],
      ['weekly', weekEnd, weekEnd + 7 * DAY, 3, false, 1],
      ['session', T + 4 * DAY - HOUR, T + 4 * DAY + 4 * HOUR, 5, false, 1],
    ]);
  });

  it('counts time at the limit between readings, up to the reset, and not across gaps', () => {
    const hit = splitWindows(readings).find((w) => w.reachedLimit)!;
    expect(hit.hitAt).toBe(T + 2 * HOUR);
    expect(hit.atLimitMs).toBe(HOUR);
    const gappy = [
      at(T, session(100, T + 4 * HOUR)),
      at(T + 3 * HOUR, session(100, T + 4 * HOUR)),
      at(T + 3 * HOUR + 10 * MIN, session(100, T + 4 * HOUR)),
    ];
    expect(splitWindows(gappy)[0]!.atLimitMs).toBe(10 * MIN);
  });

  it('summarises each week: peak, sessions at the limit, time at the limit', () => {
    expect(summariseWeeks(splitWindows(readings))).toEqual([
      {
        start: weekEnd - 7 * DAY,
        end: weekEnd,
        peakPercent: 44,
        sessionsAtLimit: 1,
        atLimitMs: HOUR,
      },
      { start: weekEnd, end: weekEnd + 7 * DAY, peakPercent: 3, sessionsAtLimit: 0, atLimitMs: 0 },
    ]);
  });

  it('sorts by any column both ways, ties by start', () => {
    const windows = splitWindows(readings);
    expect(sortWindows(windows, 'peak', 'descending').map((w) => w.peak)).toEqual([
      100, 44, 20, 5, 3,
    ]);
    expect(sortWindows(windows, 'reachedLimit', 'descending')[0]!.reachedLimit).toBe(true);
    expect(sortWindows(windows, 'start', 'ascending')).toEqual(windows);
    expect(sortWindows(windows, 'label', 'ascending')[0]!.label).toBe('5-hour session');
  });
});

describe('splitWindows on stale resets', () => {
  it('keeps readings that repeat a passed reset in one window', () => {
    const passed = T - 10 * DAY;
    const readings = Array.from({ length: 500 }, (_, i) => at(T + i * 2 * MIN, weekly(64, passed)));
    const windows = splitWindows(readings);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.readings).toBe(500);
  });
});
