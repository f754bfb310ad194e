import { describe, expect, it } from 'vitest';
import { splitWindows, type UsageWindow } from '../../../lib/history/windows';
import { csvCell, windowsToCsv } from '../../../lib/history/windows-csv';
import type { Limit, Reading } from '../../../lib/usage/types';

const HOUR = 3_600_000;
const T = Date.parse('2026-09-07T06:00:00Z');

const session = (percent: number, resetsAt: number | null): Limit => ({
  id: 'session',
  kind: 'session',
  label: '5-hour session',
  percent,
  resetsAt,
});
const at = (time: number, ...limits: Limit[]): Reading => ({
  orgId: 'o',
  at: time,
  limits,
  extra: null,
});

describe('windowsToCsv', () => {
  it('writes one row per window, numbers as numbers', () => {
    const csv = windowsToCsv(splitWindows([at(T, session(100, T + 4 * HOUR))]));
    expect(csv.split('\r\n')).toEqual([
      'limit,kind,start,end,peak_percent,reached_limit,minutes_at_limit',
      '5-hour session,session,2026-09-07T05:00:00.000Z,2026-09-07T10:00:00.000Z,100,yes,0',
      '',
    ]);
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,"b"', '"a,""b"""'],
    ['Weekly', 'Weekly'],
  ])('neutralises the text cell %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('keeps a negative number a number and drops a non-finite one', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('windowsToCsv, rows', () => {
  const window = (over: Partial<UsageWindow>): UsageWindow => ({
    ...splitWindows([at(T, session(40, T + 4 * HOUR))])[0]!,
    ...over,
  });

  it('keeps the order given, says "no" below the limit and rounds the minutes at it', () => {
    const rows = windowsToCsv([
      window({ label: 'B', peak: 40, reachedLimit: false, atLimitMs: 0 }),
      window({ label: '=A', peak: 100, reachedLimit: true, atLimitMs: 90_500 }),
    ]).split('\r\n');
    expect(rows.slice(1, 3).map((r) => [r.split(',')[0], ...r.split(',').slice(4)])).toEqual([
      ['B', '40', 'no', '0'],
      ["'=A", '100', 'yes', '2'],
    ]);
  });

  it('is the header alone for no windows', () => {
    expect(windowsToCsv([])).toBe(
      'limit,kind,start,end,peak_percent,reached_limit,minutes_at_limit\r\n',
    );
  });
});
