import type { Worker } from '@playwright/test';
import type { PollStatus } from '../../lib/usage/types';
import type { ChromeApi } from './extension-state';

declare const chrome: ChromeApi;

/**
 * The etiquette makes a person wait (a minute between manual tries in an outage, claude.ai's
 * Retry-After): these move the stored times into the past instead of making a test wait.
 */

/** Move the last attempt a minute back, as if the person had waited that long. */
export async function aMinuteLater(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const { status } = (await chrome.storage.local.get('status')) as { status: PollStatus };
    await chrome.storage.local.set({
      status: { ...status, lastAttemptAt: status.lastAttemptAt! - 61_000 },
    });
  });
}

/** Move every stored Retry-After time into the past, as if the wait were over. */
export async function waitOutRetryAfter(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const { status } = (await chrome.storage.local.get('status')) as { status: PollStatus };
    const past = Date.now() - 1000;
    const over = <T extends { retryAt?: number } | null>(e: T): T =>
      e && e.retryAt ? { ...e, retryAt: past } : e;
    const byOrg = Object.fromEntries(
      Object.entries(status.byOrg ?? {}).map(([id, s]) => [
        id,
        { ...s, lastError: over(s.lastError) },
      ]),
    );
    await chrome.storage.local.set({
      status: { ...status, lastError: over(status.lastError), byOrg },
    });
  });
}
