import type { Page, Worker } from '@playwright/test';
import { fixtureJson } from '../fixtures/fake-claude';
import type { ChromeApi } from './extension-state';
import { expect, test } from './harness';
import { addChannel } from './channel-form';
import { glancePayload, sessionPayload } from './payloads';

declare const chrome: ChromeApi;

/**
 * "Use it or lose it" and organisations per place, through the production build against the
 * fake claude.ai; a webhook receiver on it (https://claude.ai/hook, an origin the extension holds)
 * shows what a channel is told.
 */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const TEAM_ORG = '9d8e7f6a-2222-4222-8222-0000000071ea';
const ORGS = fixtureJson<{ uuid: string; name: string }[]>('organizations.json');
const ONE_ORG = ORGS.filter((o) => o.uuid === MAX_ORG);
const H = 3_600_000;

async function shown(worker: Worker): Promise<string[]> {
  return Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).sort();
}

async function clearShown(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll()))
      await chrome.notifications.clear(id);
  });
}

/** The stored routes' first channel, as the worker will read it. */
async function storedChannel(worker: Worker) {
  const { alertRoutes } = await worker.evaluate(() => chrome.storage.local.get('alertRoutes'));
  return (
    alertRoutes as {
      channels: { events: Record<string, boolean>; rules?: { orgs?: string[] | null } }[];
    }
  ).channels[0];
}

async function optionsWithHook(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await addChannel(page, 'Any webhook', {
    Name: 'Team hook',
    'Webhook address': 'https://claude.ai/hook',
  });
}

test.describe('use it or lose it', () => {
  test('off: nothing; on: one notice with what is left before the weekly reset, and only once', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    // The weekly limit at 38 %, resetting in 10 h; the per-model cap is well used (60 %).
    server.setUsage(
      '*',
      glancePayload({
        session: 10,
        weekly: 38,
        model: 60,
        weeklyResetsAt: Date.now() + 10 * H,
        extraCents: null,
      }),
    );
    server.setHandler('/hook', () => ({ status: 204 }));
    await signIn();
    await triggerPoll();
    // Off by default: nothing about it.
    expect((await shown(await sw())).filter((id) => id.startsWith('unused:'))).toEqual([]);

    const page = await currentContext().newPage();
    await optionsWithHook(page, extensionId);
    const hours = page.getByLabel('How long before the reset (hours)');
    await expect(hours).toBeDisabled();
    const route = page.getByRole('checkbox', {
      name: 'Much left before a weekly reset → Team hook',
    });
    await expect(route).toBeDisabled();
    await page.getByLabel('Before a weekly reset, tell me when much is left unused').check();
    await expect(hours).toBeEnabled();
    await expect(hours).toHaveValue('12');
    await expect(page.getByLabel('Only if less than this is used (%)')).toHaveValue('50');
    // Out of range: said beside the field, and never saved.
    await hours.fill('73');
    await expect(page.locator('[id="notifications.useItOrLoseIt.hoursBefore-error"]')).toHaveText(
      'From 1 to 72 hours.',
    );
    await hours.fill('12');
    await expect(page.locator('[id="notifications.useItOrLoseIt.hoursBefore-error"]')).toHaveCount(
      0,
    );
    await route.check();
    await expect.poll(async () => (await storedChannel(await sw()))!.events.unused).toBe(true);
    await clearShown(await sw());

    await triggerPoll();
    expect(await shown(await sw())).toEqual([`unused:${MAX_ORG}|weekly`]);
    const hook = await server.waitForRequest((r) => r.path === '/hook');
    const body = JSON.parse(hook.body) as Record<string, unknown>;
    expect(body).toMatchObject({ event: 'unused', limit: 'Weekly (all models)', percent: 38 });
    expect(body.title).toMatch(
      /^Weekly \(all models\) resets in (10 h|9 h 59 min) with 62% unused$/,
    );
    expect(body.message).toMatch(/^Resets at .+; what is left does not carry over\.$/);

    // The next poll, same week: nothing new anywhere.
    await clearShown(await sw());
    await triggerPoll();
    expect(await shown(await sw())).toEqual([]);
    await expect(page.locator('.deliveries tbody tr')).toHaveCount(1);
    expect(server.requests.filter((r) => r.path === '/hook')).toHaveLength(1);
  });
});

test.describe('organisations per place', () => {
  test('a webhook limited to one organisation hears only its alert, the desktop both', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    server.setOrganizations(ORGS);
    server.setUsage('*', sessionPayload(60));
    server.setHandler('/hook', () => ({ status: 204 }));
    await signIn();
    await triggerPoll();
    const page = await currentContext().newPage();
    await optionsWithHook(page, extensionId);

    await page
      .getByLabel('Organisations Team hook hears about')
      .selectOption({ label: 'Only the ones chosen' });
    const choice = page.getByRole('group', { name: 'Organisations for Team hook' });
    const personal = ORGS.find((o) => o.uuid === MAX_ORG)!.name;
    await choice.getByRole('checkbox', { name: personal }).uncheck();
    await expect(choice.getByRole('checkbox', { name: 'Acme Team' })).toBeChecked();
    await expect
      .poll(async () => (await storedChannel(await sw()))!.rules?.orgs)
      .toEqual([TEAM_ORG]);

    server.setUsage('*', sessionPayload(92));
    await triggerPoll();
    expect(await shown(await sw())).toEqual([
      `threshold:${MAX_ORG}|session`,
      `threshold:${TEAM_ORG}|session`,
    ]);
    const hook = await server.waitForRequest((r) => r.path === '/hook');
    expect(JSON.parse(hook.body)).toMatchObject({
      event: 'threshold',
      percent: 92,
      organization: 'Acme Team',
    });
    await expect(page.locator('.deliveries tbody tr')).toHaveCount(1);
    expect(server.requests.filter((r) => r.path === '/hook')).toHaveLength(1);
  });
});
