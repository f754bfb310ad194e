import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSnapshotRepo, openUsageDb } from '../../../lib/storage/db';
import { fakeReading, ORG, T0 } from '../support/builders';

describe('snapshot repository', () => {
  let repo: ReturnType<typeof createSnapshotRepo>;
  beforeEach(async () => {
    repo = createSnapshotRepo(await openUsageDb(new IDBFactory()));
  });

  it('keeps every reading and reads them back by organisation and time range, oldest first', async () => {
    for (let i = 0; i < 5; i++) await repo.add(fakeReading(10 * i, 5, { at: T0 + i * 60_000 }));
    await repo.add(fakeReading(99, 99, { orgId: 'other-org', at: T0 + 60_000 }));
    const range = await repo.range(ORG, T0 + 60_000, T0 + 3 * 60_000);
    expect(range.map((r) => r.limits[0]!.percent)).toEqual([10, 20, 30]);
    expect(await repo.count()).toBe(6);
    expect((await repo.rangeAll(T0 + 60_000, T0 + 60_000)).map((r) => r.orgId).sort()).toEqual(
      [ORG, 'other-org'].sort(),
    );
  });

  it('stores one snapshot per organisation and time, whatever the number of writes', async () => {
    await repo.add(fakeReading(10, 5));
    await repo.add(fakeReading(20, 5));
    expect(await repo.count()).toBe(1);
    expect((await repo.latest(ORG))?.limits[0]!.percent).toBe(20);
  });

  it('finds the newest reading of an organisation', async () => {
    await repo.addMany([
      fakeReading(1, 1, { at: T0 }),
      fakeReading(2, 2, { at: T0 + 5 }),
      fakeReading(3, 3, { orgId: 'zzz', at: T0 + 9 }),
    ]);
    expect((await repo.latest(ORG))?.at).toBe(T0 + 5);
    expect(await repo.latest('none')).toBeUndefined();
  });

  it('adds only readings whose organisation and time are new, never replacing one', async () => {
    await repo.add(fakeReading(80, 80, { at: T0 }));
    await repo.add(fakeReading(70, 70, { orgId: 'other-org', at: T0 + 60_000 }));
    const result = await repo.addNew([
      fakeReading(0, 0, { at: T0 }),
      fakeReading(1, 1, { at: T0 + 60_000 }),
      fakeReading(2, 2, { orgId: 'other-org', at: T0 }),
      fakeReading(3, 3, { orgId: 'other-org', at: T0 + 60_000 }),
    ]);
    expect(result).toEqual({ added: 2, already: 2 });
    const all = await repo.all();
    expect(all.map((r) => [r.orgId, r.at - T0, r.limits[0]!.percent])).toEqual([
      [ORG, 0, 80],
      ['other-org', 0, 2],
      [ORG, 60_000, 1],
      ['other-org', 60_000, 70],
    ]);
  });

  it('clears everything', async () => {
    await repo.add(fakeReading(10, 5));
    await repo.clear();
    expect(await repo.count()).toBe(0);
  });
});
