import type { Page } from '@playwright/test';
import { fixtureJson } from '../fixtures/fake-claude';
import type { Reading } from '../../lib/usage/types';
import { expect, test, type ExtensionFixtures } from './harness';
import { paintedPixels } from './canvas-pixels';
import { glancePayload } from './payloads';

/** The popup at a glance: it fits, it says what matters first, its marks stand where they mean. */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ORGS = fixtureJson<{ uuid: string; name: string }[]>('organizations.json');
const ONE_ORG = ORGS.filter((o) => o.uuid === MAX_ORG);
const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

/** Chrome cuts an action popup at 600 px; its width is the popup's own 360 px. */
async function openAtPopupSize(openPopup: () => Promise<Page>): Promise<Page> {
  const popup = await openPopup();
  await popup.setViewportSize({ width: 360, height: 600 });
  return popup;
}

/** Three polls with every limit rising: each runs out before its reset, the longest texts. */
async function risingPolls({
  server,
  triggerPoll,
}: Pick<ExtensionFixtures, 'server' | 'triggerPoll'>) {
  for (const step of [0, 1, 2]) {
    server.setUsage(
      '*',
      glancePayload({ session: 30 + 8 * step, weekly: 60 + step, model: 10 + step }),
    );
    await triggerPoll();
  }
}

/** History behind the latest reading: the session rose slowly over the last hour. */
async function seedSlowHour(page: Page, latest: Reading) {
  await page.evaluate(async (reading) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claude-usage-meter');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('snapshots', 'readwrite');
    for (let i = 12; i >= 1; i--) {
      tx.objectStore('snapshots').put({
        ...reading,
        at: reading.at - i * 5 * 60_000,
        limits: reading.limits.map((l) =>
          l.id === 'session' ? { ...l, percent: Math.max(0, l.percent - i) } : l,
        ),
      });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
  }, latest);
}

for (const language of ['en', 'de', 'fr', 'es', 'ja']) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    test('shows three limits, extra usage, two organisations and the chart without scrolling', async ({
      server,
      signIn,
      triggerPoll,
      openPopup,
    }) => {
      server.setOrganizations(ORGS);
      await signIn();
      await risingPolls({ server, triggerPoll });
      const popup = await openAtPopupSize(openPopup);
      // The browser really speaks the language (the page takes its lang from the messages).
      await expect(popup.locator('html')).toHaveAttribute('lang', language);
      await expect(popup.getByRole('progressbar')).toHaveCount(4);
      await expect(popup.locator('.org')).toHaveCount(2);
      await expect(popup.locator('.chart-canvas canvas')).toBeVisible();
      await expect(popup.locator('.row-note')).toHaveCount(3);
      const height = await popup.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThanOrEqual(600);
      // Nothing runs off the side either.
      const width = await popup.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    });
  });
}

test.describe('the verdict line', () => {
  test('says a reached limit is back at its reset, with the time left', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    server.setUsage(
      '*',
      glancePayload({ session: 100, sessionResetsAt: Date.now() + 47 * MIN + 30_000 }),
    );
    await signIn();
    await triggerPoll();
    const popup = await openAtPopupSize(openPopup);
    await expect(popup.locator('.verdict')).toHaveText(
      // (With its weekday when that is tomorrow: late in the day.)
      /^Limit reached · back at (\p{L}{2,4}\.? )?\d{1,2}:\d{2}\s?[AP]?M? \(in 4[78] min\)$/u,
    );
    const session = popup.locator('li', {
      has: popup.getByRole('progressbar', { name: '5-hour session' }),
    });
    await expect(session).toContainText(/Limit reached · back at .+ \(in 4[78] min\)/);
  });

  test('says which limit runs out first at this pace, and when it resets', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await risingPolls({ server, triggerPoll });
    const popup = await openAtPopupSize(openPopup);
    await expect(popup.locator('.verdict')).toHaveText(
      // The clock time names its weekday when the reset falls on another day (late in the day).
      /^5-hour session runs out in ~.+ · resets (\p{L}{2,4}\.? )?\d{1,2}:\d{2}/u,
    );
    // At risk, the bar is amber however low its percent.
    await expect(popup.getByRole('progressbar', { name: 'Weekly · Sonnet' })).toHaveClass(
      /level-warn/,
    );
  });

  test('says all limits last when the pace is slow', async ({
    server,
    signIn,
    triggerPoll,
    openPopup,
    storageGet,
  }) => {
    server.setOrganizations(ONE_ORG);
    server.setUsage('*', glancePayload({ session: 20, sessionResetsAt: Date.now() + 3 * H }));
    await signIn();
    await triggerPoll();
    const latest = await storageGet<Record<string, Reading>>('latest');
    const seeder = await openPopup();
    await seedSlowHour(seeder, latest![MAX_ORG]!);
    await seeder.close();
    const popup = await openAtPopupSize(openPopup);
    await expect(popup.locator('.verdict')).toHaveText('All limits last until reset at this pace');
    await expect(popup.locator('.row-note.text-warn')).toHaveCount(0);
  });

  test('says signed out first', async ({ server, signIn, triggerPoll, openPopup }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    server.setUsage('*', { status: 401, body: fixtureJson('error-session-invalid.json') });
    await triggerPoll();
    const popup = await openAtPopupSize(openPopup);
    await expect(popup.locator('.verdict')).toHaveText('Signed out: sign in to claude.ai');
  });
});

test('puts the pace marker of a weekly limit half through its week at the middle', async ({
  server,
  signIn,
  triggerPoll,
  openPopup,
}) => {
  server.setOrganizations(ONE_ORG);
  server.setUsage('*', glancePayload({ weekly: 62, weeklyResetsAt: Date.now() + 3.5 * D }));
  await signIn();
  await triggerPoll();
  const popup = await openAtPopupSize(openPopup);
  const bar = popup.getByRole('progressbar', { name: 'Weekly (all models)' });
  const marker = bar.locator('.bar-marker');
  await expect(marker).toBeVisible();
  const [barBox, markerBox] = [(await bar.boundingBox())!, (await marker.boundingBox())!];
  const centre = markerBox.x + markerBox.width / 2 - barBox.x;
  expect(Math.abs(centre / barBox.width - 0.5)).toBeLessThan(0.01);
  const weekly = popup.locator('li', { has: bar });
  await expect(weekly).toContainText('ahead of pace by 12 points');
});

test('shows a first reading in the chart as a dot', async ({
  server,
  signIn,
  triggerPoll,
  openPopup,
}) => {
  server.setOrganizations(ONE_ORG);
  server.setUsage('*', glancePayload({ session: 48 }));
  await signIn();
  await triggerPoll();
  const popup = await openAtPopupSize(openPopup);
  const canvas = popup.locator('.chart-canvas canvas');
  await expect(canvas).toBeVisible();
  await expect(popup.locator('.legend')).toContainText('5-hour session');
  // Pixels in the session's colour: a lone point drawn as a line alone would leave none.
  const painted = () => paintedPixels(canvas, '--series-1');
  // The chart draws again after its first layout: wait for the drawing, not for a time.
  await expect.poll(painted).toBeGreaterThan(10);
});

test('lists fifteen organisations by their full names, and switches between them', async ({
  server,
  signIn,
  triggerPoll,
  openPopup,
}) => {
  const base = ORGS.find((o) => o.uuid === MAX_ORG)!;
  const many = Array.from({ length: 15 }, (_, i) => ({
    ...base,
    uuid: `${MAX_ORG.slice(0, -2)}${String(i).padStart(2, '0')}`,
    name: `Research group number ${i + 1} of the faculty`,
  }));
  server.setOrganizations(many);
  server.setUsage('*', glancePayload({ session: 30 }));
  server.setUsage(many[14]!.uuid, glancePayload({ session: 93 }));
  await signIn();
  await triggerPoll();
  const popup = await openAtPopupSize(openPopup);
  const list = popup.getByRole('combobox', { name: 'Organisations' });
  const options = list.locator('option');
  await expect(options).toHaveCount(15);
  for (const [i, org] of many.entries()) await expect(options.nth(i)).toContainText(org.name);
  await list.selectOption(many[14]!.uuid);
  await expect(popup.getByRole('progressbar', { name: '5-hour session' })).toHaveAttribute(
    'aria-valuenow',
    '93',
  );
  await expect(popup.locator('.org-percent')).toHaveClass(/text-critical/);
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(600);
});

test('says the history starts now while the chart has no reading to draw', async ({
  server,
  signIn,
  triggerPoll,
  openPopup,
}) => {
  server.setOrganizations(ONE_ORG);
  server.setUsage('*', glancePayload({ session: 48 }));
  await signIn();
  await triggerPoll();
  // The bars come from the latest reading; the history behind the chart is gone.
  const cleaner = await openPopup();
  await cleaner.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claude-usage-meter');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('snapshots', 'readwrite');
    tx.objectStore('snapshots').clear();
    await new Promise((resolve) => (tx.oncomplete = resolve));
  });
  await cleaner.close();
  const popup = await openAtPopupSize(openPopup);
  await expect(popup.getByRole('progressbar', { name: '5-hour session' })).toBeVisible();
  await expect(
    popup.getByText('History starts now: the chart fills in as readings arrive'),
  ).toBeVisible();
});
