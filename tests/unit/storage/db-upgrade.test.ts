import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { dayPacks } from '../../../lib/storage/db-packs';
import { ownReadings } from '../../../lib/history/packed-readings';
import {
  createSnapshotRepo,
  DB_NAME,
  DB_VERSION,
  openUsageDb,
  type Snapshot,
} from '../../../lib/storage/db';

/**
 * Databases made by older versions of the extension must open with every reading intact. Each
 * old schema is kept as a fixture (its stores and real-shaped readings) and made here with a
 * frozen copy of that version's upgrade code, then opened through today's `openUsageDb`.
 */

interface DbFixture {
  name: string;
  version: number;
  stores: {
    name: string;
    keyPath: string | string[];
    autoIncrement: boolean;
    indexes: { name: string; keyPath: string; unique: boolean; multiEntry: boolean }[];
  }[];
  records: Record<string, Snapshot[]>;
}

const V1: DbFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/db-v1.json', import.meta.url), 'utf8'),
);

/** Schema version 1's `upgrade`, as released. Frozen: it is how databases out there were made. */
function upgradeV1(db: IDBDatabase): void {
  const snapshots = db.createObjectStore('snapshots', { keyPath: ['orgId', 'at'] });
  snapshots.createIndex('by-at', 'at');
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A database exactly as version 1 made it, filled with the fixture's readings, then closed. */
async function createV1Database(factory: IDBFactory, fixture: DbFixture): Promise<void> {
  const open = factory.open(fixture.name, fixture.version);
  open.onupgradeneeded = () => upgradeV1(open.result);
  const db = await request(open);
  const tx = db.transaction(Object.keys(fixture.records), 'readwrite');
  for (const [store, records] of Object.entries(fixture.records))
    for (const record of records) tx.objectStore(store).put(record);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** The stores and indexes of a database, in the fixture's terms. */
function describeSchema(db: IDBDatabase): DbFixture['stores'] {
  const tx = db.transaction([...db.objectStoreNames]);
  return [...db.objectStoreNames].map((name) => {
    const store = tx.objectStore(name);
    return {
      name,
      keyPath: store.keyPath as string | string[],
      autoIncrement: store.autoIncrement,
      indexes: [...store.indexNames].map((i) => {
        const index = store.index(i);
        return {
          name: i,
          keyPath: index.keyPath as string,
          unique: index.unique,
          multiEntry: index.multiEntry,
        };
      }),
    };
  });
}

const byTime = (a: Snapshot, b: Snapshot) => a.at - b.at || a.orgId.localeCompare(b.orgId);

describe('database upgrades', () => {
  it('keeps a fixture that is what version 1 made', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, V1);
    const db = await request(factory.open(V1.name, V1.version));
    expect(V1.name).toBe(DB_NAME);
    expect(describeSchema(db)).toEqual(V1.stores);
    db.close();
  });

  it('opens a version 1 database with every reading intact', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, V1);

    const db = await openUsageDb(factory);
    expect(db.version).toBe(DB_VERSION);
    const repo = createSnapshotRepo(db);
    const readings = [...V1.records.snapshots!].sort(byTime);

    expect(await repo.count()).toBe(readings.length);
    expect(await repo.all()).toEqual(readings);
    // Every query the extension makes still answers from the old data.
    for (const orgId of new Set(readings.map((r) => r.orgId))) {
      const own = readings.filter((r) => r.orgId === orgId);
      expect(await repo.range(orgId, -Infinity, Infinity)).toEqual(own);
      expect(await repo.latest(orgId)).toEqual(own.at(-1));
    }
    const middle = readings[Math.floor(readings.length / 2)]!.at;
    expect(await repo.rangeAll(middle, Infinity)).toEqual(readings.filter((r) => r.at >= middle));
    expect(await repo.oldestAt()).toBe(readings[0]!.at);

    // And it takes new readings next to the old ones.
    const next = { ...readings.at(-1)!, at: readings.at(-1)!.at + 120_000 };
    await repo.add(next);
    expect(await repo.latest(next.orgId)).toEqual(next);
    db.close();
  });

  it('marks every day of a version 1 history for packing, and the dashboard packs it exactly', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, V1);
    const db = await openUsageDb(factory);
    const repo = createSnapshotRepo(db, dayPacks);
    const readings = [...V1.records.snapshots!].sort(byTime);
    const orgs = [...new Set(readings.map((r) => r.orgId))];
    expect(await db.count('days')).toBeGreaterThanOrEqual(orgs.length);
    const asRead = (r: Snapshot) => ({ ...r, tier: r.tier ?? 0, extra: null });
    for (const orgId of orgs) {
      const own = readings.filter((r) => r.orgId === orgId).map(asRead);
      // Before packing, every day is read from its readings: nothing is missing.
      const first = await repo.rangePacked(orgId, -Infinity, Infinity);
      expect(first.stale).toBe(true);
      expect(ownReadings(first.readings).map(asRead)).toEqual(own);
      await repo.repairPacks(orgId, readings[0]!.at, readings.at(-1)!.at);
      const packed = await repo.rangePacked(orgId, -Infinity, Infinity);
      expect(packed.stale).toBe(false);
      expect(ownReadings(packed.readings).map(asRead)).toEqual(own);
    }
    // The readings themselves are as they were.
    expect(await repo.all()).toEqual(readings);
    db.close();
  });

  it('opens a version 1 database a second time without touching it', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, V1);
    (await openUsageDb(factory)).close();
    const db = await openUsageDb(factory);
    expect(await createSnapshotRepo(db).all()).toEqual([...V1.records.snapshots!].sort(byTime));
    db.close();
  });
});
