import { fixtureJson } from '../fixtures/fake-claude';
import { paintedPixels } from './canvas-pixels';
import { expect, test } from './harness';
import { glancePayload } from './payloads';

/** The dashboard's chart and table at the widths it is used at. */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);

test('shows a first reading in the dashboard chart as a dot', async ({
  server,
  signIn,
  triggerPoll,
  currentContext,
  extensionId,
}) => {
  server.setOrganizations(ONE_ORG);
  server.setUsage('*', glancePayload({ session: 48 }));
  await signIn();
  await triggerPoll();
  const page = await currentContext().newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html?range=6h`);
  const canvas = page.locator('.dash-chart-box canvas');
  await expect(canvas).toBeVisible();
  await expect(page.getByRole('group', { name: 'Limits shown in the chart' })).toContainText(
    '5-hour session',
  );
  // Pixels in the session's colour: one point drawn as a line alone would leave none.
  await expect.poll(() => paintedPixels(canvas, '--series-1')).toBeGreaterThan(10);
});

for (const width of [1280, 1024])
  test(`fits the windows table at ${width} px without scrolling sideways`, async ({
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
  }) => {
    await signIn();
    await triggerPoll();
    const page = await currentContext().newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    const windows = page.getByRole('region', { name: 'Sessions and weeks' });
    await expect(windows.locator('tbody tr').first()).toBeVisible();
    const scroller = windows.locator('.dash-windows');
    const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [
      el.scrollWidth,
      el.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // Nothing is cut: every row names its limit, its start with a date, its peak.
    const first = await windows.locator('tbody tr').first().allInnerTexts();
    expect(first.join(' ')).toMatch(/\d{4}/);
    expect(first.join(' ')).toMatch(/%/);
  });
