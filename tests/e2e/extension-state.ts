import type { Worker } from '@playwright/test';
import type { browser as ExtensionApi } from 'wxt/browser';

/**
 * Reads and pokes of the extension's real state, evaluated inside its service worker. The
 * callbacks are serialised into the worker: they may use only their argument and its globals.
 */

/** The extension APIs, for `declare const chrome: ChromeApi` in `evaluate` callbacks. */
export type ChromeApi = typeof ExtensionApi;
declare const chrome: ChromeApi;

export interface Badge {
  text: string;
  /** `#rrggbb`, lower case. */
  color: string;
}

/** The badge text and background colour, as the toolbar shows them. */
export async function readBadge(worker: Worker): Promise<Badge> {
  const [text, rgba] = await worker.evaluate(() =>
    Promise.all([chrome.action.getBadgeText({}), chrome.action.getBadgeBackgroundColor({})]),
  );
  const hex = rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0'));
  return { text, color: `#${hex.join('')}` };
}

/** One key of `chrome.storage.local`, or undefined. */
export function readStorage<T>(worker: Worker, key: string): Promise<T | undefined> {
  return worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k] as T | undefined, key);
}

/** Fire the worker's `poll` alarm now; returns the worker's clock when it was set. */
export function firePollAlarm(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const when = Date.now();
    await chrome.alarms.create('poll', { when });
    return when;
  });
}

/** How many snapshots IndexedDB `claude-usage-meter` holds in `snapshots` (0 before the first). */
export function countSnapshots(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const name = 'claude-usage-meter';
    // Opening a database that does not exist would create it without its stores.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return 0;
    return new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('snapshots')) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction('snapshots').objectStore('snapshots').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error);
      };
    });
  });
}

/** Forget what a poll without a session said: its status, its alert state and its notices. */
export async function forgetUnsignedPoll(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    await chrome.storage.local.remove(['status', 'alertState']);
    for (const id of Object.keys(await chrome.notifications.getAll()))
      await chrome.notifications.clear(id);
  });
}
