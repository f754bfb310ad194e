import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSnapshotRepo, openUsageDb, type Snapshot } from '../../../lib/storage/db';
import { dayPacks } from '../../../lib/storage/db-packs';
import { DAY_MS } from '../../../lib/history/day-pack';
import { ownReadings } from '../../../lib/history/packed-readings';
import { madeUpHistory } from '../support/year-history';

const failing = vi.hoisted(() => ({ on: false }));
// Making a pack fails on demand: the readings must not care.
vi.mock(import('../../../lib/history/day-pack'), async (original) => {
  const real = await original();
  const fail =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A) => {
      if (failing.on) throw new Error('packing failed');
      return f(...args);
    };
  return {
    ...real,
    packDay: fail(real.packDay),
    packAll: fail(real.packAll),
    appendToPack: fail(real.appendToPack),
  };
});

const NOW = Date.UTC(2026, 10, 15, 12);
const asRead = (r: Snapshot): Snapshot => ({ ...r, tier: r.tier ?? 0, extra: null });
const ORG = 'org-personal';

describe('day packs beside the readings', () => {
  let repo: ReturnType<typeof createSnapshotRepo>;
  const history = madeUpHistory(NOW, 10, 11).filter((r) => r.orgId === ORG);
  beforeEach(async () => {
    failing.on = false;
    repo = createSnapshotRepo(await openUsageDb(new IDBFactory()), dayPacks);
    await repo.addMany(history.slice(0, -10));
  });

  const expectSame = async (stale: boolean) => {
    const packed = await repo.rangePacked(ORG, -Infinity, Infinity);
    expect(packed.stale).toBe(stale);
    expect(ownReadings(packed.readings).map(asRead)).toEqual(
      (await repo.range(ORG, -Infinity, Infinity)).map(asRead),
    );
    return ownReadings(packed.readings);
  };

  it('follow every poll', async () => {
    for (const r of history.slice(-10)) await repo.add(r);
    expect(await expectSame(false)).toHaveLength(history.length);
  });

  it('are left to the dashboard by a writer without the packing code (the worker)', async () => {
    const db = await openUsageDb(new IDBFactory());
    const worker = createSnapshotRepo(db);
    const dashboard = createSnapshotRepo(db, dayPacks);
    await worker.addMany(history.slice(0, -10));
    for (const r of history.slice(-10)) await worker.add(r);
    const before = await dashboard.rangePacked(ORG, -Infinity, Infinity);
    expect(before.stale).toBe(true);
    expect(ownReadings(before.readings).map(asRead)).toEqual(history.map(asRead));
    await dashboard.repairPacks(ORG, history[0]!.at, history.at(-1)!.at);
    const after = await dashboard.rangePacked(ORG, -Infinity, Infinity);
    expect(after.stale).toBe(false);
    expect(ownReadings(after.readings).map(asRead)).toEqual(history.map(asRead));
    // Without the packing code, reading a range is a plain range read.
    expect((await worker.rangePacked(ORG, -Infinity, Infinity)).readings).toEqual(
      await worker.range(ORG, -Infinity, Infinity),
    );
  });

  it('name only the days a packless writer touched, so a repair repacks those alone', async () => {
    const db = await openUsageDb(new IDBFactory());
    const dashboard = createSnapshotRepo(db, dayPacks);
    await dashboard.addMany(history.slice(0, -1));
    const last = history.at(-1)!;
    await createSnapshotRepo(db).add(last);
    const day = Math.floor(last.at / DAY_MS) * DAY_MS;
    const packed = await dashboard.rangePacked(ORG, -Infinity, Infinity);
    expect(packed.staleDays).toEqual([day]);
    expect(ownReadings(packed.readings).map(asRead)).toEqual(history.map(asRead));
    await dashboard.repairPacks(ORG, day, day);
    expect((await dashboard.rangePacked(ORG, -Infinity, Infinity)).staleDays).toEqual([]);
  });

  it('read every day without a pack in one range read, and each packed day from its pack alone', async () => {
    const db = await openUsageDb(new IDBFactory());
    const dashboard = createSnapshotRepo(db, dayPacks);
    await dashboard.addMany(history);
    // The worker writes again into the first and the last day: two placeholders, packs between.
    const worker = createSnapshotRepo(db);
    const [first, last] = [history[0]!, history.at(-1)!];
    await worker.addMany([first, last]);
    const reads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const packed = await dashboard.rangePacked(ORG, -Infinity, Infinity);
    // The packs, then the readings from the first placeholder's day to the last one's.
    expect(reads).toHaveBeenCalledTimes(2);
    expect(packed.staleDays).toEqual([first, last].map((r) => Math.floor(r.at / DAY_MS) * DAY_MS));
    expect(ownReadings(packed.readings).map(asRead)).toEqual(history.map(asRead));
    await dashboard.repairPacks(ORG, -Infinity, Infinity);
    reads.mockClear();
    const again = await dashboard.rangePacked(ORG, -Infinity, Infinity);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(ownReadings(again.readings).map(asRead)).toEqual(history.map(asRead));
  });

  it('never cost a reading when making them fails, and are made again later', async () => {
    failing.on = true;
    for (const r of history.slice(-10)) await repo.add(r);
    await repo.replace([[ORG, history[0]!.at]], []);
    expect(await repo.count()).toBe(history.length - 1);
    // The days whose packs failed are read from their readings.
    expect(await expectSame(true)).toHaveLength(history.length - 1);
    failing.on = false;
    await repo.repairPacks(ORG, -Infinity, Infinity);
    await expectSame(false);
  });

  it('are not led astray by an imported file of odd readings', async () => {
    const last = history.at(-1)!;
    const odd: Snapshot[] = [
      { ...last, at: last.at + 1, limits: [last.limits[0]!, { ...last.limits[0]!, percent: 7 }] },
      { ...last, at: last.at + 2, limits: [...last.limits].reverse() },
      { ...last, at: last.at + 3, limits: [{ ...last.limits[0]!, resetsAt: 'soon' as never }] },
      { ...last, at: last.at + 4, tier: 10_000, limits: [{ ...last.limits[0]!, percent: 1e308 }] },
    ];
    await repo.addNew([...history.slice(-10), ...odd]);
    expect(await expectSame(false)).toHaveLength(history.length + odd.length);
  });

  it('are emptied with the history', async () => {
    await repo.clear();
    const emptied = await repo.rangePacked(ORG, -Infinity, Infinity);
    expect({ ...emptied, readings: ownReadings(emptied.readings) }).toEqual({
      readings: [],
      stale: false,
      staleDays: [],
    });
  });
});
