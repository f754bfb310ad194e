import { openDB, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import { daysTouched, stalePack } from '../history/pack-days';
import type { PackedRange, PackKeeper } from './db-packs';
import { withLabels, type Labeller } from '../usage/labels';
import type { Snapshot, UsageDB } from './db-schema';
import type { Reading } from '../usage/types';

export type { Snapshot, UsageDB } from './db-schema';
export type { PackKeeper } from './db-packs';

export const DB_NAME = 'claude-usage-meter';
/** 1: readings. 2: one pack per organisation and day beside them, for the dashboard. */
export const DB_VERSION = 2;

/** Open (and create or upgrade) the history database. `factory` lets tests pass a fresh fake. */
export function openUsageDb(factory?: IDBFactory): Promise<IDBPDatabase<UsageDB>> {
  const open = () =>
    openDB<UsageDB>(DB_NAME, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const snapshots = db.createObjectStore('snapshots', { keyPath: ['orgId', 'at'] });
          snapshots.createIndex('by-at', 'at');
        }
        if (oldVersion < 2) {
          const days = db.createObjectStore('days', { keyPath: ['orgId', 'day'] });
          // A placeholder for each day of the history already kept: the dashboard reads those
          // days' readings, then packs them (whoever opens the database first, the worker
          // included, does only this cheap part).
          const keys = oldVersion < 1 ? [] : await tx.objectStore('snapshots').getAllKeys();
          for (const d of daysTouched(keys.map(([orgId, at]) => ({ orgId, at }))))
            void days.put(stalePack(d.orgId, d.day));
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
  store: IDBPObjectStore<UsageDB, ['snapshots', 'days'], 'snapshots', 'readwrite'>,
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
export function createSnapshotRepo(db: IDBPDatabase<UsageDB>, packs?: PackKeeper) {
  return {
    /** Store one reading; a second write for the same org and time replaces the first. */
    async add(reading: Reading): Promise<void> {
      await this.addMany([reading]);
    },

    /**
     * Store many readings in one transaction (polls, seeding). Existing keys are replaced. The
     * day packs they touch are dropped in that same transaction and made again after it.
     */
    async addMany(readings: readonly Snapshot[]): Promise<void> {
      const tx = db.transaction(['snapshots', 'days'], 'readwrite');
      const snapshots = tx.objectStore('snapshots');
      const days = tx.objectStore('days');
      const touched = daysTouched(readings);
      // What an append needs: the pack as it was, and whether every reading is new.
      const before = !packs
        ? []
        : await Promise.all(
            touched.map(async (d) => ({
              ...d,
              pack: await days.get([d.orgId, d.day]),
              fresh: (
                await Promise.all(d.readings.map((r) => snapshots.getKey([r.orgId, r.at])))
              ).every((k) => k === undefined),
            })),
          );
      for (const r of readings) void snapshots.put(r);
      for (const d of touched) void days.put(stalePack(d.orgId, d.day));
      await tx.done;
      await packs?.afterWrite(db, before);
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
      const tx = db.transaction(['snapshots', 'days'], 'readwrite');
      const store = tx.objectStore('snapshots');
      // Settled here so an abort never surfaces as an unhandled rejection; awaited at the end.
      const done = tx.done.then(
        () => null,
        (error: unknown) => error ?? new Error('The import transaction failed'),
      );
      try {
        const stored = await storedKeys(store, readings);
        const fresh = readings.filter((r) => !stored.has(keyOf(r.orgId, r.at)));
        for (let i = 0; i < fresh.length; i += chunk) {
          if (signal?.aborted) throw signal.reason;
          // `add`, not `put`: should a key exist after all, the transaction fails instead of
          // replacing a stored reading.
          let last: Promise<unknown> = Promise.resolve();
          for (const r of fresh.slice(i, i + chunk)) {
            last = store.add(r);
            // The transaction's outcome reports a failure; each request's own rejection is noise.
            last.catch(() => undefined);
          }
          await last;
          onProgress?.(Math.min(fresh.length, i + chunk) / fresh.length);
        }
        if (signal?.aborted) throw signal.reason;
        const touched = daysTouched(fresh);
        for (const d of touched) void tx.objectStore('days').put(stalePack(d.orgId, d.day));
        const error = await done;
        if (error) throw error;
        await packs?.afterWrite(db, touched);
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

    /**
     * What `range` gives, as the dashboard reads it (no extra usage), from the day packs where
     * they are made: one indexed read of a few hundred packs for a year. `stale` says some days'
     * packs were not made yet (their readings were read instead) and `repairPacks` is due. The
     * readings are a walk (packed days read in place); `ownReadings` makes readings to keep.
     */
    async rangePacked(
      orgId: string,
      from: number,
      to: number,
      relabel?: Labeller,
    ): Promise<PackedRange> {
      if (packs) return packs.readPacked(db, orgId, from, to, relabel);
      const readings = await this.range(orgId, from, to);
      return {
        readings: relabel ? withLabels(readings, relabel) : readings,
        stale: false,
        staleDays: [],
      };
    },

    /** Make the packs of one organisation's days in `from`–`to` again from its readings. */
    async repairPacks(orgId: string, from: number, to: number): Promise<void> {
      await packs?.rebuildDays(db, orgId, from, to);
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
      const tx = db.transaction(['snapshots', 'days'], 'readwrite');
      const store = tx.objectStore('snapshots');
      for (const key of remove) void store.delete(key);
      for (const snapshot of add) void store.put(snapshot);
      const touched = daysTouched([...remove.map(([orgId, at]) => ({ orgId, at })), ...add]);
      for (const d of touched) void tx.objectStore('days').put(stalePack(d.orgId, d.day));
      await tx.done;
      await packs?.afterWrite(db, touched);
    },

    /** When the oldest reading was taken, or undefined with none. */
    async oldestAt(): Promise<number | undefined> {
      const cursor = await db.transaction('snapshots').store.index('by-at').openCursor();
      return cursor?.value.at;
    },

    count(): Promise<number> {
      return db.count('snapshots');
    },

    /**
     * Delete every reading and day pack of the organisations whose key starts with `prefix`
     * (an added login's `<id>/`, removed with its history).
     */
    async deletePrefix(prefix: string): Promise<void> {
      const tx = db.transaction(['snapshots', 'days'], 'readwrite');
      const all = IDBKeyRange.bound([prefix, -Infinity], [`${prefix}\uffff`, Infinity]);
      void tx.objectStore('snapshots').delete(all);
      void tx.objectStore('days').delete(all);
      await tx.done;
    },

    async clear(): Promise<void> {
      const tx = db.transaction(['snapshots', 'days'], 'readwrite');
      void tx.objectStore('snapshots').clear();
      void tx.objectStore('days').clear();
      await tx.done;
    },
  };
}
