import { fixtureJson, fixtureText, type RecordedRequest } from '../fixtures/fake-claude';
import type { ChromeApi } from './extension-state';
import { expect, snap, test } from './harness';

declare const chrome: ChromeApi;

/** What claude.ai sends since late 2026, as a person sees it in the production build. */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ORGS = fixtureJson<{ uuid: string }[]>('organizations.json');
const ONE_ORG = ORGS.filter((o) => o.uuid === MAX_ORG);
const USAGE = `/api/organizations/${MAX_ORG}/usage`;
const CREDITS = `/api/organizations/${MAX_ORG}/prepaid/credits`;
/** The badge's grey: no alarm colour. */
const GREY = '#5f6368';

const asked = (requests: RecordedRequest[], path: string) =>
  requests.filter((r) => r.path.split('?')[0] === path).length;

/** The Claude Design sample with every reset a day or more ahead, so no poll sees a reset. */
function designPayload(): unknown {
  const text = fixtureText('max-nov-2026-design.json').replace(
    /"resets_at":"[^"]+"/g,
    `"resets_at":"${new Date(Date.now() + 26 * 3_600_000).toISOString()}"`,
  );
  return JSON.parse(text);
}

test.describe('payload shapes', () => {
  test('a Free-plan account: the plain message, a link to the usage page, no number, no alert', async ({
    server,
    signIn,
    triggerPoll,
    badge,
    sw,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    server.setUsage('*', { body: fixtureJson('free-nov-2026.json') });
    await signIn();
    const status = await triggerPoll();
    expect(status.lastError === null || status.lastError.at < (status.lastSuccessAt ?? 0)).toBe(
      true,
    );
    expect(await badge()).toEqual({ text: '', color: GREY });
    const worker = await sw();
    const title = await worker.evaluate(() => chrome.action.getTitle({}));
    expect(title).toContain('claude.ai reports no usage limits for this plan.');
    expect(Object.keys(await worker.evaluate(() => chrome.notifications.getAll()))).toEqual([]);

    const popup = await openPopup();
    await expect(popup.getByText('claude.ai reports no usage limits for this plan.')).toBeVisible();
    await expect(popup.getByRole('link', { name: 'Open the usage page' })).toHaveAttribute(
      'href',
      'https://claude.ai/settings/usage',
    );
    await expect(popup.getByRole('progressbar')).toHaveCount(0);
    await expect(popup.getByText(/0\s?%|NaN|undefined/)).toHaveCount(0);
    await expect(popup.getByRole('status')).toContainText(/Updated/);
    await snap(popup, 'payload-free-plan');
  });

  test('a Claude Design cap gets its row; a prepaid balance is shown and read at most hourly', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    server.setUsage('*', { body: designPayload() });
    server.setHandler(CREDITS, () => ({ body: fixtureJson('prepaid-credits.json') }));
    await signIn();
    for (let i = 0; i < 3; i++) await triggerPoll();
    expect(asked(server.requests, USAGE)).toBeGreaterThanOrEqual(3);
    expect(asked(server.requests, CREDITS)).toBe(1);

    const popup = await openPopup();
    await expect(
      popup.getByRole('progressbar', { name: 'Weekly · Claude Design' }),
    ).toHaveAttribute('aria-valuenow', '18');
    // Fable arrives in both vocabularies: one row.
    await expect(popup.getByRole('progressbar', { name: 'Weekly · Fable' })).toHaveCount(1);
    // Four limits (the extra usage has a bar of its own, outside the list of limits).
    await expect(popup.getByRole('list', { name: 'Limits' }).getByRole('progressbar')).toHaveCount(
      4,
    );
    await expect(popup.getByRole('progressbar', { name: 'Extra usage' })).toHaveAttribute(
      'aria-valuenow',
      '25',
    );
    await expect(popup.getByText('$12.50 of your $50.00 monthly cap')).toBeVisible();
    await expect(popup.getByText('balance $3.66')).toBeVisible();
    await snap(popup, 'payload-design-prepaid');
    await popup.close();
    // Opening the popup refreshes; the balance is still not asked again within the hour.
    await triggerPoll();
    expect(asked(server.requests, CREDITS)).toBe(1);
  });

  for (const host of ['claude.ai', 'claude.com']) {
    test(`a redirect to the region page on ${host} says so in its own words and keeps the numbers`, async ({
      server,
      signIn,
      triggerPoll,
      badge,
      openPopup,
    }) => {
      server.setOrganizations(ONE_ORG);
      server.setUsage('*', { body: designPayload() });
      await signIn();
      await triggerPoll();
      expect((await badge()).text).toBe('57%');

      server.setHandler('/app-unavailable-in-region', () => ({
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<!DOCTYPE html><title>Claude</title><h1>Not available</h1>',
      }));
      server.setHandler(USAGE, () => ({
        status: 302,
        headers: { location: `https://${host}/app-unavailable-in-region` },
        body: '',
      }));
      const status = await triggerPoll();
      expect(status.lastError?.kind).toBe('region_blocked');
      const region = server.requests.filter((r) => r.path === '/app-unavailable-in-region');
      expect(region.some((r) => r.headers.host === host)).toBe(true);
      expect((await badge()).text).toBe('57%');

      const popup = await openPopup();
      const line = popup.getByRole('status');
      await expect(line).toContainText('claude.ai is not available from this network or region');
      await expect(line).not.toContainText(/signed out|had a problem/i);
      await expect(popup.getByRole('progressbar', { name: 'Weekly · Fable' })).toHaveAttribute(
        'aria-valuenow',
        '57',
      );
      await snap(popup, `payload-region-${host}`);
    });
  }
});
