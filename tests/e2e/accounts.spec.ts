import type { RecordedRequest } from '../fixtures/fake-claude';
import {
  accountEntry,
  accountsSection,
  addAccount,
  addForm,
  addWorkByOptions,
  everythingStored,
  marked,
  OWN_COOKIE,
  OWN_ORG_NAME,
  OWN_WEEKLY,
  readingOrgIds,
  serveTwoLogins,
  whereFound,
  WORK_KEY,
  WORK_MASKED,
  WORK_ORG,
  WORK_ORG_NAME,
  WORK_ORGS,
  WORK_TITLE,
  WORK_WEEKLY,
  signedInWithWork,
} from './accounts-steps';
import type { ChromeApi } from './extension-state';
import { expect, SESSION_COOKIE_VALUE, test } from './harness';
import { MAX_ORG } from './options-data';
import { goodPayload } from './payloads';

declare const chrome: ChromeApi;

/**
 * Several claude.ai logins (issue #19): the browser's own, and "Work" added by its session key
 * on the options page. The fake claude.ai gives each key its own organisations and usage and
 * answers every request with a `Set-Cookie` of the key it was asked with, so a request that
 * carried the wrong key, or an answer the browser stored, shows in the cookie jar.
 */

test.beforeEach(({ server }) => serveTwoLogins(server));

test.describe('an added login', () => {
  test('is added by the options page; its requests carry its key alone, and the browser’s cookie and tabs keep theirs', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    await signIn();
    await triggerPoll();
    const options = await currentContext().newPage();
    const id = await addWorkByOptions(options, extensionId, sw);
    // The key is shown masked, never as pasted.
    await expect(accountEntry(options, 'Work')).toContainText(WORK_MASKED);
    expect(await options.content()).not.toContain(WORK_KEY);

    // A claude.ai tab is open while the worker polls both logins.
    const tab = await currentContext().newPage();
    await tab.goto('https://claude.ai/new');
    await triggerPoll();
    const page = server.requests.filter((r) => r.path === '/new');
    expect(page.length).toBeGreaterThan(0);
    for (const r of page) expect(r.cookie).toContain(OWN_COOKIE);
    // Even a request of the tab to the marked address keeps the browser's own cookie.
    const fromTab = await tab.evaluate(async (marker) => {
      const res = await fetch(`/api/organizations?${marker}`, { credentials: 'include' });
      return res.status;
    }, `cum_account=${id}`);
    expect(fromTab).toBe(200);
    const fromClaude = (r: RecordedRequest) =>
      /^https:\/\/claude\.ai\//.test(String(r.headers.referer));
    const tabMarked = server.requests.filter((r) => marked(r) && fromClaude(r));
    expect(tabMarked).toHaveLength(1);
    expect(tabMarked[0]!.cookie).toContain(OWN_COOKIE);
    expect(tabMarked[0]!.cookie).not.toContain(WORK_KEY);

    // The worker's requests for Work: its organisations and its usage, with its key and nothing else.
    const work = server.requests.filter((r) => marked(r) && r !== tabMarked[0]);
    expect(work.map((r) => r.path.split('?')[0])).toContain('/api/organizations');
    expect(work.map((r) => r.path.split('?')[0])).toContain(`/api/organizations/${WORK_ORG}/usage`);
    for (const r of work) {
      expect(r.path).toContain(`cum_account=${id}`);
      expect(r.cookie).toBe(`sessionKey=${WORK_KEY}`);
    }
    // Nothing else ever carried the Work key.
    for (const r of server.requests.filter((r) => !work.includes(r)))
      expect(r.cookie ?? '').not.toContain(WORK_KEY);

    // Work's answers set its key as a cookie; the browser kept its own, once.
    const cookies = (await currentContext().cookies('https://claude.ai')).filter(
      (c) => c.name === 'sessionKey',
    );
    expect(cookies.map((c) => c.value)).toEqual([SESSION_COOKIE_VALUE]);
    const latest = (await (
      await sw()
    ).evaluate(async () => (await chrome.storage.local.get('latest')).latest)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(latest).sort()).toEqual([MAX_ORG, `${id}/${WORK_ORG}`].sort());
  });

  test('shows beside the browser’s login in the popup and the dashboard, and the badge follows the tightest', async ({
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
    badge,
    openPopup,
  }) => {
    await signIn();
    await triggerPoll();
    expect((await badge()).text).toBe(`${OWN_WEEKLY}%`);
    const id = await addWorkByOptions(await currentContext().newPage(), extensionId, sw);
    await triggerPoll();
    await expect.poll(async () => (await badge()).text).toBe(`${WORK_WEEKLY}%`);

    const popup = await openPopup();
    const switcher = popup.getByLabel('Organisations');
    await expect(switcher).toContainText(WORK_TITLE);
    await expect(switcher).toContainText(OWN_ORG_NAME);
    const workButton = popup.getByRole('button', { name: new RegExp(WORK_TITLE) });
    await expect(workButton).toContainText(`${WORK_WEEKLY}%`);
    await workButton.click();
    await expect(workButton).toHaveAttribute('aria-pressed', 'true');
    await expect(popup.getByRole('progressbar', { name: 'Weekly (all models)' })).toHaveAttribute(
      'aria-valuenow',
      String(WORK_WEEKLY),
    );

    expect(await readingOrgIds(await sw())).toEqual([MAX_ORG, `${id}/${WORK_ORG}`].sort());

    // The dashboard: a card per organisation of each login, named with its account.
    const dashboard = await currentContext().newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
    const own = dashboard.getByRole('region', { name: OWN_ORG_NAME, exact: true });
    const work = dashboard.getByRole('region', { name: WORK_TITLE, exact: true });
    await expect(own.getByRole('progressbar', { name: 'Weekly (all models)' })).toHaveAttribute(
      'aria-valuenow',
      String(OWN_WEEKLY),
    );
    await expect(work.getByRole('progressbar', { name: 'Weekly (all models)' })).toHaveAttribute(
      'aria-valuenow',
      String(WORK_WEEKLY),
    );
  });

  test('is renamed everywhere, cannot be added twice, and can be the one the badge follows', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
    badge,
    openPopup,
  }) => {
    const { options, id } = await signedInWithWork({
      signIn,
      triggerPoll,
      currentContext,
      extensionId,
      sw,
    });
    await expect.poll(async () => (await badge()).text).toBe(`${WORK_WEEKLY}%`);

    // The badge follows a chosen organisation of either login.
    const follows = options.getByLabel('The badge follows');
    await follows.selectOption(MAX_ORG);
    await expect.poll(async () => (await badge()).text).toBe(`${OWN_WEEKLY}%`);
    await follows.selectOption(`${id}/${WORK_ORG}`);
    await expect.poll(async () => (await badge()).text).toBe(`${WORK_WEEKLY}%`);

    // The same login again, by its key or by another key of it, or the browser's own login by a
    // key of its own (the fake answers a key it was not given with the browser's organisations).
    const otherKeyOfWork = 'sk-ant-sid02-WorkLogin_second-key-for-tests-5d0e';
    server.addLogin(otherKeyOfWork, { organizations: WORK_ORGS });
    const browsersOwn = 'sk-ant-sid02-BrowserLogin_another-key-for-tests';
    for (const key of [WORK_KEY, otherKeyOfWork, browsersOwn]) {
      await addAccount(options, 'Again', key);
      const alert = addForm(options).getByRole('alert');
      await expect.soft(alert, `the key ${key}`).toContainText('already here');
    }
    const stored = await everythingStored(await sw());
    expect.soft(whereFound(stored, otherKeyOfWork)).toEqual([]);
    expect.soft(whereFound(stored, browsersOwn)).toEqual([]);

    // Renamed: the options page, the badge's choice and the popup say the new name.
    await accountEntry(options, 'Work').getByRole('button', { name: 'Rename Work' }).click();
    await options.getByLabel('New name for Work').fill('Office');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(accountEntry(options, 'Office')).toContainText(WORK_MASKED);
    await expect(follows.locator('option:checked')).toHaveText(/^Office · Work Co/);
    const popup = await openPopup();
    await expect(popup.getByLabel('Organisations')).toContainText(`Office · ${WORK_ORG_NAME}`);
    await expect(popup.getByLabel('Organisations')).not.toContainText(WORK_TITLE);
  });

  test('whose key expired says so on that account alone; the browser’s login carries on; a new key keeps its history', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
    openPopup,
    storageGet,
  }) => {
    const { options, id } = await signedInWithWork({
      signIn,
      triggerPoll,
      currentContext,
      extensionId,
      sw,
    });
    const workOrg = `${id}/${WORK_ORG}`;

    server.expireLogin(WORK_KEY);
    server.setUsage('*', goodPayload(55));
    const status = await triggerPoll();
    expect(status.lastError?.kind).not.toBe('signed_out');
    const latest =
      (await storageGet<Record<string, { limits: { id: string; percent: number }[] }>>('latest'))!;
    expect(latest[MAX_ORG]!.limits.find((l) => l.id === 'weekly')?.percent).toBe(55);

    await options.reload();
    const entry = accountEntry(options, 'Work');
    await expect(entry).toContainText(/session key expired/i);
    await expect(accountsSection(options).getByText(/session key expired/i)).toHaveCount(1);
    const popup = await openPopup();
    await expect(popup.getByRole('progressbar', { name: 'Weekly (all models)' })).toHaveAttribute(
      'aria-valuenow',
      '55',
    );
    await expect(popup.getByText(/session key expired/i)).toHaveCount(0);
    await popup.getByRole('button', { name: new RegExp(WORK_TITLE) }).click();
    await expect(popup.getByText(/session key expired/i).first()).toBeVisible();

    // A fresh key for the same login: the account, its id and its readings stay.
    const fresh = 'sk-ant-sid02-WorkLogin_renewed-for-tests-77c3';
    server.addLogin(fresh, { organizations: WORK_ORGS, usage: { '*': goodPayload(70) } });
    await entry.getByLabel(/^Session key/).fill(fresh);
    await entry.getByRole('button', { name: 'Replace key' }).click();
    await expect(entry).not.toContainText(/session key expired/i);
    await expect(entry).toContainText('sk-ant-…•••77c3');
    await triggerPoll();
    const after = server.requests.filter((r) => marked(r) && r.cookie === `sessionKey=${fresh}`);
    expect(after.length).toBeGreaterThan(0);
    expect(await readingOrgIds(await sw())).toContain(workOrg);
    const accounts = (await storageGet<{ id: string }[]>('accounts'))!;
    expect(accounts.map((a) => a.id)).toEqual([id]);
    // The old key is gone everywhere; the new one is where a key may be, and nowhere else (not in
    // the status or an error text of the expired key's polls either).
    const stored = await everythingStored(await sw());
    expect(whereFound(stored, WORK_KEY)).toEqual([]);
    expect(whereFound(stored, fresh)).toEqual(['storage.local/accountKeys', 'session rules']);
  });
});
