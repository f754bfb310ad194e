import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
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

export interface AddNewOptions {
  /** Aborting it before the last write rolls the whole transaction back. */
  signal?: AbortSignal;
  /** Called after each chunk with the share of new readings written, 0–1. */
  onProgress?: (fraction: number) => void;
  chunk?: number;
}

const keyOf = (orgId: string, at: number) => `${orgId}\n${at}`;

/** The keys already stored in the time span of `readings`, one key read per organisation. */
async function storedKeys(
  store: IDBPObjectStore<UsageDB, ['snapshots'], 'snapshots', 'readwrite'>,
  readings: readonly Snapshot[],
): Promise<Set<string>> {
  const spans = new Map<string, [number, number]>();
  for (const r of readings) {
    const span = spans.get(r.orgId);
    if (!span) spans.set(r.orgId, [r.at, r.at]);
    else {
      span[0] = Math.min(span[0], r.at);
      span[1] = Math.max(span[1], r.at);
    }
  }
  const keys = new Set<string>();
  for (const [orgId, [from, to]] of spans) {
    const stored = await store.getAllKeys(IDBKeyRange.bound([orgId, from], [orgId, to]));
    for (const [org, at] of stored) keys.add(keyOf(org, at));
  }
  return keys;
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

    /**
     * Store the readings whose organisation and time are not stored yet, in ONE transaction: a
     * stored reading is never replaced, and a cancel (`signal`) or a failure part-way writes
     * nothing. Writes go in chunks so `onProgress` (0–1) can report and the page keeps painting.
     */
    async addNew(
      readings: readonly Snapshot[],
      { signal, onProgress, chunk = 1_000 }: AddNewOptions = {},
    ): Promise<{ added: number; already: number }> {
      const tx = db.transaction('snapshots', 'readwrite');
      // Settled here so an abort never surfaces as an unhandled rejection; awaited at the end.
      const done = tx.done.then(
        () => null,
        (error: unknown) => error ?? new Error('The import transaction failed'),
      );
      try {
        const stored = await storedKeys(tx.store, readings);
        const fresh = readings.filter((r) => !stored.has(keyOf(r.orgId, r.at)));
        for (let i = 0; i < fresh.length; i += chunk) {
          if (signal?.aborted) throw signal.reason;
          // `add`, not `put`: should a key exist after all, the transaction fails instead of
          // replacing a stored reading.
          let last: Promise<unknown> = Promise.resolve();
          for (const r of fresh.slice(i, i + chunk)) {
            last = tx.store.add(r);
            // The transaction's outcome reports a failure; each request's own rejection is noise.
            last.catch(() => undefined);
          }
          await last;
          onProgress?.(Math.min(fresh.length, i + chunk) / fresh.length);
        }
        if (signal?.aborted) throw signal.reason;
        const error = await done;
        if (error) throw error;
        return { added: fresh.length, already: readings.length - fresh.length };
      } catch (error) {
        try {
          tx.abort();
        } catch {
          /* already finished or aborted */
        }
        await done;
        throw error;
      }
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
