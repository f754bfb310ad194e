import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Reading } from './usage/types';

export const DB_NAME = 'claude-usage-meter';
export const DB_VERSION = 1;

/** A stored reading. `tier` 0 is raw; compacted points carry the width of their span. */
export interface Snapshot extends Reading {
  /** 0 for a raw reading; the bucket width in minutes for a compacted point. */
  tier?: number;
}

export interface UsageDB extends DBSchema {
  snapshots: {
    key: [string, number];
    value: Snapshot;
    indexes: { 'by-at': number };
  };
}

/** Open (and create or upgrade) the history database. `factory` lets tests pass a fresh fake. */
export function openUsageDb(factory?: IDBFactory): Promise<IDBPDatabase<UsageDB>> {
  const open = () =>
    openDB<UsageDB>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const snapshots = db.createObjectStore('snapshots', { keyPath: ['orgId', 'at'] });
          snapshots.createIndex('by-at', 'at');
        }
      },
    });
  if (!factory) return open();
  // idb reads the global indexedDB; swap it for the duration of the open call.
  const saved = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    return open();
  } finally {
    globalThis.indexedDB = saved;
  }
}

export type SnapshotRepo = ReturnType<typeof createSnapshotRepo>;

/** The one place that reads and writes snapshots. */
export function createSnapshotRepo(db: IDBPDatabase<UsageDB>) {
  return {
    /** Store one reading; a second write for the same org and time replaces the first. */
    async add(reading: Reading): Promise<void> {
      await db.put('snapshots', reading);
    },

    /** Store many readings in one transaction (import, seeding). Existing keys are replaced. */
    async addMany(readings: readonly Snapshot[]): Promise<void> {
      const tx = db.transaction('snapshots', 'readwrite');
      for (const r of readings) void tx.store.put(r);
      await tx.done;
    },

    /** Readings of one organisation with `from <= at <= to`, oldest first. */
    range(orgId: string, from: number, to: number): Promise<Snapshot[]> {
      return db.getAll('snapshots', IDBKeyRange.bound([orgId, from], [orgId, to]));
    },

    /** Every reading of every organisation with `from <= at <= to`, oldest first. */
    rangeAll(from: number, to: number): Promise<Snapshot[]> {
      return db.getAllFromIndex('snapshots', 'by-at', IDBKeyRange.bound(from, to));
    },

    /** The newest reading of one organisation, or undefined. */
    async latest(orgId: string): Promise<Snapshot | undefined> {
      const cursor = await db
        .transaction('snapshots')
        .store.openCursor(IDBKeyRange.bound([orgId, -Infinity], [orgId, Infinity]), 'prev');
      return cursor?.value;
    },

    /** Every reading, oldest first (export). */
    all(): Promise<Snapshot[]> {
      return db.getAllFromIndex('snapshots', 'by-at');
    },

    /** Delete and write in one transaction (compaction): deletes first, so a key may be reused. */
    async replace(remove: readonly [string, number][], add: readonly Snapshot[]): Promise<void> {
      const tx = db.transaction('snapshots', 'readwrite');
      for (const key of remove) void tx.store.delete(key);
      for (const snapshot of add) void tx.store.put(snapshot);
      await tx.done;
    },

    /** When the oldest reading was taken, or undefined with none. */
    async oldestAt(): Promise<number | undefined> {
      const cursor = await db.transaction('snapshots').store.index('by-at').openCursor();
      return cursor?.value.at;
    },

    count(): Promise<number> {
      return db.count('snapshots');
    },

    async clear(): Promise<void> {
      await db.clear('snapshots');
    },
  };
}
