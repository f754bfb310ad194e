import type { Page } from '@playwright/test';
import type { PollStatus } from '../../lib/usage/types';
import { fixtureJson, type FakeClaude } from '../fixtures/fake-claude';
import type { ChromeApi } from './extension-state';
import { expect, test } from './harness';
import { goodPayload } from './payloads';
import { aMinuteLater } from './time-passes';

declare const chrome: ChromeApi;

/**
 * Polling etiquette, end to end: whatever a worried person clicks or opens, the extension sends
 * nothing before claude.ai's Retry-After, at most one request a minute during an outage, and a
 * hanging claude.ai costs one bounded run, not one timeout per organisation.
 */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);
const usageRequests = (server: FakeClaude) =>
  server.requests.filter((r) => r.path.endsWith('/usage')).length;

/** Open the popup, let whatever it asks for on open settle, and close it. */
async function openAndClose(openPopup: () => Promise<Page>): Promise<void> {
  const popup = await openPopup();
  await expect(popup.getByRole('progressbar').first()).toBeVisible();
  await popup.waitForTimeout(300);
  await popup.close();
}

/** Click Refresh as a person would, even while it says it cannot try yet. */
async function clickRefresh(popup: Page, times: number): Promise<void> {
  const button = popup.locator('header .icon-button').first();
  for (let i = 0; i < times; i++) {
    await button.click({ force: true });
    await popup.waitForTimeout(150);
  }
}

test.describe('polling etiquette', () => {
  test('after a 429 with Retry-After: 600, opens and Refresh clicks send nothing', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
    badge,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    server.setUsage('*', goodPayload(40));
    await triggerPoll();
    server.setUsage('*', {
      status: 429,
      headers: { 'retry-after': '600' },
      body: fixtureJson('error-rate-limited.json'),
    });
    const limited = await triggerPoll();
    expect(limited.lastError?.kind).toBe('rate_limited');
    const mark = usageRequests(server);

    for (let i = 0; i < 6; i++) await openAndClose(openPopup);
    const popup = await openPopup();
    const button = popup.locator('header .icon-button').first();
    // The button says when a try is allowed, instead of spinning for nothing.
    await expect(button).toHaveAttribute(
      'aria-label',
      /^Next try allowed at .+ \(in (9|10) min\)$/,
    );
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await clickRefresh(popup, 12);
    await expect(popup.locator('.spin')).toHaveCount(0);
    expect(usageRequests(server)).toBe(mark);
    // Nor does a message sent straight to the worker.
    const answer = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }));
    expect(answer).toMatchObject({ deferred: { why: 'retry_after' } });
    expect(usageRequests(server)).toBe(mark);
    expect((await badge()).text).toBe('40%');
  });

  test('during an outage clicks try at most once a minute and opening the popup never', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    server.setUsage('*', goodPayload(40));
    await triggerPoll();
    server.setUsage('*', {
      status: 503,
      body: '<html>down</html>',
      headers: { 'content-type': 'text/html' },
    });
    await triggerPoll();
    const mark = usageRequests(server);

    for (let i = 0; i < 4; i++) await openAndClose(openPopup);
    const popup = await openPopup();
    await clickRefresh(popup, 12);
    expect(usageRequests(server)).toBe(mark);

    await aMinuteLater(await sw());
    await expect(popup.locator('header .icon-button').first()).toHaveAttribute(
      'aria-label',
      'Refresh',
    );
    await clickRefresh(popup, 12);
    await expect
      .poll(async () =>
        (await sw()).evaluate(async () => (await chrome.storage.local.get('status')).status),
      )
      .toMatchObject({ pollingSince: null });
    expect(usageRequests(server)).toBe(mark + 1);
    for (let i = 0; i < 3; i++) await openAndClose(openPopup);
    expect(usageRequests(server)).toBe(mark + 1);
  });

  test('three hanging organisations are each reported within one bounded run', async ({
    server,
    signIn,
    triggerPoll,
    storageGet,
    openPopup,
    sw,
  }) => {
    test.setTimeout(90_000);
    const orgs = ['a', 'b', 'c'].map((x) => ({
      uuid: `0000000${x}-0000-4000-8000-00000000000${x}`,
      name: `Org ${x.toUpperCase()}`,
      capabilities: ['chat'],
      rate_limit_tier: 'default_claude_max_5x',
    }));
    server.setOrganizations(orgs);
    await signIn();
    server.setUsage('*', goodPayload(30));
    await triggerPoll();
    server.setUsage('*', { hang: true });
    const firedAt = await (
      await sw()
    ).evaluate(async () => {
      await chrome.alarms.create('poll', { when: Date.now() });
      return Date.now();
    });
    await expect
      .poll(async () => (await storageGet<PollStatus>('status'))?.lastError?.at ?? 0, {
        timeout: 60_000,
        intervals: [500],
      })
      .toBeGreaterThan(firedAt);
    const status = (await storageGet<PollStatus>('status'))!;
    // One run's budget (20 s) for all three, not 20 s each in turn (61 s before).
    expect(status.lastError!.at - firedAt).toBeLessThan(30_000);
    for (const org of orgs) expect(status.byOrg?.[org.uuid]?.lastError?.kind).toBe('timeout');
    const popup = await openPopup();
    await expect(popup.getByRole('status').first()).toContainText('claude.ai did not answer');
  });

  test('signing back in is noticed when the popup opens, even within a minute', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
    browserContext,
    badge,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    server.setUsage('*', goodPayload(40));
    await triggerPoll();
    await browserContext.clearCookies();
    const out = await triggerPoll();
    expect(out.lastError?.kind).toBe('signed_out');
    expect((await badge()).text).toBe('!');
    await signIn();
    const popup = await openPopup();
    await expect(popup.getByRole('status').first()).toContainText('Updated');
    await expect(popup.getByRole('status').first()).not.toContainText('Signed out');
    await expect.poll(async () => (await badge()).text).toBe('40%');
  });
});
