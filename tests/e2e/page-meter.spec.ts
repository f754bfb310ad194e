import type { Page } from '@playwright/test';
import { fixtureJson, type FakeClaude } from '../fixtures/fake-claude';
import { expect, test } from './harness';
import { aMinuteLater } from './time-passes';
import { glancePayload } from './payloads';
import type { ChromeApi } from './extension-state';

declare const chrome: ChromeApi;

/**
 * The meter inside claude.ai, end to end: the production build's content script on the fake
 * claude.ai's chat page, reading only what the worker stored.
 */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);
const usageRequests = (server: FakeClaude) =>
  server.requests.filter((r) => r.path.endsWith('/usage')).length;

/** The meter's compact strip (Playwright's locators pierce its open shadow root). */
const strip = (page: Page) => page.locator('claude-usage-meter .strip');

async function composerRect(page: Page) {
  return page.locator('fieldset').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

test.describe('the meter inside claude.ai', () => {
  test('shows the stored percents beside the composer, asks nothing on load, survives navigation', async ({
    server,
    signIn,
    triggerPoll,
    browserContext,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    const before = usageRequests(server);
    const page = await browserContext.newPage();
    // What claude.ai's own scripts hear by `postMessage` while the meter starts: nothing of ours.
    await page.addInitScript(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      window.addEventListener('message', (event) => heard.push(event.data));
    });
    await page.goto('https://claude.ai/new');

    const session = page.getByRole('progressbar', { name: '5-hour session' });
    const weekly = page.getByRole('progressbar', { name: 'Weekly (all models)' });
    await expect(session).toHaveAttribute('aria-valuenow', '48');
    await expect(weekly).toHaveAttribute('aria-valuenow', '64');
    await expect(strip(page)).toContainText('48%');
    expect(
      JSON.stringify(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)),
    ).not.toContain('wxt:');

    // Docked just above the composer, inside its width.
    const box = await composerRect(page);
    const meter = (await strip(page).boundingBox())!;
    expect(meter.y + meter.height).toBeLessThanOrEqual(box.y);
    expect(meter.x + meter.width).toBeLessThanOrEqual(box.x + box.width);

    for (const chat of ['Trip plans', 'Refactor', 'Project']) {
      await page.getByRole('link', { name: chat }).click();
      await expect(page.getByRole('heading', { name: chat })).toBeVisible();
    }
    await expect(page).toHaveURL(/\/project\//);
    await expect(page.locator('claude-usage-meter')).toHaveCount(1);
    await expect(session).toHaveCount(1);
    const after = (await strip(page).boundingBox())!;
    expect(after.y + after.height).toBeLessThanOrEqual((await composerRect(page)).y);

    // Hover opens every limit, with the popup's own verdict line; it follows claude.ai's theme.
    await page.locator('claude-usage-meter .toggle').hover();
    await expect(page.getByRole('progressbar', { name: 'Weekly · Sonnet' })).toBeVisible();
    const popup = await openPopup();
    const popupVerdict = (await popup.locator('.verdict').textContent())!;
    expect(popupVerdict.length).toBeGreaterThan(5);
    await popup.close();
    await expect(page.locator('claude-usage-meter .panel-verdict')).toHaveText(popupVerdict);
    await page.mouse.move(5, 400);
    await page.getByRole('button', { name: 'Theme' }).click();
    await expect(page.locator('claude-usage-meter .place')).toHaveAttribute('data-theme', 'dark');

    await page.waitForTimeout(2_000);
    expect(usageRequests(server)).toBe(before);
    await page.reload();
    await expect(session).toHaveAttribute('aria-valuenow', '48');
    await page.waitForTimeout(1_000);
    expect(usageRequests(server)).toBe(before);
  });

  test('draws from the texts the worker prepared on install, in the browser’s language', async ({
    server,
    signIn,
    triggerPoll,
    browserContext,
    storageGet,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    // Made once by the worker, so a claude.ai page need not load the message catalogue or the
    // locale's number data on every load.
    const text = await storageGet<{
      locale: string;
      messages: Record<string, string>;
      percents: string[];
    }>('pageText');
    expect(text?.locale).toMatch(/^en/);
    expect(text?.percents).toHaveLength(101);
    expect(text?.percents[48]).toBe('48%');
    expect(text?.messages.durationHoursMinutes).toBe('$1 h $2 min');

    // The strip shows what is stored there: marked texts come out on the page.
    await (
      await sw()
    ).evaluate(async (marked) => chrome.storage.local.set({ pageText: marked }), {
      ...text!,
      percents: text!.percents.map((p) => `${p}·`),
      messages: { ...text!.messages, meterSessionShort: 'S·' },
    });
    const page = await browserContext.newPage();
    await page.goto('https://claude.ai/new');
    await expect(strip(page)).toContainText('48%·');
    await expect(strip(page)).toContainText('S·');

    // A damaged value is not used: the browser's own messages and Intl answer instead.
    await (await sw()).evaluate(async () => chrome.storage.local.set({ pageText: { locale: 7 } }));
    await page.reload();
    await expect(strip(page)).toContainText('48%');
    await expect(strip(page)).not.toContainText('·');
    await expect(page.getByRole('progressbar', { name: '5-hour session' })).toHaveAttribute(
      'aria-valuenow',
      '48',
    );
  });

  test('sending a message leads to one refresh; five within a minute still to one', async ({
    server,
    signIn,
    triggerPoll,
    browserContext,
    sw,
  }) => {
    test.setTimeout(120_000);
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    await aMinuteLater(await sw());
    const page = await browserContext.newPage();
    await page.goto('https://claude.ai/new');
    const editor = page.getByRole('textbox', { name: 'Write your prompt to Claude' });
    const before = usageRequests(server);

    await editor.click();
    await page.keyboard.type('Hello');
    await page.keyboard.press('Enter');
    await expect(page.locator('.message')).toHaveCount(1);
    await expect.poll(() => usageRequests(server), { timeout: 35_000 }).toBe(before + 1);

    // Four more within the minute, by Enter and by the send button.
    for (let i = 0; i < 4; i++) {
      await editor.click();
      await page.keyboard.type(`More ${i}`);
      if (i % 2) await page.getByRole('button', { name: 'Send message' }).click();
      else await page.keyboard.press('Enter');
    }
    await expect(page.locator('.message')).toHaveCount(5);
    // Shift+Enter is a new line, not a message.
    await page.keyboard.press('Shift+Enter');
    await page.waitForTimeout(30_000);
    expect(usageRequests(server)).toBe(before + 1);
  });

  test('moves nothing of claude.ai, and the options page switches it off and on live', async ({
    server,
    signIn,
    triggerPoll,
    browserContext,
    extensionId,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    const page = await browserContext.newPage();
    await page.goto('https://claude.ai/new');
    await expect(strip(page)).toBeVisible();
    const withMeter = await composerRect(page);

    const options = await browserContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const toggle = options.getByRole('checkbox', { name: /small meter beside claude\.ai/ });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect(page.locator('claude-usage-meter')).toHaveCount(0);
    expect(await composerRect(page)).toEqual(withMeter);
    await toggle.check();
    await expect(strip(page)).toBeVisible();
    expect(await composerRect(page)).toEqual(withMeter);

    // Hiding it on this page lasts until the page is loaded again.
    await page.locator('claude-usage-meter .toggle').click();
    await page.getByRole('button', { name: 'Hide on this page' }).click();
    await expect(page.locator('claude-usage-meter')).toHaveCount(0);
    await page.reload();
    await expect(strip(page)).toBeVisible();
  });

  test('an unknown layout gets a floating pill that can be dragged and keeps its place', async ({
    server,
    signIn,
    triggerPoll,
    browserContext,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    const page = await browserContext.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('https://claude.ai/labs/unknown-layout');
    const pill = strip(page);
    await expect(pill).toBeVisible();
    const start = (await pill.boundingBox())!;
    // In the bottom-right corner.
    expect(start.x + start.width).toBeGreaterThan(1000 - 40);
    expect(start.y + start.height).toBeGreaterThan(700 - 40);

    const handle = (await page.locator('claude-usage-meter .handle').boundingBox())!;
    await page.mouse.move(handle.x + 3, handle.y + 5);
    await page.mouse.down();
    await page.mouse.move(handle.x - 300, handle.y - 200, { steps: 8 });
    await page.mouse.up();
    const moved = (await pill.boundingBox())!;
    expect(moved.x).toBeLessThan(start.x - 250);
    expect(moved.y).toBeLessThan(start.y - 150);

    await page.reload();
    await expect(pill).toBeVisible();
    const kept = (await pill.boundingBox())!;
    expect(Math.abs(kept.x - moved.x)).toBeLessThan(3);
    expect(Math.abs(kept.y - moved.y)).toBeLessThan(3);
  });

  test("shows the organisation the page is on, from claude.ai's own cookie", async ({
    signIn,
    triggerPoll,
    browserContext,
  }) => {
    const orgs = fixtureJson<{ uuid: string; name: string; capabilities: string[] }[]>(
      'organizations.json',
    ).filter((o) => o.capabilities.includes('chat'));
    expect(orgs.length).toBeGreaterThanOrEqual(2);
    await signIn();
    await triggerPoll();
    const page = await browserContext.newPage();
    for (const org of orgs.slice(0, 2)) {
      await browserContext.addCookies([
        { name: 'lastActiveOrg', value: org.uuid, domain: '.claude.ai', path: '/', secure: true },
      ]);
      await page.goto('https://claude.ai/new');
      await page.locator('claude-usage-meter .toggle').focus();
      await expect(page.locator('claude-usage-meter .panel-name')).toHaveText(org.name);
    }
  });

  test('looks stale after a 503, in the popup’s words', async ({
    server,
    signIn,
    triggerPoll,
    browserContext,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    const page = await browserContext.newPage();
    await page.goto('https://claude.ai/new');
    await expect(page.locator('claude-usage-meter .meter')).not.toHaveClass(/not-current/);
    server.setUsage('*', { status: 503, body: 'unavailable' });
    await triggerPoll();
    await expect(page.locator('claude-usage-meter .meter')).toHaveClass(/not-current/);
    // Still the last good number, with the reason when opened from the keyboard.
    await expect(page.getByRole('progressbar', { name: '5-hour session' })).toHaveAttribute(
      'aria-valuenow',
      '48',
    );
    await page.locator('claude-usage-meter .toggle').focus();
    await expect(page.locator('claude-usage-meter').getByRole('status')).toContainText(
      /claude\.ai had a problem · showing data from/,
    );
  });

  test('colours a limit amber when its forecast runs out before the reset, as the popup does', async ({
    server,
    signIn,
    triggerPoll,
    browserContext,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    // The session rises fast from a low percent; the weekly limit stays where it is.
    for (const session of [10, 18, 26]) {
      server.setUsage('*', glancePayload({ session, weekly: 20 }));
      await triggerPoll();
    }
    const page = await browserContext.newPage();
    await page.goto('https://claude.ai/new');
    const mini = (name: string) =>
      page.locator('claude-usage-meter .mini', { has: page.getByRole('progressbar', { name }) });
    await expect(mini('5-hour session')).toHaveClass(/level-warn/);
    await expect(mini('Weekly (all models)')).toHaveClass(/level-ok/);
    await expect(mini('5-hour session')).toContainText('26%');
  });
});
