// A zone with a daylight-saving change inside the made-up history, set before any date is read.
process.env.TZ = 'Europe/Berlin';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { compactHistory } from '../../../lib/history/compaction';
import { deriveHistory } from '../../../lib/history/dashboard-history';
import { appendToPack, packAll, packDay, unpackDay, DAY_MS } from '../../../lib/history/day-pack';
import { createSnapshotRepo, openUsageDb, type Snapshot } from '../../../lib/storage/db';
import { dayPacks } from '../../../lib/storage/db-packs';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { madeUpHistory } from '../support/year-history';

const HOUR = 3_600_000;
// 15 November 2026, noon UTC: the history's 120 days reach back past the change of 25 October.
const NOW = Date.UTC(2026, 10, 15, 12);

/** What the dashboard reads of a reading: no extra usage, tier 0 for none. */
const asRead = (r: Snapshot): Snapshot => ({ ...r, tier: r.tier ?? 0, extra: null });

describe('day packs', () => {
  const history = madeUpHistory(NOW, 20, 3);

  it('are labelled as they are opened: once per column and stored label, not per reading', () => {
    const packs = packAll(history);
    const asked: string[] = [];
    const relabel = (limit: { id: string; label: string; name?: string }) => {
      asked.push(`${limit.id}|${limit.name ?? ''}|${limit.label}`);
      return `«${limit.label}»`;
    };
    const read = packs.flatMap((pack) => unpackDay(pack, relabel));
    const expected = packs.flatMap((pack) => unpackDay(pack));
    expect(read.map((r) => r.limits.map((l) => l.label))).toEqual(
      expected.map((r) => r.limits.map((l) => `«${l.label}»`)),
    );
    // Everything else is what the pack holds.
    expect(read.map((r) => ({ ...r, limits: r.limits.map((l) => ({ ...l, label: '' })) }))).toEqual(
      expected.map((r) => ({ ...r, limits: r.limits.map((l) => ({ ...l, label: '' })) })),
    );
    const perPack = packs.map(
      (p) => new Set(unpackDay(p).flatMap((r) => r.limits.map((l) => `${l.id}|${l.label}`))).size,
    );
    expect(asked).toHaveLength(perPack.reduce((a, b) => a + b, 0));
    expect(asked.length).toBeLessThan(read.length);
  });

  it('hold a day of readings exactly, in every field the dashboard reads', () => {
    const packs = packAll(history);
    expect(packs.every((p) => p.values !== null)).toBe(true);
    expect(packs.flatMap((pack) => unpackDay(pack))).toEqual(
      [...history].sort((a, b) => a.orgId.localeCompare(b.orgId) || a.at - b.at).map(asRead),
    );
  });

  it('say "read the readings" for a day columns cannot hold exactly', () => {
    const day = Math.floor(NOW / DAY_MS) * DAY_MS;
    const base = history.find((r) => r.at >= day)!;
    const twice = { ...base, limits: [base.limits[0]!, { ...base.limits[0]!, percent: 99 }] };
    const swapped = { ...base, at: base.at + 1, limits: [...base.limits].reverse() };
    const text = {
      ...base,
      at: base.at + 2,
      limits: [{ ...base.limits[0]!, percent: '50' as unknown as number }],
    };
    for (const odd of [twice, swapped, text])
      expect(packDay(base.orgId, day, [base, odd]).values).toBeNull();
  });

  it("keep a model's own name, and never mix two names of one limit in a pack", () => {
    const day = Math.floor(NOW / DAY_MS) * DAY_MS;
    const base = history.find((r) => r.at >= day)!;
    const model = {
      id: 'weekly:nova-2',
      kind: 'weekly_model' as const,
      label: 'Weekly · Nova 2',
      name: 'Nova 2',
      percent: 12,
      resetsAt: null,
    };
    const first = { ...base, limits: [...base.limits, model] };
    const second = { ...first, at: base.at + 1 };
    const pack = packDay(base.orgId, day, [first, second]);
    expect(unpackDay(pack).map((r) => r.limits.at(-1))).toEqual([model, model]);
    const renamed = {
      ...first,
      at: base.at + 2,
      limits: [...base.limits, { ...model, name: 'N2' }],
    };
    expect(packDay(base.orgId, day, [first, renamed]).values).toBeNull();
    expect(appendToPack(pack, [renamed])).toBeNull();
  });

  it('grow by a newer reading to what packing the whole day makes', () => {
    // The busiest day of one organisation.
    const days = packAll(history.filter((r) => r.orgId === 'org-team'));
    const busiest = days.reduce((a, b) => (b.count > a.count ? b : a));
    const day = history.filter(
      (r) => r.orgId === 'org-team' && Math.floor(r.at / DAY_MS) * DAY_MS === busiest.day,
    );
    expect(day.length).toBeGreaterThan(10);
    const pack = packDay('org-team', Math.floor(day[0]!.at / DAY_MS) * DAY_MS, day.slice(0, -3));
    const grown = appendToPack(pack, day.slice(-3));
    expect(grown).not.toBeNull();
    expect(unpackDay(grown!)).toEqual(day.map(asRead));
    // An older reading, or one with a limit the pack has not seen, repacks the day instead.
    expect(appendToPack(pack, [day[0]!])).toBeNull();
    const newLimit = { ...day.at(-1)!, limits: [{ ...day.at(-1)!.limits[0]!, id: 'weekly:new' }] };
    expect(appendToPack(pack, [newLimit])).toBeNull();
  });
});

describe('the dashboard from packs', () => {
  it('shows the same chart, heat-map and statistics as from the readings', async () => {
    expect(new Date(Date.UTC(2026, 9, 24, 12)).getTimezoneOffset()).not.toBe(
      new Date(Date.UTC(2026, 9, 26, 12)).getTimezoneOffset(),
    );
    const repo = createSnapshotRepo(await openUsageDb(new IDBFactory()), dayPacks);
    const readings = madeUpHistory(NOW, 120);
    for (let i = 0; i < readings.length; i += 2_000)
      await repo.addMany(readings.slice(i, i + 2_000));
    // The tiers as the worker's daily maintenance leaves them: raw, 10-minute and hourly points.
    await compactHistory(repo, { ...DEFAULT_SETTINGS.history, rawDays: 7 }, NOW);
    // And polls after it, one at a time.
    for (let i = 1; i <= 5; i++)
      await repo.add({ ...readings.at(-1)!, at: NOW + i * 120_000, extra: null });
    const tiers = new Set((await repo.all()).map((r) => r.tier ?? 0));
    expect([...tiers].sort()).toEqual([0, 10, 60]);

    for (const orgId of ['org-personal', 'org-team'])
      for (const [from, to] of [
        [NOW - 365 * 24 * HOUR, NOW + HOUR],
        [NOW - 90 * 24 * HOUR + 7 * 60_000, NOW - 3 * HOUR],
        [NOW - 30 * 24 * HOUR, NOW + HOUR],
      ] as const) {
        const packed = await repo.rangePacked(orgId, from, to);
        expect(packed.stale).toBe(false);
        const fromReadings = deriveHistory(await repo.range(orgId, from, to), from, to);
        expect(fromReadings.windows.some((w) => w.reachedLimit)).toBe(true);
        expect(fromReadings.heat.max).toBeGreaterThan(0);
        expect(deriveHistory(packed.readings, from, to)).toEqual(fromReadings);
      }
  });
});
