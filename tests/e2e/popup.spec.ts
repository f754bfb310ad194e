import { fixtureJson } from '../fixtures/fake-claude';
import { expect, snap, test } from './harness';
import { sessionPayload } from './payloads';
import { aMinuteLater } from './time-passes';

/** The popup of the production build, as a person sees it. */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ORGS = fixtureJson<{ uuid: string; name: string }[]>('organizations.json');
const ONE_ORG = ORGS.filter((o) => o.uuid === MAX_ORG);

test.describe('the popup', () => {
  test('shows a bar per limit with its percent, a countdown, and no row for unknown keys', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    // The sample's reset times are in the past by now: move the session's 2 h 11 min ahead.
    const usage = fixtureJson<{
      five_hour: { resets_at: string };
      limits: { kind: string; resets_at: string }[];
    }>('max-sep-2026.json');
    const resetsAt = new Date(Date.now() + (2 * 60 + 11) * 60_000 - 30_000).toISOString();
    usage.five_hour.resets_at = resetsAt;
    usage.limits.find((l) => l.kind === 'session')!.resets_at = resetsAt;
    server.setUsage('*', { body: usage });
    await signIn();
    await triggerPoll();
    const popup = await openPopup();
    const bars = popup.getByRole('progressbar');
    await expect(bars).toHaveCount(3);
    const expected = [
      ['5-hour session', '48'],
      ['Weekly (all models)', '64'],
      ['Weekly · Sonnet', '2'],
    ];
    for (const [i, [label, value]] of expected.entries()) {
      await expect(bars.nth(i)).toHaveAttribute('aria-label', label!);
      await expect(bars.nth(i)).toHaveAttribute('aria-valuenow', value!);
      await expect(bars.nth(i)).toHaveAttribute('aria-valuemin', '0');
      await expect(bars.nth(i)).toHaveAttribute('aria-valuemax', '100');
    }
    await expect(popup.getByText(/nimbus/i)).toHaveCount(0);
    await expect(popup.locator('.countdown').first()).toContainText('Resets in 2 h 11 min');
    await expect(popup.getByRole('status')).toContainText(/Updated/);
    await expect(popup.getByText(/NaN|undefined/)).toHaveCount(0);
    await snap(popup, 'popup-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await snap(popup, 'popup-dark');
  });

  test('shows the per-model cap that only limits[] carries', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    server.setUsage('*', { body: fixtureJson('max-fable-scoped-aug-2026.json') });
    await signIn();
    await triggerPoll();
    const popup = await openPopup();
    await expect(popup.getByRole('progressbar', { name: 'Weekly · Fable' })).toHaveAttribute(
      'aria-valuenow',
      '52',
    );
  });

  test('says signed out with a sign-in link, without bars pretending to be current', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    server.setUsage('*', { status: 401, body: fixtureJson('error-session-invalid.json') });
    await triggerPoll();
    const popup = await openPopup();
    const link = popup.getByRole('link', { name: 'Sign in to claude.ai' });
    await expect(link).toHaveAttribute('href', 'https://claude.ai/login');
    await expect(popup.locator('.rows')).toHaveClass(/dimmed/);
  });

  test('keeps the old numbers with a notice after a 503, and Refresh asks again', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    server.setUsage('*', { status: 503, body: 'unavailable' });
    await triggerPoll();
    const popup = await openPopup();
    await expect(popup.getByRole('status')).toContainText(
      /claude\.ai had a problem · showing data from/,
    );
    await expect(popup.getByRole('progressbar', { name: 'Weekly (all models)' })).toHaveAttribute(
      'aria-valuenow',
      '64',
    );
    // During an outage a manual try is allowed once a minute after the last one.
    await aMinuteLater(await sw());
    await expect(popup.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    const before = server.requests.filter((r) => r.path.endsWith('/usage')).length;
    server.setUsage('*', { body: fixtureJson('max-fable-scoped-aug-2026.json') });
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect(popup.getByRole('progressbar', { name: 'Weekly · Fable' })).toBeVisible();
    expect(server.requests.filter((r) => r.path.endsWith('/usage')).length).toBeGreaterThan(before);
    await expect(popup.getByRole('status')).toContainText(/Updated/);
  });

  test('after a restart with claude.ai down, shows the stored numbers and a chart', async ({
    server,
    signIn,
    triggerPoll,
    restart,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    await triggerPoll();
    server.setUsage('*', { status: 503, body: 'down' });
    await restart();
    const popup = await openPopup();
    await expect(popup.getByRole('progressbar', { name: '5-hour session' })).toHaveAttribute(
      'aria-valuenow',
      '48',
    );
    const chart = popup.getByRole('img');
    await expect(chart).toHaveAttribute('aria-label', /5-hour session 48% to 48%/);
  });

  test('switches between organisations and renders a hostile name as text', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    const hostile = '<img src=x onerror=alert(1)>';
    server.setOrganizations(
      ORGS.map((o) => (o.name === 'Acme Team' ? { ...o, name: hostile } : o)),
    );
    server.setUsage('9d8e7f6a-2222-4222-8222-0000000071ea', {
      body: fixtureJson('max-fable-scoped-aug-2026.json'),
    });
    await signIn();
    await triggerPoll();
    const popup = await openPopup();
    const group = popup.getByRole('group', { name: 'Organisations' });
    await expect(group.getByRole('button')).toHaveCount(2);
    await expect(popup.getByRole('progressbar', { name: 'Weekly (all models)' })).toHaveAttribute(
      'aria-valuenow',
      '64',
    );
    await group.getByRole('button', { name: new RegExp(hostile.replace(/[()]/g, '\\$&')) }).click();
    await expect(popup.getByRole('progressbar', { name: 'Weekly · Fable' })).toHaveAttribute(
      'aria-valuenow',
      '52',
    );
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText(hostile);
    await expect(popup.locator('img')).toHaveCount(0);
  });

  test('says when a rising session will run out at this pace', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    const resetsAt = new Date(Date.now() + 4 * 3_600_000).toISOString();
    await signIn();
    for (const percent of [40, 45, 50]) {
      server.setUsage('*', {
        body: {
          five_hour: { utilization: percent, resets_at: resetsAt },
          seven_day: {
            utilization: 20,
            resets_at: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          },
        },
      });
      await triggerPoll();
    }
    const popup = await openPopup();
    const session = popup.locator('li', {
      has: popup.getByRole('progressbar', { name: '5-hour session' }),
    });
    // The forecast is relative ("runs out in ~…, … before reset"), as issue 17 words it.
    await expect(session).toContainText(/runs out in ~.+, .+ before reset/);
    // The chart draws the projection as a dashed line to the reset, full by then; its text says so.
    await expect(popup.getByRole('img')).toHaveAttribute(
      'aria-label',
      /5-hour session at this pace: 100\s?% by /,
    );
  });

  test('reads the chart’s values from the keyboard and under the pointer', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    // Served before the sign-in: an install poll that runs after it reads these limits too.
    server.setUsage('*', sessionPayload(20));
    await signIn();
    for (const percent of [20, 35, 50]) {
      server.setUsage('*', sessionPayload(percent));
      await triggerPoll();
    }
    const popup = await openPopup();
    const chart = popup.getByRole('img');
    const readout = popup.locator('.chart-readout');
    // The keyboard hint is the chart's accessible description; the line under it is its legend.
    await expect(chart).toHaveAccessibleDescription(/use ← →/);
    await expect(readout).toHaveText(/^5-hour session\s*Weekly \(all models\)$/);

    await chart.focus();
    await popup.keyboard.press('End');
    await expect(readout).toContainText(/5-hour session: 50\s?%/);
    await expect(readout).toContainText(/Weekly \(all models\): 10\s?%/);
    await popup.keyboard.press('Home');
    await expect(readout).not.toContainText(/5-hour session: 50\s?%/);
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('Escape');
    await expect(readout).not.toContainText(/:\s*\d/);

    // The pointer near the right of the plot (the readings are the latest minute of the day shown)
    // reads the newest values too; leaving the chart clears the readout.
    const box = (await chart.boundingBox())!;
    await chart.hover({ position: { x: box.width * 0.9, y: box.height / 2 } });
    await expect(readout).toContainText(/5-hour session: 50\s?%/);
    await popup.getByRole('button', { name: 'Refresh' }).hover();
    await expect(readout).not.toContainText(/:\s*\d/);
  });
});
