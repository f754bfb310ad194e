import type { Worker } from '@playwright/test';
import { fixtureJson } from '../fixtures/fake-claude';
import type { ChromeApi } from './extension-state';
import { expect, test } from './harness';
import { sessionPayload } from './payloads';

declare const chrome: ChromeApi;

/** Desktop notifications of the production build, read back from Chromium. */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);
const H = 3_600_000;

async function shown(worker: Worker): Promise<string[]> {
  return Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).sort();
}

test.describe('desktop notifications', () => {
  test('60 → 80 → 80 → 92 gives exactly two notifications', async ({
    server,
    signIn,
    triggerPoll,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    // About thresholds only: a climb this steep would also (rightly) warn that it runs out early.
    await (
      await sw()
    ).evaluate(() =>
      chrome.storage.local.set({ settings: { notifications: { forecast: false } } }),
    );
    const resetsAt = Date.now() + 2 * H;
    const ids: string[] = [];
    for (const percent of [60, 80, 80, 92]) {
      server.setUsage('*', sessionPayload(percent, resetsAt));
      await triggerPoll();
      const now = await shown(await sw());
      ids.push(...now);
      // Clear so that a repeat of the same notice would show up again.
      await (
        await sw()
      ).evaluate(async (list) => {
        for (const id of list) await chrome.notifications.clear(id);
      }, now);
    }
    // One for 75 %, one for 90 %; the repeated 80 % says nothing. A newer notice about the same
    // limit replaces the older one in the tray, so both carry the limit's id.
    expect(ids).toEqual([`threshold:${MAX_ORG}|session`, `threshold:${MAX_ORG}|session`]);
  });

  test('a rising session warns once that it will run out before the reset', async ({
    server,
    signIn,
    triggerPoll,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    const resetsAt = Date.now() + 2 * H;
    const ids: string[] = [];
    // Polls a moment apart: a steep climb, projected full within minutes, long before the reset.
    for (const percent of [40, 45, 50, 55, 60, 65]) {
      server.setUsage('*', sessionPayload(percent, resetsAt));
      await triggerPoll();
      const now = await shown(await sw());
      ids.push(...now.map((id) => `${percent} % ${id}`));
      await (
        await sw()
      ).evaluate(async (list) => {
        for (const id of list) await chrome.notifications.clear(id);
      }, now);
    }
    // Once, and only from the second projection on: not before three readings, then stable over
    // two (an extra poll of its own, e.g. at install, can bring that one reading earlier).
    expect(ids.map((entry) => entry.replace(/^\d+ % /, ''))).toEqual([
      `forecast:${MAX_ORG}|session`,
    ]);
    expect(Number.parseInt(ids[0]!, 10)).toBeGreaterThanOrEqual(50);
  });

  test('a reset after 95 % is announced', async ({ server, signIn, triggerPoll, sw }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    const resetsAt = Date.now() + 30 * 60_000;
    server.setUsage('*', sessionPayload(95, resetsAt));
    await triggerPoll();
    server.setUsage('*', sessionPayload(3, resetsAt + 5 * H));
    await triggerPoll();
    expect((await shown(await sw())).some((id) => id.startsWith('reset:'))).toBe(true);
  });

  test('signed out is said once across several polls', async ({
    server,
    signIn,
    triggerPoll,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    server.setUsage('*', { status: 401, body: fixtureJson('error-session-invalid.json') });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await triggerPoll();
      const now = await shown(await sw());
      seen.push(...now);
      await (
        await sw()
      ).evaluate(async (list) => {
        for (const id of list) await chrome.notifications.clear(id);
      }, now);
    }
    expect(seen).toEqual(['signed-out']);
  });

  test('the options page can send a test notification', async ({ sw, openPopup }) => {
    const page = await openPopup();
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'test-notification' }));
    expect(await shown(await sw())).toContain('test');
  });
});
