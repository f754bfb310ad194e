import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ChromeApi } from './extension-state';
import { expect, test } from './harness';
import { sessionPayload } from './payloads';
import { yearOfTuesdays } from './year-history';

declare const chrome: ChromeApi;

/** The dashboard page: every organisation now, a year of history, habits and every window. */

/** Waits until the page has set the mark `count` times (a chart made again marks again). */
const marked = (page: Page, name: string, count = 1) =>
  page.waitForFunction(([n, c]) => performance.getEntriesByName(n).length >= c, [
    name,
    count,
  ] as const);

test('opens from the popup and from the in-page meter’s Details, with a card per organisation', async ({
  signIn,
  triggerPoll,
  openPopup,
  currentContext,
  storageGet,
}) => {
  await signIn();
  await triggerPoll();
  const orgs = (await storageGet<{ list: { uuid: string; name: string; plan: string | null }[] }>(
    'orgs',
  ))!;
  expect(orgs.list.length).toBe(2);
  const [first, second] = orgs.list as [(typeof orgs.list)[0], (typeof orgs.list)[0]];
  /** The dashboard's organisation switcher, above its history. */
  const shownIn = (page: Page) =>
    page.getByRole('group', { name: 'Organisations' }).getByRole('button', { pressed: true });

  // It opens on the organisation the popup shows, and says so in its address.
  const popup = await openPopup();
  await popup
    .getByRole('group', { name: 'Organisations' })
    .getByRole('button', { name: second.name })
    .click();
  const [dashboard] = await Promise.all([
    currentContext().waitForEvent('page'),
    popup.getByRole('button', { name: 'Open the dashboard' }).click(),
  ]);
  await expect(dashboard).toHaveURL(new RegExp(`/dashboard\\.html\\?org=${second.uuid}$`));
  await expect(shownIn(dashboard)).toContainText(second.name);
  await expect(dashboard.getByRole('heading', { level: 1 })).toHaveText('Usage dashboard');
  for (const org of orgs.list) {
    const card = dashboard.getByRole('region', { name: org.name });
    await expect(card).toBeVisible();
    await expect(card.getByRole('progressbar').first()).toHaveAttribute('aria-valuenow', /\d+/);
  }
  await expect(dashboard.getByRole('region', { name: orgs.list[0]!.name })).toContainText(
    orgs.list[0]!.plan ?? '',
  );

  // The in-page meter asks the worker the same way its "Details" button does, naming the
  // organisation it shows; an address naming no known organisation shows the chosen one.
  const [details] = await Promise.all([
    currentContext().waitForEvent('page'),
    dashboard.evaluate(
      (orgId) => chrome.runtime.sendMessage({ type: 'open-details', orgId }),
      first.uuid,
    ),
  ]);
  await expect(details).toHaveURL(new RegExp(`/dashboard\\.html\\?org=${first.uuid}$`));
  await expect(shownIn(details)).toContainText(first.name);
  await details.goto(details.url().replace(first.uuid, 'not-an-organisation'));
  await expect(shownIn(details)).toContainText(second.name);
});

test('an open dashboard follows each new reading, and a reloaded one paints it from storage', async ({
  server,
  signIn,
  triggerPoll,
  currentContext,
  extensionId,
}) => {
  server.setUsage('*', sessionPayload(30));
  await signIn();
  await triggerPoll();
  const page = await currentContext().newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const session = page.getByRole('progressbar', { name: '5-hour session' }).first();
  await expect(session).toHaveAttribute('aria-valuenow', '30');
  await marked(page, 'heatmap-drawn');

  // The cards came from a plain read; the storage module, loaded after them, watches for more.
  server.setUsage('*', sessionPayload(72));
  await triggerPoll();
  await expect(session).toHaveAttribute('aria-valuenow', '72');
  await page.reload();
  await expect(session).toHaveAttribute('aria-valuenow', '72');
});

test('draws an imported year, its heat-map matches the pattern, and the windows export as CSV', async ({
  signIn,
  triggerPoll,
  currentContext,
  extensionId,
  storageGet,
}) => {
  await signIn();
  await triggerPoll();
  const orgs = (await storageGet<{ list: { uuid: string }[] }>('orgs'))!;
  const { json, tuesdays, at14, at15 } = yearOfTuesdays(orgs.list[0]!.uuid, Date.now());
  expect(tuesdays).toBeGreaterThanOrEqual(51);

  const options = await currentContext().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('input[type=file]').setInputFiles({
    name: 'year.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  // Every reading of the year is new here, and counted as such.
  const count = (JSON.parse(json) as { readings: unknown[] }).readings.length;
  await expect(
    options.getByText(`Imported: ${count.toLocaleString('en')} new, 0 already here.`),
  ).toBeVisible();

  const page = await currentContext().newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/dashboard.html?range=1y`);
  await marked(page, 'chart-drawn');
  // The year was read and worked out off the page's main thread, in the history worker (its
  // words for the limits came from the page: the readout below names them in English).
  expect(page.workers().map((w) => w.url())).toContainEqual(
    expect.stringMatching(/\/history-worker\.js$/),
  );
  await expect(page.getByRole('button', { name: '1 y' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/hourly points/)).toBeVisible();

  // The chart reads from the keyboard: Home is the oldest point, about a year ago.
  const chart = page.getByRole('img', { name: /Usage history chart/ });
  await chart.focus();
  await chart.press('Home');
  const year = new Date(
    (JSON.parse(json) as { readings: { at: number }[] }).readings[0]!.at,
  ).getFullYear();
  await expect(page.locator('.chart-readout')).toContainText(String(year));
  await expect(page.locator('.chart-readout')).toContainText('Weekly (all models)');
  // The session's oldest kept point may be a peak an hour or two in (the chart keeps each
  // stretch's lowest and highest point): a step or two to the right reads it, still that year.
  const readout = page.locator('.chart-readout');
  for (let step = 0; step < 3 && !(await readout.textContent())?.includes('5-hour'); step++) {
    const before = await readout.textContent();
    await chart.press('ArrowRight');
    await expect(readout).not.toHaveText(before ?? '');
  }
  await expect(readout).toContainText('5-hour session');
  await expect(readout).toContainText(String(year));
  // The legend switches a limit off and on.
  const weekly = page
    .getByRole('group', { name: 'Limits shown in the chart' })
    .getByRole('button', {
      name: 'Weekly (all models)',
    });
  const drawn = () => chart.screenshot();
  // The keys' cursor and the focus ring away first: only the legend changes the canvas below.
  await chart.press('Escape');
  await weekly.focus();
  let before = await drawn();
  await weekly.click();
  await expect(weekly).toHaveAttribute('aria-pressed', 'false');
  // The line leaves the canvas too, not only the button's state.
  await expect.poll(async () => (await drawn()).equals(before)).toBe(false);
  // The same on a new chart (another range), made with the weekly line off: the click brings it back.
  await page.getByRole('button', { name: '90 d', exact: true }).click();
  await marked(page, 'chart-drawn', 2);
  before = await drawn();
  await weekly.click();
  await expect(weekly).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await drawn()).equals(before)).toBe(false);
  await page.getByRole('button', { name: '1 y' }).click();
  await marked(page, 'chart-drawn', 3);

  // The heat-map's words: every Tuesday 40 points in the 14:00 hour and 60 in the 15:00 hour.
  await page.getByText('The heat-map as a table').click();
  const table = page.locator('.dash-heat-table');
  const row = async (name: string) =>
    await table
      .getByRole('row', { name: new RegExp(`^${name}`) })
      .locator('td')
      .allTextContents();
  const tuesday = await row('Tuesday');
  expect(tuesday[14]).toBe((40 * at14).toLocaleString('en'));
  expect(tuesday[15]).toBe((60 * at15).toLocaleString('en'));
  expect(tuesday.filter((_, h) => h !== 14 && h !== 15).every((c) => c === '0')).toBe(true);
  for (const day of ['Monday', 'Wednesday', 'Sunday'])
    expect((await row(day)).every((c) => c === '0')).toBe(true);
  await expect(page.locator('.dash-sentence')).toHaveText(
    new RegExp(
      `You hit a limit ${tuesdays} times in the last year, most often on Tuesday after (15:00|3:00\\sPM)`,
    ),
  );

  // Week by week: the newest eight weeks of the year, all of them on asking.
  const habits = page.getByRole('region', { name: 'Habits' });
  const weeks = habits
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Peak weekly' }) });
  await expect(weeks.locator('tbody tr')).toHaveCount(8);
  const allWeeks = habits.getByRole('button', { name: /^Show all \d+$/ });
  const weekCount = Number((await allWeeks.textContent())!.match(/\d+/)![0]);
  expect(weekCount).toBeGreaterThanOrEqual(52);
  await allWeeks.click();
  await expect(weeks.locator('tbody tr')).toHaveCount(weekCount);
  await expect(allWeeks).toHaveCount(0);

  // The windows table: sorted by peak, then exported; the CSV holds the same rows.
  const windows = page.getByRole('region', { name: 'Sessions and weeks' });
  await windows.getByRole('button', { name: 'Peak' }).click();
  await expect(windows.getByRole('columnheader', { name: 'Peak' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    windows.getByRole('button', { name: 'Export as CSV' }).click(),
  ]);
  const rows = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(rows[0]).toBe('limit,kind,start,end,peak_percent,reached_limit,minutes_at_limit');
  // A year's table draws its first hundred rows; all of them on asking.
  await expect(windows.locator('tbody tr')).toHaveCount(100);
  await windows.getByRole('button', { name: /^Show all \d+$/ }).click();
  const tableRows = await windows.locator('tbody tr').count();
  expect(rows.length - 1).toBe(tableRows);
  const hits = rows.slice(1).filter((r) => r.split(',')[5] === 'yes');
  expect(hits.length).toBe(tuesdays);
  for (const hit of hits) {
    const [label, kind, start, end, peak] = hit.split(',');
    expect([label, kind, peak]).toEqual(['5-hour session', 'session', '100']);
    expect(new Date(end!).getHours()).toBe(19);
    expect(new Date(end!).getDay()).toBe(2);
    expect(Date.parse(end!) - Date.parse(start!)).toBe(5 * 3_600_000);
  }
  // Sorted by peak, highest first: the hits lead the export as they lead the table.
  expect(rows.slice(1, tuesdays + 1)).toEqual(hits);
});
