import type { CDPSession, Page } from '@playwright/test';
import type { PollStatus } from '../../lib/usage/types';
import { fixtureJson } from '../fixtures/fake-claude';
import { expect, test } from './harness';
import { goodPayload } from './payloads';

/**
 * A full disk, for real: Chromium's quota for the extension's origin is cut to almost nothing
 * through the DevTools protocol, so IndexedDB refuses the poll's writes as it would on a full
 * disk. The reading must still be shown, the problem reported once, and storing must resume by
 * itself once there is room again.
 */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);

/** Try one small write to a scratch database of this origin; the error's name, or 'ok'. */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const name = 'quota-probe';
    const result = await new Promise<string>((resolve) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('probe');
      open.onerror = () => resolve(open.error?.name ?? 'open failed');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('probe', 'readwrite');
        tx.objectStore('probe').put('x'.repeat(64 * 1024), Date.now());
        tx.oncomplete = () => (db.close(), resolve('ok'));
        tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'aborted'));
      };
    });
    await new Promise((r) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onerror = del.onblocked = r;
    });
    return result;
  });
}

/** Cut the origin's quota to `bytes`, or lift the override with `null`. */
async function setQuota(cdp: CDPSession, origin: string, bytes: number | null): Promise<void> {
  await cdp.send(
    'Storage.overrideQuotaForOrigin',
    bytes === null ? { origin } : { origin, quotaSize: bytes },
  );
}

test.describe('a full disk', () => {
  test.setTimeout(120_000);

  test('keeps showing the reading, reports the problem once, and stores again when there is room', async ({
    server,
    signIn,
    triggerPoll,
    badge,
    storageGet,
    snapshotCount,
    openPopup,
    browserContext,
    extensionId,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    server.setUsage('*', goodPayload(40));
    await triggerPoll();
    const stored = await snapshotCount();
    expect(stored).toBeGreaterThan(0);

    const popup = await openPopup();
    const cdp = await browserContext.newCDPSession(popup);
    const origin = `chrome-extension://${extensionId}`;
    await setQuota(cdp, origin, 1);
    // The override really refuses this origin's IndexedDB writes. Chromium may go on granting
    // writes from space it counted before the override for a short while (about 30 s), so wait
    // until a write is refused.
    await expect
      .poll(() => probeWrite(popup), { timeout: 60_000, intervals: [2_000] })
      .toBe('QuotaExceededError');

    server.setUsage('*', goodPayload(41));
    const full = await triggerPoll();
    expect(full.lastError).toBeNull();
    expect(full.storeError?.detail).toMatch(/QuotaExceededError/);
    expect(await snapshotCount()).toBe(stored);
    // Shown anyway: the badge and the popup have the new number.
    expect((await badge()).text).toBe('41%');
    const weekly = popup.getByRole('progressbar', { name: 'Weekly (all models)' });
    await expect(weekly).toHaveAttribute('aria-valuenow', '41');
    await expect(popup.getByRole('status').first()).toContainText('History is not being saved');

    // Still full: a second failed write is not a second report.
    server.setUsage('*', goodPayload(42));
    const still = await triggerPoll();
    expect(still.storeError).toEqual(full.storeError);
    expect((await badge()).text).toBe('42%');
    await expect(weekly).toHaveAttribute('aria-valuenow', '42');
    expect(await snapshotCount()).toBe(stored);
    const options = await browserContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('pre')).toContainText('Storage problem: QuotaExceededError');

    // Room again: the next poll stores its reading and the problem clears.
    await setQuota(cdp, origin, null);
    expect(await probeWrite(popup)).toBe('ok');
    server.setUsage('*', goodPayload(43));
    const recovered = await triggerPoll();
    expect(recovered.storeError).toBeNull();
    expect(await snapshotCount()).toBe(stored + 1);
    expect(await storageGet<PollStatus>('status')).toMatchObject({ storeError: null });
    expect((await badge()).text).toBe('43%');
    await expect(popup.getByRole('status').first()).not.toContainText('History is not');
    await cdp.detach();
  });
});
