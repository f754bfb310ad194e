import { fixtureJson } from '../fixtures/fake-claude';
import type { ChromeApi } from './extension-state';
import { expect, test } from './harness';
import { sessionPayload } from './payloads';

declare const chrome: ChromeApi & {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);
const ALARM = `reset-reminder:${MAX_ORG}|session`;

test.describe('notify me when it resets', () => {
  // The real alarm rings 30 s after the (test-made, seconds away) reset.
  test.setTimeout(120_000);

  test('set in the popup, kept across a restart, it fires once after the reset', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
    restart,
    sw,
  }) => {
    const resetsAt = Date.now() + 8_000;
    server.setOrganizations(ONE_ORG);
    server.setUsage('*', sessionPayload(100, resetsAt));
    await signIn();
    await triggerPoll();

    const popup = await openPopup();
    const set = popup.getByRole('button', { name: 'Notify me when 5-hour session resets' });
    await set.click();
    const cancel = popup.getByRole('button', { name: 'Cancel the reminder for 5-hour session' });
    await expect(cancel).toHaveAttribute('aria-pressed', 'true');
    await expect(cancel).toHaveText(/Reminder set · Cancel/);
    // Only the limit at its end offers it: the weekly one at 10 % does not.
    await expect(popup.getByRole('button', { name: /Weekly/ })).toHaveCount(0);
    // Cancelled and set again from the same button.
    await cancel.click();
    await expect(set).toHaveAttribute('aria-pressed', 'false');
    await set.click();
    await expect(cancel).toBeVisible();

    await restart();
    const worker = await sw();
    // The alarm survives the restart, or the fresh worker restores it from storage.
    await expect
      .poll(
        async () =>
          (await worker.evaluate((name) => chrome.alarms.get(name), ALARM))?.scheduledTime ?? 0,
      )
      .toBeGreaterThanOrEqual(resetsAt);
    const stored = await worker.evaluate(() => chrome.storage.local.get('resetReminders'));
    expect(Object.keys(stored.resetReminders as object)).toEqual([`${MAX_ORG}|session`]);

    // The window starts again at the reset: the reminder's own poll sees it.
    server.setUsage('*', sessionPayload(0, resetsAt + 5 * 3600_000));
    const polled = server.requests.length;
    await expect
      .poll(
        async () =>
          (await (await sw()).evaluate(() => chrome.storage.local.get('resetReminders')))
            .resetReminders,
        { timeout: 80_000, intervals: [1000] },
      )
      .toEqual({});
    // It polled (through the poller) and showed the reset.
    expect(server.requests.slice(polled).some((r) => r.path.includes('/usage'))).toBe(true);
    const shown = await (await sw()).evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toContain(`reset:${MAX_ORG}|session`);
    expect(await (await sw()).evaluate((name) => chrome.alarms.get(name), ALARM)).toBeUndefined();
  });
});
