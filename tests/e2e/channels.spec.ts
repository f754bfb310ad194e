import type { Page } from '@playwright/test';
import { fixtureJson, type FakeHandler, type RecordedRequest } from '../fixtures/fake-claude';
import type { ChromeApi } from './extension-state';
import { expect, snap, test, type ExtensionFixtures } from './harness';
import { addChannel } from './channel-form';
import { sessionPayload } from './payloads';

declare const chrome: ChromeApi;

/**
 * Alerts beyond the desktop, through the production build. Headless Chromium cannot answer a
 * permission prompt, but a request for an origin the extension already holds resolves at once,
 * so the receivers live on the fake claude.ai (`https://claude.ai/hook`, `https://claude.ai/ntfy`).
 */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ORGS = fixtureJson<{ uuid: string; name: string }[]>('organizations.json');
const ONE_ORG = ORGS.filter((o) => o.uuid === MAX_ORG);

const hooks = (requests: RecordedRequest[], path: string) =>
  requests.filter((r) => r.path.startsWith(path));

/**
 * Signed in with a session at 60 %, a receiver at https://claude.ai/hook answering with
 * `receiver`, and a webhook channel to it added on the options page (returned, still open).
 */
async function withWebhook(
  fixtures: Pick<
    ExtensionFixtures,
    'server' | 'signIn' | 'triggerPoll' | 'currentContext' | 'extensionId'
  >,
  receiver: FakeHandler,
  fields: Record<string, string> = {},
): Promise<Page> {
  const { server, signIn, triggerPoll, currentContext, extensionId } = fixtures;
  server.setOrganizations(ONE_ORG);
  server.setUsage('*', sessionPayload(60));
  server.setHandler('/hook', receiver);
  await signIn();
  await triggerPoll();
  const page = await currentContext().newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await addChannel(page, 'Any webhook', {
    Name: 'Team hook',
    'Webhook address': 'https://claude.ai/hook',
    ...fields,
  });
  return page;
}

test.describe('alert channels', () => {
  test('a webhook gets the alert as JSON when a threshold is crossed, without the session cookie', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    const fixtures = { server, signIn, triggerPoll, currentContext, extensionId };
    const page = await withWebhook(fixtures, () => ({ status: 204 }), {
      'Headers (optional)': 'X-Token: s3cret-token',
    });
    // The address is a secret: the page shows the host only.
    await expect(page.locator('.channel code')).toHaveText('https://claude.ai/•••');

    server.setUsage('*', sessionPayload(92));
    await triggerPoll();
    const hook = await server.waitForRequest((r) => r.path === '/hook');
    expect(hook.method).toBe('POST');
    expect(hook.cookie).toBeUndefined();
    expect(hook.headers['x-token']).toBe('s3cret-token');
    expect(hook.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hook.body)).toMatchObject({
      event: 'threshold',
      limit: '5-hour session',
      percent: 92,
      organization: ONE_ORG[0]!.name,
      title: '5-hour session at 92%',
    });
    // The desktop had it too.
    const shown = await (await sw()).evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toContain(`threshold:${MAX_ORG}|session`);
    // The delivery log says so, and the secrets never reach settings or diagnostics.
    await expect(page.locator('.deliveries')).toContainText('Delivered · HTTP 204');
    const settings = await (await sw()).evaluate(() => chrome.storage.local.get('settings'));
    expect(JSON.stringify(settings)).not.toContain('s3cret');
    // Diagnostics follow the channels without a reload.
    const diagnostics = page.locator('section[aria-labelledby=diagnostics] pre');
    await expect(diagnostics).toContainText('webhook https://claude.ai/•••');
    expect(await diagnostics.textContent()).not.toContain('s3cret');
    await snap(page, 'options-channels');
  });

  test('a webhook with its own 95 % level hears nothing at 80 % while the desktop warns, then hears 95 %', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    const fixtures = { server, signIn, triggerPoll, currentContext, extensionId };
    const page = await withWebhook(fixtures, () => ({ status: 204 }));
    await page.getByLabel('Levels for Team hook').selectOption({ label: 'Its own' });
    const levels = page.getByLabel('Team hook warns at (%)');
    await levels.fill('95');
    await levels.press('Tab');
    await expect
      .poll(async () => {
        const stored = await (await sw()).evaluate(() => chrome.storage.local.get('alertRoutes'));
        return (stored.alertRoutes as { channels: { rules?: { thresholds: number[] } }[] })
          .channels[0]!.rules?.thresholds;
      })
      .toEqual([95]);

    server.setUsage('*', sessionPayload(80));
    await triggerPoll();
    const shown = await (await sw()).evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toContain(`threshold:${MAX_ORG}|session`);
    expect(hooks(server.requests, '/hook')).toHaveLength(0);

    server.setUsage('*', sessionPayload(96));
    await triggerPoll();
    const hook = await server.waitForRequest((r) => r.path === '/hook');
    expect(JSON.parse(hook.body)).toMatchObject({ event: 'threshold', percent: 96 });
    await expect(page.locator('.deliveries tbody tr')).toHaveCount(1);
    expect(hooks(server.requests, '/hook')).toHaveLength(1);
  });

  test('Slack and Discord get their own bodies for the same alert, and a muted rule sends nothing', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
  }) => {
    const fixtures = { server, signIn, triggerPoll, currentContext, extensionId };
    server.setHandler('/slack', () => ({ status: 200, body: 'ok' }));
    server.setHandler('/discord', () => ({ status: 204 }));
    const page = await withWebhook(fixtures, () => ({ status: 204 }));
    await addChannel(page, 'Slack (or Slack-compatible: Mattermost, Rocket.Chat)', {
      Name: 'Slack',
      'Webhook address': 'https://claude.ai/slack',
    });
    await addChannel(page, 'Discord', {
      Name: 'Discord',
      'Webhook address': 'https://claude.ai/discord',
    });
    // "Near a limit" stays off for the generic hook: only Slack and Discord hear of it.
    await page.getByRole('checkbox', { name: 'Near a limit → Team hook' }).uncheck();

    server.setUsage('*', sessionPayload(91));
    await triggerPoll();
    const slack = await server.waitForRequest((r) => r.path === '/slack');
    const discord = await server.waitForRequest((r) => r.path === '/discord');
    expect(JSON.parse(slack.body).text).toMatch(/^\*5-hour session at 91%\*\nResets in /);
    expect(JSON.parse(discord.body)).toMatchObject({
      content: expect.stringMatching(/^\*\*5-hour session at 91%\*\*\nResets in /),
      allowed_mentions: { parse: [] },
    });
    await expect(page.locator('.deliveries tbody tr')).toHaveCount(2);
    expect(hooks(server.requests, '/hook')).toHaveLength(0);
  });

  test('a receiver answering 500 then 200 gets the retry, and the log shows it', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
  }) => {
    const fixtures = { server, signIn, triggerPoll, currentContext, extensionId };
    let calls = 0;
    const page = await withWebhook(fixtures, () => ({ status: ++calls === 1 ? 500 : 200 }));
    // Desktop notifications off: the rules still serve the channel, so they stay editable.
    await page.getByLabel('Show desktop notifications').uncheck();
    await expect(page.getByLabel('Add a warning level (%)')).toBeEnabled();

    server.setUsage('*', sessionPayload(96));
    await triggerPoll();
    await expect(page.locator('.deliveries')).toContainText(
      'Delivered · HTTP 200 after 2 attempts',
      { timeout: 15_000 },
    );
    expect(hooks(server.requests, '/hook')).toHaveLength(2);
  });

  test('the popup says when a channel is failing, until it delivers again', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    openPopup,
  }) => {
    const fixtures = { server, signIn, triggerPoll, currentContext, extensionId };
    let status = 401;
    const options = await withWebhook(fixtures, () => ({ status }));
    server.setUsage('*', sessionPayload(92));
    await triggerPoll();
    const popup = await openPopup();
    const line = popup.getByRole('status').first();
    await expect(line).toContainText('Alerts to “Team hook” are failing: HTTP 401.');
    await expect(popup.getByRole('button', { name: 'Check channels' })).toBeVisible();

    // Mended at the other end: one good delivery (here the test button) clears it.
    status = 200;
    await options.getByRole('button', { name: 'Send test to Team hook' }).click();
    await expect(options.locator('.channel [role=status]')).toHaveText('Delivered · HTTP 200');
    await expect(line).not.toContainText('Alerts to');
  });

  test('a dead receiver leaves the desktop notification on time', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    const fixtures = { server, signIn, triggerPoll, currentContext, extensionId };
    const page = await withWebhook(fixtures, () => ({ hang: true }));

    server.setUsage('*', sessionPayload(92));
    const status = await triggerPoll();
    // The poll is done and its notification shown while the receiver still has not answered.
    expect(status.lastError).toBeNull();
    const shown = await (await sw()).evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toContain(`threshold:${MAX_ORG}|session`);
    await server.waitForRequest((r) => r.path === '/hook');
    expect(await page.locator('.deliveries').count()).toBe(0);
  });

  test('ntfy: Send test reports the answer beside the channel, and Remove takes it away', async ({
    server,
    currentContext,
    extensionId,
    sw,
  }) => {
    server.setHandler('/ntfy/', () => ({ status: 200, body: { id: 'x' } }));
    const page = await currentContext().newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await addChannel(page, 'ntfy (push to your phone)', {
      Name: 'Phone',
      Server: 'https://claude.ai/ntfy',
      Topic: 'usage-alerts-42',
      'Access token (optional)': 'tk_abc',
    });
    await expect(page.locator('.channel code')).toHaveText('https://claude.ai/us••• · token set');

    await page.getByRole('button', { name: 'Send test to Phone' }).click();
    await expect(page.locator('.channel [role=status]')).toHaveText('Delivered · HTTP 200');
    const sent = await server.waitForRequest((r) => r.path === '/ntfy/');
    expect(sent.headers.authorization).toBe('Bearer tk_abc');
    expect(JSON.parse(sent.body)).toMatchObject({ topic: 'usage-alerts-42', priority: 3 });

    // A failing receiver: the result says what happened.
    server.setHandler('/ntfy/', () => ({ status: 403, body: 'forbidden' }));
    await page.getByRole('button', { name: 'Send test to Phone' }).click();
    await expect(page.locator('.channel [role=status]')).toHaveText('Failed · HTTP 403');

    // Switched off by name from the keyboard: alerts stop, the channel stays.
    await page.getByRole('checkbox', { name: 'Phone: on' }).press('Space');
    await expect
      .poll(async () => {
        const stored = await (await sw()).evaluate(() => chrome.storage.local.get('alertRoutes'));
        return (stored.alertRoutes as { channels: { enabled: boolean }[] }).channels[0]!.enabled;
      })
      .toBe(false);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove Phone' }).click();
    await expect(page.locator('.channel')).toHaveCount(0);
  });

  test('Pushover and Matrix: Send test delivers their own bodies, the tokens never shown', async ({
    server,
    currentContext,
    extensionId,
  }) => {
    const KEY = 'azGDORePK8gMaC0QOYAMyEEuzJnyUi';
    server.setHandler('/pushover/1/messages.json', () => ({ status: 200, body: { status: 1 } }));
    server.setHandler('/matrix/_matrix/client/v3/directory/room/%23alerts%3Aexample.org', () => ({
      body: { room_id: '!room42:example.org', servers: ['example.org'] },
    }));
    server.setHandler('/matrix/_matrix/client/v3/rooms/*', () => ({ body: { event_id: '$e1' } }));
    const page = await currentContext().newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await addChannel(page, 'Pushover', {
      Name: 'Pocket',
      'Application token': KEY,
      'User key': KEY.toLowerCase(),
      'API address': 'https://claude.ai/pushover',
    });
    await addChannel(page, 'Matrix', {
      Name: 'Ops room',
      Homeserver: 'https://claude.ai/matrix',
      'Access token': 'syt_matrix_secret',
      Room: '#alerts:example.org',
    });
    await expect(page.locator('.channel code')).toHaveText([
      'https://claude.ai',
      'https://claude.ai · #al•••',
    ]);
    expect(await page.locator('.channels').textContent()).not.toMatch(/syt_|azGD/);

    await page.getByRole('button', { name: 'Send test to Pocket' }).click();
    await expect(page.locator('.channel [role=status]').first()).toHaveText('Delivered · HTTP 200');
    const push = await server.waitForRequest((r) => r.path === '/pushover/1/messages.json');
    expect(push.cookie).toBeUndefined();
    expect(JSON.parse(push.body)).toEqual({
      token: KEY,
      user: KEY.toLowerCase(),
      title: 'Claude usage',
      message: 'Test from Claude Usage Meter: alerts will arrive here.',
      priority: 0,
    });

    await page.getByRole('button', { name: 'Send test to Ops room' }).click();
    await expect(page.locator('.channel [role=status]').nth(1)).toHaveText('Delivered · HTTP 200');
    const sent = await server.waitForRequest((r) => r.path.includes('/send/m.room.message/'));
    expect(sent.method).toBe('PUT');
    expect(sent.path).toMatch(
      /^\/matrix\/_matrix\/client\/v3\/rooms\/!room42%3Aexample\.org\/send\/m\.room\.message\/[-0-9a-f]{36}$/,
    );
    expect(sent.headers.authorization).toBe('Bearer syt_matrix_secret');
    expect(sent.cookie).toBeUndefined();
    expect(JSON.parse(sent.body)).toEqual({
      msgtype: 'm.text',
      body: 'Claude usage\nTest from Claude Usage Meter: alerts will arrive here.',
      format: 'org.matrix.custom.html',
      formatted_body:
        '<strong>Claude usage</strong><br>Test from Claude Usage Meter: alerts will arrive here.',
      'm.mentions': {},
    });
  });

  test('the form refuses an unusable address and says why beside the field', async ({
    currentContext,
    extensionId,
  }) => {
    const page = await currentContext().newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('button', { name: 'Add a channel' }).click();
    await page.getByLabel('Kind').selectOption({ label: 'Discord' });
    await page.getByLabel('Name', { exact: true }).fill('Chat');
    await page.getByLabel('Webhook address').fill('http://discord.com/api/webhooks/1/x');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.locator('#ch-url-error')).toHaveText('An https:// address.');
    await expect(page.locator('.channel')).toHaveCount(0);
  });
});
