import { describe, expect, it } from 'vitest';
import { deriveHistory } from '../../../lib/history/dashboard-history';
import { openPack, packAll, PackCursor, unpackDay, DAY_MS } from '../../../lib/history/day-pack';
import { ownReadings, PackedReadings, type RangePart } from '../../../lib/history/packed-readings';
import type { Snapshot } from '../../../lib/storage/db';
import { madeUpHistory } from '../support/year-history';

const NOW = Date.UTC(2026, 10, 15, 12);
const rowsOf = (pack: Parameters<typeof openPack>[0]): RangePart => {
  const open = openPack(pack);
  return { count: pack.count, cursor: () => new PackCursor(open) };
};
/** What the dashboard reads of a raw reading: tier 0 for none, no extra usage. */
const asRead = (r: Snapshot): Snapshot => ({ ...r, tier: r.tier ?? 0, extra: null });

describe('a range read in place', () => {
  const history = madeUpHistory(NOW, 6, 5).filter((r) => r.orgId === 'org-personal');
  const packs = packAll(history);

  it('walks packed days and days read from their readings in order, within the range', () => {
    expect(packs.length).toBeGreaterThanOrEqual(6);
    // The third day as if it had no pack: its readings, as read from the database.
    const rawDay = history.filter((r) => Math.floor(r.at / DAY_MS) * DAY_MS === packs[2]!.day);
    const parts = packs.map((p, i) => (i === 2 ? rawDay : rowsOf(p)));
    // From the middle of the first day to the middle of the last.
    const from = packs[0]!.day + DAY_MS / 2;
    const to = packs.at(-1)!.day + DAY_MS / 4;
    const expected = packs
      .flatMap((p, i) => (i === 2 ? rawDay : unpackDay(p)))
      .filter((r) => r.at >= from && r.at <= to);
    expect(expected.length).toBeGreaterThan(100);
    const walked = ownReadings(new PackedReadings(parts, from, to));
    expect(walked.map(asRead)).toEqual(expected.map(asRead));
    // Every walk starts again from the first reading.
    const readings = new PackedReadings(parts, from, to);
    const ats = () => {
      const out: number[] = [];
      readings.forEach((r) => out.push(r.at));
      return out;
    };
    expect(ats()).toEqual(expected.map((r) => r.at));
    expect(ats()).toEqual(ats());
  });

  it('gives the statistics the readings would', () => {
    const from = packs[0]!.day;
    const to = NOW;
    const inPlace = deriveHistory(new PackedReadings(packs.map(rowsOf), from, to), from, to);
    const own = deriveHistory(
      packs.flatMap((p) => unpackDay(p)),
      from,
      to,
    );
    expect(own.windows.length).toBeGreaterThan(5);
    expect(inPlace).toEqual(own);
  });

  it('keeps nothing between readings: whoever keeps a reading copies it', () => {
    const readings = new PackedReadings(packs.slice(0, 1).map(rowsOf));
    const kept: Snapshot[] = [];
    readings.forEach((r) => kept.push(r));
    // Keeping the reading keeps the object itself, which the next reading overwrote.
    expect(kept.length).toBeGreaterThan(2);
    expect(kept[0]).toBe(kept[1]);
    const own = ownReadings(readings);
    expect(own[0]).not.toBe(own[1]);
    expect(own[0]!.at).toBeLessThan(own[1]!.at);
  });

  it('refuses a damaged pack as unpacking does', () => {
    const pack = packs[0]!;
    const values = Float64Array.from(pack.values!);
    const labelAt = 2 + 3 * 0 + 2;
    for (const bad of [NaN, 7, 0.5]) {
      values[labelAt] = bad;
      const damaged = { ...pack, values: Float64Array.from(values) };
      expect(() => openPack(damaged)).toThrow('A damaged day pack');
      expect(() => unpackDay(damaged)).toThrow('A damaged day pack');
    }
    expect(() => openPack({ ...pack, values: pack.values!.slice(1) })).toThrow('damaged');
    expect(() => openPack({ ...pack, values: null })).toThrow('not packed');
  });
});
