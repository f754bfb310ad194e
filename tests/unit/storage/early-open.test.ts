import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, openUsageDb } from '../../../lib/storage/db';
import { EARLY_OPEN_GLOBAL, openEarlyOrNew } from '../../../lib/storage/early-open';

/**
 * The popup's HTML starts opening the history database before any module loads
 * (`public/popup-read.js`), at whatever version it has; `openEarlyOrNew` takes that connection
 * or opens its own.
 */
const script = readFileSync(new URL('../../../public/popup-read.js', import.meta.url), 'utf8');
const global = globalThis as Record<string, unknown>;

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error));
  });
}

/** The open `popup-read.js` starts, as the popup's HTML runs it. */
function openAsThePopupDoes(): IDBOpenDBRequest {
  const sandbox: Record<string, unknown> = {
    chrome: { storage: { local: { get: () => Promise.resolve({}) } } },
    indexedDB,
  };
  sandbox.globalThis = sandbox;
  runInNewContext(script, sandbox);
  global[EARLY_OPEN_GLOBAL] = sandbox[EARLY_OPEN_GLOBAL];
  return sandbox[EARLY_OPEN_GLOBAL] as IDBOpenDBRequest;
}

async function deleteDatabase(): Promise<void> {
  await settle(indexedDB.deleteDatabase(DB_NAME));
}

describe('the history database opened early by the popup', () => {
  beforeEach(deleteDatabase);
  afterEach(() => {
    delete global[EARLY_OPEN_GLOBAL];
    vi.restoreAllMocks();
  });

  it("opens this database, at the version it has, and leaves the request for the chart's code", () => {
    const opened: unknown[][] = [];
    const request: { onupgradeneeded?: () => void; transaction?: { abort: () => void } } = {};
    const sandbox: Record<string, unknown> = {
      chrome: { storage: { local: { get: () => Promise.resolve({}) } } },
      indexedDB: { open: (...args: unknown[]) => (opened.push(args), request) },
    };
    sandbox.globalThis = sandbox;
    runInNewContext(script, sandbox);
    expect(opened).toEqual([[DB_NAME]]);
    expect(sandbox[EARLY_OPEN_GLOBAL]).toBe(request);
    // A database that would have to be made is not: its making is called off.
    const abort = vi.fn();
    request.transaction = { abort };
    request.onupgradeneeded!();
    expect(abort).toHaveBeenCalledTimes(1);
  });

  it('is taken once, whether it is still opening or already open, instead of a second open', async () => {
    (await openUsageDb()).close();
    for (const wait of [false, true]) {
      const request = openAsThePopupDoes();
      if (wait) await settle(request);
      const open = vi.spyOn(indexedDB, 'open');
      const db = await openEarlyOrNew();
      expect(open).not.toHaveBeenCalled();
      expect(db.version).toBe(DB_VERSION);
      expect(global[EARLY_OPEN_GLOBAL]).toBeUndefined();
      await db.put('snapshots', { orgId: 'o', at: 1, limits: [] } as never);
      expect(await db.count('snapshots')).toBe(1);
      db.close();
      open.mockRestore();
    }
  });

  it('makes no database where there was none, and the one opened next is whole', async () => {
    await expect(settle(openAsThePopupDoes())).rejects.toThrow();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    const db = await openEarlyOrNew();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['days', 'snapshots']);
    expect(db.transaction('snapshots').store.indexNames.contains('by-at')).toBe(true);
    db.close();
  });

  it("never holds up the worker's first open, though a popup with nothing to chart never takes it", async () => {
    openAsThePopupDoes();
    const worker = openUsageDb();
    const held = new Promise((resolve) => setTimeout(() => resolve('held up'), 2_000));
    const db = await Promise.race([worker, held]);
    expect(db).not.toBe('held up');
    expect((db as Awaited<typeof worker>).version).toBe(DB_VERSION);
    (db as Awaited<typeof worker>).close();
  });

  it('upgrades an older database it opened early, without the early connection blocking it', async () => {
    const v1 = indexedDB.open(DB_NAME, 1);
    v1.onupgradeneeded = () =>
      v1.result
        .createObjectStore('snapshots', { keyPath: ['orgId', 'at'] })
        .createIndex('by-at', 'at');
    const old = await settle(v1);
    await settle(
      old
        .transaction('snapshots', 'readwrite')
        .objectStore('snapshots')
        .put({
          orgId: 'o',
          at: Date.UTC(2026, 0, 5, 12),
          limits: [],
        }),
    );
    old.close();

    openAsThePopupDoes();
    const db = await openEarlyOrNew();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('snapshots')).toBe(1);
    // The day of the kept reading has its placeholder pack, as any upgrade from 1 makes.
    expect(await db.count('days')).toBe(1);
    db.close();
  });

  it('opens its own when the early open failed', async () => {
    (await openUsageDb()).close();
    // An open that failed: here one asking for an older version than the database has.
    const failing = indexedDB.open(DB_NAME, 1);
    await settle(failing).catch(() => undefined);
    expect(failing.error?.name).toBe('VersionError');
    global[EARLY_OPEN_GLOBAL] = failing;
    const db = await openEarlyOrNew();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['days', 'snapshots']);
    db.close();
  });
});
