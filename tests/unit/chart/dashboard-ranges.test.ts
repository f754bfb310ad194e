import { describe, expect, it } from 'vitest';
import {
  chartPointBudget,
  DASHBOARD_RANGES,
  rangeById,
  rangeResolution,
} from '../../../lib/chart/dashboard-ranges';

const HISTORY = { rawDays: 7, totalDays: 365 };

describe('rangeResolution', () => {
  it.each([
    ['6h', 0],
    ['24h', 0],
    ['7d', 0],
    ['30d', 10],
    ['90d', 10],
    ['1y', 60],
  ] as const)('reads %s from the tier of %i-minute points', (id, tier) => {
    expect(rangeResolution(rangeById(id).ms, HISTORY)).toBe(tier);
  });

  it('follows the settings: more raw days, or less history kept', () => {
    expect(rangeResolution(rangeById('30d').ms, { rawDays: 30, totalDays: 365 })).toBe(0);
    expect(rangeResolution(rangeById('1y').ms, { rawDays: 7, totalDays: 60 })).toBe(10);
  });
});

describe('rangeById', () => {
  it('finds every range and falls back to 7 days', () => {
    for (const r of DASHBOARD_RANGES) expect(rangeById(r.id)).toBe(r);
    expect(rangeById('2y').id).toBe('7d');
    expect(rangeById(null).id).toBe('7d');
  });
});

describe('chartPointBudget', () => {
  it('keeps at least two points an hour for short ranges and caps a year', () => {
    expect(chartPointBudget(rangeById('6h').ms)).toBe(300);
    expect(chartPointBudget(rangeById('30d').ms)).toBe(1440);
    expect(chartPointBudget(rangeById('1y').ms)).toBe(2000);
  });
});
