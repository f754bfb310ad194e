import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureJson } from '../fixtures/fake-claude';
import { launchExtension } from './extension-session';
import type { ChromeApi } from './extension-state';
import { expect, snap, test } from './harness';

declare const chrome: ChromeApi;

/** The options page of the production build: settings apply at once; the history is yours. */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);

test.describe('the options page', () => {
  test('changes the poll interval and the badge at once, without a reload', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
    badge,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    expect((await badge()).text).toBe('64%');
    const page = await currentContext().newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);

    await page.getByLabel('Check every (minutes)').fill('15');
    await expect
      .poll(
        async () => (await (await sw()).evaluate(() => chrome.alarms.get('poll')))?.periodInMinutes,
      )
      .toBe(15);

    await page.getByLabel('The badge shows').selectOption('session');
    await expect.poll(async () => (await badge()).text).toBe('48%');

    await page.getByLabel('Check every (minutes)').fill('0');
    await expect(page.getByRole('alert')).toContainText('Between 1 and 60');
    const stored = await (
      await sw()
    ).evaluate(
      async () => (await chrome.storage.local.get('settings')).settings as { pollMinutes: number },
    );
    expect(stored.pollMinutes).toBe(15);
    await snap(page, 'options-light');
  });

  test('exports the readings as CSV and imports the JSON into a fresh profile', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    snapshotCount,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    await triggerPoll();
    const page = await currentContext().newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const n = await snapshotCount();
    expect(n).toBeGreaterThanOrEqual(2);
    await expect(page.getByText(`${n} readings kept`)).toBeVisible();

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const rows = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('time,organization,limit_id,label,percent,resets_at');
    // Every reading served max-sep-2026.json: session 48, weekly 64, Sonnet 2.
    const served = [
      'session,5-hour session,48',
      'weekly,Weekly (all models),64',
      'weekly:sonnet,Weekly · Sonnet,2',
    ];
    expect(rows.slice(1).map((r) => r.split(',').slice(2, 5).join(','))).toEqual(
      Array.from({ length: n }, () => served).flat(),
    );

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = (await json.path())!;
    const copy = join(mkdtempSync(join(tmpdir(), 'export-')), 'export.json');
    await json.saveAs(copy);

    // A new browser: it signs in and reads 50 % now; the imported readings said 48 %.
    const profile = mkdtempSync(join(tmpdir(), 'claude-usage-meter-import-'));
    const fresh = await launchExtension(profile, server);
    try {
      server.setUsage('*', { body: fixtureJson('max-fable-scoped-aug-2026.json') });
      await fresh.signIn();
      await fresh.triggerPoll();
      const options = await fresh.context.newPage();
      await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await options.locator('input[type=file]').setInputFiles(copy);
      await expect(options.getByText(`Imported: ${n} new, 0 already here.`)).toBeVisible();
      await options.locator('input[type=file]').setInputFiles(copy);
      await expect(options.getByText(`Imported: 0 new, ${n} already here.`)).toBeVisible();
      const popup = await fresh.openPopup();
      await expect(popup.getByRole('img')).toHaveAttribute(
        'aria-label',
        /5-hour session 48% to 50%/,
      );
    } finally {
      await fresh.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(exported, { force: true });
    }
  });

  test('refuses a foreign file and changes nothing', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    snapshotCount,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    const page = await currentContext().newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const n = await snapshotCount();
    await expect(page.getByText(`${n} readings kept`)).toBeVisible();
    await page.locator('input[type=file]').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello":"world"}'),
    });
    await expect(
      page.getByText(/Not imported: This is not a Claude Usage Meter export/),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByText(`${n} readings kept`)).toBeVisible();
    expect(await snapshotCount()).toBe(n);
  });

  test('fits 420 px with the channel form open, and its sections are one click away', async ({
    currentContext,
    extensionId,
  }) => {
    const page = await currentContext().newPage();
    await page.setViewportSize({ width: 420, height: 800 });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const nav = page.getByRole('navigation', { name: 'Sections of this page' });
    await expect(nav.getByRole('link')).toHaveText([
      'General',
      'Accounts',
      'Alerts',
      'Channels',
      'Data',
      'Diagnostics',
    ]);
    // The form folds away until asked for; the widest kind (a webhook) has the most fields.
    await expect(page.getByLabel('Kind')).toHaveCount(0);
    await page.getByRole('button', { name: 'Add a channel' }).click();
    await expect(page.getByLabel('Kind')).toBeFocused();
    await page.getByLabel('Kind').selectOption({ label: 'Any webhook' });
    await expect(page.getByLabel('Body')).toBeVisible();
    const overflow = () =>
      page.evaluate(() => {
        const root = document.documentElement;
        return { scroll: root.scrollWidth, client: root.clientWidth };
      });
    const narrow = await overflow();
    expect(narrow.scroll).toBeLessThanOrEqual(narrow.client);

    // Diagnostics fold away behind a disclosure, reached from the nav.
    await nav.getByRole('link', { name: 'Diagnostics' }).click();
    const diagnostics = page.locator('section[aria-labelledby=diagnostics] pre');
    await expect(diagnostics).toBeHidden();
    await page.getByText('Show what to send with a bug report').click();
    await expect(diagnostics).toBeVisible();
    await expect(diagnostics).toContainText('Claude Usage Meter');
    const open = await overflow();
    expect(open.scroll).toBeLessThanOrEqual(open.client);
    await snap(page, 'options-420');
  });

  test('greys what depends on a switch, and sets what reaches the desktop in one place', async ({
    currentContext,
    extensionId,
    sw,
  }) => {
    const page = await currentContext().newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const stored = async () =>
      await (
        await sw()
      ).evaluate(async () => {
        const got = await chrome.storage.local.get(['settings', 'alertRoutes']);
        return got as {
          settings?: { notifications: { resetAlerts: boolean; thresholds: number[] } };
          alertRoutes?: { desktop: Record<string, boolean> };
        };
      });

    // Quiet hours off: their times are greyed until switched on.
    const from = page.getByLabel('From', { exact: true });
    await expect(from).toBeDisabled();
    await expect(page.getByLabel('Until', { exact: true })).toBeDisabled();
    await page.getByLabel('Quiet hours: hold alerts (desktop and channels)').check();
    await expect(from).toBeEnabled();

    // The old rule checkboxes are gone: the routes table alone says what reaches the desktop.
    await expect(page.getByLabel('Say when a limit resets')).toHaveCount(0);
    const resetLevel = page.getByLabel('Announce a reset only if usage had reached (%)');
    await expect(resetLevel).toBeEnabled();
    await page.getByRole('checkbox', { name: 'Limit reset → Desktop' }).uncheck();
    await expect(resetLevel).toBeDisabled();
    await expect.poll(async () => (await stored()).settings?.notifications.resetAlerts).toBe(false);
    await page.getByRole('checkbox', { name: 'Limit reset → Desktop' }).check();
    await expect(resetLevel).toBeEnabled();
    await expect.poll(async () => (await stored()).settings?.notifications.resetAlerts).toBe(true);
    expect((await stored()).alertRoutes?.desktop.reset).toBe(true);

    // Warning levels as chips: added in order, refused with a reason, removed by name.
    const level = page.getByLabel('Add a warning level (%)');
    await level.fill('80');
    await level.press('Enter');
    await expect
      .poll(async () => (await stored()).settings?.notifications.thresholds)
      .toEqual([75, 80, 90, 95]);
    await level.fill('80');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('80% is already in the list.');
    await level.fill('150');
    await level.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('A whole percent from 1 to 99.');
    await page.getByRole('button', { name: 'Remove 95%' }).click();
    await expect
      .poll(async () => (await stored()).settings?.notifications.thresholds)
      .toEqual([75, 80, 90]);

    // Desktop notifications off: the Desktop column greys, the rules (no channel) too.
    await page.getByLabel('Show desktop notifications').uncheck();
    await expect(page.getByRole('checkbox', { name: 'Near a limit → Desktop' })).toBeDisabled();
    await expect(level).toBeDisabled();
  });
});
