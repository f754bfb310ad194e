import { describe, expect, it } from 'vitest';
import { tickUnit, timeTicks } from '../../../lib/chart/chart-ticks';

const H = 3_600_000;
const D = 24 * H;
// A local time with odd minutes, so a tick on a whole hour cannot be the range's own start.
const NOW = new Date(2026, 8, 15, 14, 37, 12).getTime();

describe('timeTicks (the chart’s time axis)', () => {
  it.each([
    ['1 h', H, 15, 4],
    ['5 h', 5 * H, 60, 5],
    ['24 h', 24 * H, 360, 4],
  ])('puts the %s range on whole local quarter hours or hours', (_, span, stepMinutes, count) => {
    const ticks = timeTicks(NOW - span, NOW, 'en-GB');
    expect(ticks).toHaveLength(count);
    for (const tick of ticks) {
      const d = new Date(tick.at);
      expect(d.getSeconds()).toBe(0);
      expect((d.getHours() * 60 + d.getMinutes()) % stepMinutes).toBe(0);
      expect(tick.at).toBeGreaterThan(NOW - span);
      expect(tick.at).toBeLessThanOrEqual(NOW);
    }
  });

  it('labels hours the locale’s way', () => {
    expect(timeTicks(NOW - 5 * H, NOW, 'en-GB').map((t) => t.label)).toEqual([
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
    ]);
    expect(timeTicks(NOW - 5 * H, NOW, 'en-US')[0]!.label).toMatch(/^10:00\sAM$/);
  });

  it('puts the 7 d range on the seven local midnights, by weekday, none twice', () => {
    const ticks = timeTicks(NOW - 7 * D, NOW, 'en');
    expect(ticks).toHaveLength(7);
    for (const tick of ticks) expect(new Date(tick.at).getHours()).toBe(0);
    expect(new Set(ticks.map((t) => t.label)).size).toBe(7);
    expect(ticks.at(-1)!.label).toBe('Tue');
  });

  it('puts the 30 d range on weekly midnights with day and month', () => {
    const ticks = timeTicks(NOW - 30 * D, NOW, 'en-GB');
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks[1]!.at - ticks[0]!.at).toBeGreaterThanOrEqual(7 * D - H);
    expect(ticks[0]!.label).toMatch(/^\d{1,2} (Aug|Sept?)$/);
    expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
  });

  it('chooses a coarser unit for a longer span', () => {
    expect([H, 5 * H, 24 * H, 7 * D, 30 * D].map((s) => tickUnit(s))).toEqual([
      { kind: 'minute', step: 15 },
      { kind: 'hour', step: 1 },
      { kind: 'hour', step: 6 },
      { kind: 'day', step: 1 },
      { kind: 'day', step: 7 },
    ]);
  });

  it('says nothing for an empty or broken span', () => {
    expect(timeTicks(NOW, NOW, 'en')).toEqual([]);
    expect(timeTicks(Number.NaN, NOW, 'en')).toEqual([]);
  });
});
