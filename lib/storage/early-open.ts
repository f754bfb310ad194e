/**
 * The popup's way to its history: the popup's HTML (`public/popup-read.js`) starts opening the
 * database before any module loads, and the popup's repository takes that connection. Only the
 * popup loads this module; the worker and the other pages open the database themselves.
 */

import { wrap, type IDBPDatabase } from 'idb';
import { DB_VERSION, openUsageDb, type UsageDB } from './db';
import { historyRepo } from './history-repo';

/** The global `public/popup-read.js` leaves its open of this database in, before any module. */
export const EARLY_OPEN_GLOBAL = 'popupDb';

/** What an open request gave: the connection, or null when it failed. */
function opened(request: IDBOpenDBRequest): Promise<IDBDatabase | null> {
  if (request.readyState === 'done') return Promise.resolve(request.error ? null : request.result);
  return new Promise((resolve) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => resolve(null));
  });
}

/**
 * The history database, from the connection the popup's HTML started opening before its bars
 * painted, when that one is of this version (taken once); else opened, made or upgraded here.
 */
export async function openEarlyOrNew(): Promise<IDBPDatabase<UsageDB>> {
  const global = globalThis as Record<string, unknown>;
  const request = global[EARLY_OPEN_GLOBAL] as IDBOpenDBRequest | undefined;
  delete global[EARLY_OPEN_GLOBAL];
  const db = request ? await opened(request) : null;
  if (db?.version === DB_VERSION) return wrap(db) as IDBPDatabase<UsageDB>;
  db?.close();
  return openUsageDb();
}

/** The history repository, its connection (on the first call of the page) taken from the early open. */
export const popupHistoryRepo = () => historyRepo(undefined, openEarlyOrNew);
