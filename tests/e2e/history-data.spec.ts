import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseCsv } from '../fixtures/csv';
import { fixtureJson } from '../fixtures/fake-claude';
import { expect, test } from './harness';

/**
 * The history a person owns, in the production build's options page: exports open safely in a
 * spreadsheet, a hostile import changes nothing, a large one shows progress and can be cancelled.
 */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);
const HEADER = ['time', 'organization', 'limit_id', 'label', 'percent', 'resets_at'];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** What a spreadsheet reads as the start of a formula. */
const FORMULA = /^[=+\-@\t\r]/;

/** Organisation names a Team admin could set, and the cell a spreadsheet must get for each. */
const HOSTILE_NAMES: [string, string][] = [
  ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
  ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
  ['@SUM(1+1)', "'@SUM(1+1)"],
  ['-2+3', "'-2+3"],
  ['Acme\tTeam', 'Acme\tTeam'],
  ['Acme\rTeam', 'Acme\rTeam'],
  ['Acme\nTeam', 'Acme\nTeam'],
  ['The "A" Team', 'The "A" Team'],
  ['Acme, Inc., Berlin', 'Acme, Inc., Berlin'],
  ['فريق \u202eAcme', 'فريق \u202eAcme'],
];

async function openOptions(page: Page, extensionId: string, readings: number) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByText(`${readings.toLocaleString('en')} readings kept`)).toBeVisible();
  // No poll may add readings while a test counts them.
  await page.getByLabel('Check every (minutes)').fill('60');
}

/** Click an export button and return the downloaded file's text. */
async function download(page: Page, button: 'Export CSV' | 'Export JSON'): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

async function importText(page: Page, text: string) {
  await page.locator('input[type=file]').setInputFiles({
    name: 'import.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** The sentence the data section says after an import. */
const dataStatus = (page: Page) =>
  page.getByRole('region', { name: 'Your data' }).getByRole('status');

type ExportFile = { readings: { at: number; limits: { percent: number }[] }[] };

test.describe('the history a person owns', () => {
  test('a CSV of organisations with hostile names opens safely, cell by cell', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    snapshotCount,
  }) => {
    server.setOrganizations(
      HOSTILE_NAMES.map(([name], i) => ({
        uuid: `0b1c2d3e-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
        name,
        capabilities: ['chat', 'raven'],
        raven_type: 'team',
        rate_limit_tier: 'default_raven',
      })),
    );
    await signIn();
    await triggerPoll();
    const page = await currentContext().newPage();
    const n = await snapshotCount();
    expect(n).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);
    await openOptions(page, extensionId, n);

    const rows = parseCsv(await download(page, 'Export CSV'));
    expect(rows[0]).toEqual(HEADER);
    // max-sep-2026.json for every organisation: session 48, weekly 64, Sonnet 2.
    expect(rows).toHaveLength(1 + 3 * n);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(6);
      for (const cell of row) expect(cell).not.toMatch(FORMULA);
      expect(row[0]).toMatch(ISO);
      expect(HOSTILE_NAMES.map(([, cell]) => cell)).toContain(row[1]);
      expect(row[4]).toMatch(/^\d+(\.\d+)?$/);
      expect([48, 64, 2]).toContain(Number(row[4]));
      expect(row[5]).toMatch(ISO);
    }
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(
      new Set(HOSTILE_NAMES.map(([, cell]) => cell)),
    );
  });

  test('each hostile import is refused or counted honestly, and the history stays as it was', async ({
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
    const n = await snapshotCount();
    await openOptions(page, extensionId, n);
    const json = await download(page, 'Export JSON');
    const csvBefore = await download(page, 'Export CSV');
    const base = JSON.parse(json) as ExportFile;
    expect(base.readings).toHaveLength(n);
    const status = dataStatus(page);

    const farFuture = structuredClone(base);
    farFuture.readings[1]!.at = 1e300;
    await importText(page, JSON.stringify(farFuture));
    await expect(status).toContainText(
      'Not imported: readings[1].at: 1e+300 is not a time between 2023-01-01 and',
    );

    const hugePercent = structuredClone(base);
    hugePercent.readings[0]!.limits[0]!.percent = 1e308;
    await importText(page, JSON.stringify(hugePercent));
    await expect(status).toHaveText(
      'Not imported: readings[0].limits[0].percent: 1e+308 is not a percent between 0 and 1000.',
    );

    await importText(page, json.replace('"readings":[{', '"readings":[{"__proto__":{"x":1},'));
    await expect(status).toHaveText(
      'Not imported: readings[0].__proto__: this key is not allowed in an import.',
    );
    expect(await snapshotCount()).toBe(n);
    // Refused files leave no trace: the CSV export works and is what it was.
    expect(await download(page, 'Export CSV')).toBe(csvBefore);

    await importText(page, json);
    await expect(status).toHaveText(`Imported: 0 new, ${n} already here.`);
    expect(await snapshotCount()).toBe(n);

    // The same organisation and time as a stored reading, at 0 %; and one reading that is new.
    const duplicate = structuredClone(base);
    const stored = duplicate.readings[0]!;
    for (const limit of stored.limits) limit.percent = 0;
    const fresh = { ...structuredClone(stored), at: stored.at - 60_000 };
    duplicate.readings = [stored, fresh];
    await importText(page, JSON.stringify(duplicate));
    await expect(status).toHaveText('Imported: 1 new, 1 already here.');
    expect(await snapshotCount()).toBe(n + 1);
    const rows = parseCsv(await download(page, 'Export CSV'));
    const at = (ms: number) => new Date(ms).toISOString();
    expect(rows.filter((r) => r[0] === at(stored.at)).map((r) => r[4])).toEqual(['48', '64', '2']);
    expect(rows.filter((r) => r[0] === at(fresh.at)).map((r) => r[4])).toEqual(['0', '0', '0']);
  });

  test('a history damaged by an earlier import still exports, without the damage', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    snapshotCount,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    const n = await snapshotCount();
    // What an import before these checks wrote: a time of 1e300 and a percent of 1e308.
    await (
      await sw()
    ).evaluate(async (orgId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('claude-usage-meter');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const limit = { id: 'session', kind: 'session', label: '5-hour session', resetsAt: null };
      const tx = db.transaction('snapshots', 'readwrite');
      tx.objectStore('snapshots').put({
        orgId,
        at: 1e300,
        limits: [{ ...limit, percent: 5 }],
        extra: null,
      });
      tx.objectStore('snapshots').put({
        orgId,
        at: Date.now() - 60_000,
        limits: [{ ...limit, percent: 1e308 }],
        extra: null,
      });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, MAX_ORG);
    const page = await currentContext().newPage();
    await openOptions(page, extensionId, n + 2);

    const rows = parseCsv(await download(page, 'Export CSV'));
    expect(rows).toHaveLength(1 + 3 * n);
    for (const row of rows.slice(1)) expect([48, 64, 2]).toContain(Number(row[4]));
    await expect(dataStatus(page)).toHaveText(
      '2 damaged readings (impossible times or percents, left by an earlier import) were left out of the export.',
    );
    const json = await download(page, 'Export JSON');
    await importText(page, json);
    await expect(dataStatus(page)).toHaveText(`Imported: 0 new, ${n} already here.`);
    expect(await snapshotCount()).toBe(n + 2);
  });

  test('an export that fails says so beside the buttons, with what to do', async ({
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
    await openOptions(page, extensionId, await snapshotCount());
    // The browser refuses to make the file, as it does when the disk is full.
    await page.evaluate(() => {
      URL.createObjectURL = () => {
        throw new Error('disk full');
      };
    });
    for (const button of ['Export CSV', 'Export JSON']) {
      await page.getByRole('button', { name: button }).click();
      await expect(page.getByRole('alert')).toHaveText(
        'Export failed (disk full); nothing was downloaded. Reload this page and try again; ' +
          'if it fails again, copy the diagnostics below and report the problem.',
      );
    }
  });

  test.describe('a large import', () => {
    const COUNT = 100_000;
    let dir = '';
    let file = '';
    test.beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'claude-usage-meter-large-'));
      file = join(dir, 'large.json');
      // Within the raw days, so compaction leaves them alone while the test counts.
      const newest = Date.now() - 2 * 3600_000;
      const readings = Array.from({ length: COUNT }, (_, i) => {
        const at = newest - i * 5_000;
        return {
          orgId: MAX_ORG,
          at,
          limits: [
            {
              id: 'session',
              kind: 'session',
              label: '5-hour session',
              percent: i % 100,
              resetsAt: at + 3600_000,
            },
            {
              id: 'weekly',
              kind: 'weekly',
              label: 'Weekly (all models)',
              percent: 50,
              resetsAt: null,
            },
          ],
          extra: null,
        };
      });
      writeFileSync(
        file,
        JSON.stringify({ format: 'claude-usage-meter', version: 1, exportedAt: '', readings }),
      );
    });
    test.afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('shows its progress and ends with the right count', async ({
      server,
      signIn,
      triggerPoll,
      currentContext,
      extensionId,
      snapshotCount,
    }) => {
      test.setTimeout(120_000);
      server.setOrganizations(ONE_ORG);
      await signIn();
      await triggerPoll();
      const page = await currentContext().newPage();
      const n = await snapshotCount();
      await openOptions(page, extensionId, n);
      // A heartbeat on the page: the longest time it could not run is the longest freeze.
      await page.evaluate(() => {
        const w = window as unknown as { longestFreeze: number };
        let last = performance.now();
        w.longestFreeze = 0;
        setInterval(() => {
          const now = performance.now();
          w.longestFreeze = Math.max(w.longestFreeze, now - last);
          last = now;
        }, 20);
      });
      await page.locator('input[type=file]').setInputFiles(file);
      const progress = page.getByRole('progressbar', { name: 'Import progress' });
      await expect(progress).toBeVisible();
      await expect(page.getByText(/^Importing… \d+%$/)).toBeVisible();
      await expect(dataStatus(page)).toHaveText('Imported: 100,000 new, 0 already here.', {
        timeout: 100_000,
      });
      await expect(progress).toBeHidden();
      const freeze = await page.evaluate(
        () => (window as unknown as { longestFreeze: number }).longestFreeze,
      );
      // Before batching, the page froze for about 8 s of this import; now JSON.parse's ~0.4 s.
      expect(freeze).toBeLessThan(3_000);
      expect(await snapshotCount()).toBe(n + COUNT);
      await expect(
        page.getByText(`${(n + COUNT).toLocaleString('en')} readings kept`),
      ).toBeVisible();
    });

    test('cancelled part-way, it leaves the history as it was', async ({
      server,
      signIn,
      triggerPoll,
      currentContext,
      extensionId,
      snapshotCount,
    }) => {
      test.setTimeout(120_000);
      server.setOrganizations(ONE_ORG);
      await signIn();
      await triggerPoll();
      const page = await currentContext().newPage();
      const n = await snapshotCount();
      await openOptions(page, extensionId, n);
      await page.locator('input[type=file]').setInputFiles(file);
      const progress = page.getByRole('progressbar', { name: 'Import progress' });
      // Past the checking (the first 30 %): readings are being written when Cancel comes.
      await expect
        .poll(() => progress.evaluate((el) => (el as HTMLProgressElement).value), {
          intervals: [50],
          timeout: 60_000,
        })
        .toBeGreaterThan(40);
      // The keyboard was moved to Cancel when the file input was disabled.
      await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dataStatus(page)).toHaveText('Import cancelled; nothing was imported.');
      expect(await snapshotCount()).toBe(n);
      await page.reload();
      await expect(page.getByText(`${n} readings kept`)).toBeVisible();
    });
  });
});
