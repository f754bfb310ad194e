import { parseCsv } from '../fixtures/csv';
import { expect, test } from './harness';
import { dataStatus, download, importText, MAX_ORG, ONE_ORG, openOptions } from './options-data';

/**
 * The history a person owns, in the production build's options page: exports open safely in a
 * spreadsheet, a hostile import changes nothing (a large import: history-import-large.spec.ts).
 */

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
});
