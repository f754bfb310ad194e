import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './harness';
import { dataStatus, MAX_ORG, ONE_ORG, openOptions } from './options-data';

/**
 * A large import in the production build's options page: 100,000 readings show their progress,
 * keep the page responsive, and a Cancel part-way writes nothing.
 */

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
    await expect(page.getByText(`${(n + COUNT).toLocaleString('en')} readings kept`)).toBeVisible();
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
