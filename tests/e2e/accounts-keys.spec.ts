import {
  accountsSection,
  addAccount,
  addForm,
  everythingStored,
  marked,
  OWN_COOKIE,
  OWN_WEEKLY,
  readingOrgIds,
  removeAccount,
  serveTwoLogins,
  whereFound,
  WORK_KEY,
  WORK_MASKED,
  WORK_ORG,
  WORK_ORG_NAME,
  WORK_ORGS,
  WORK_TITLE,
  signedInWithWork,
} from './accounts-steps';
import { addChannel } from './channel-form';
import type { ChromeApi } from './extension-state';
import { expect, SESSION_COOKIE_VALUE, test } from './harness';
import { download, MAX_ORG } from './options-data';
import { sessionPayload } from './payloads';

declare const chrome: ChromeApi;

/**
 * Where an added login's session key may be (issue #19, "Safety"): in storage.local and in the
 * rule that sends it, nowhere else, and nowhere once the account is removed; the rule comes back
 * after a browser restart; with no account added, nothing of this exists.
 */

test.beforeEach(({ server }) => serveTwoLogins(server));

test.describe('an added login’s key', () => {
  test('is kept in storage.local alone, never exported or in diagnostics, and gone everywhere once removed', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    const { options, id } = await signedInWithWork({
      signIn,
      triggerPoll,
      currentContext,
      extensionId,
      sw,
    });
    // While the account is here its key is in two places: its storage item and the rule sending it.
    expect(whereFound(await everythingStored(await sw()), WORK_KEY)).toEqual([
      'storage.local/accountKeys',
      'session rules',
    ]);

    await options.reload();
    const csv = await download(options, 'Export CSV');
    const json = await download(options, 'Export JSON');
    // Each login's readings are exported, apart and named; the key is not.
    // Soft: the key checks below still run when these fail.
    expect.soft(csv).toContain(WORK_ORG_NAME);
    expect.soft(json).toContain(`${id}/${WORK_ORG}`);
    await expect.soft(options.getByText(/damaged readings/)).toHaveCount(0);
    await options.getByText('Show what to send with a bug report').click();
    const diagnostics = options.locator('section[aria-labelledby=diagnostics] pre');
    await expect(diagnostics).toContainText('Claude Usage Meter');
    for (const [what, text] of [
      ['CSV', csv],
      ['JSON', json],
      ['diagnostics', (await diagnostics.textContent()) ?? ''],
    ] as const) {
      expect(text, what).not.toContain(WORK_KEY);
      expect(text, what).not.toContain('WorkLogin_only');
    }

    // Removed, with its history: nothing anywhere holds the key, and no request is sent for it.
    await removeAccount(options, 'Work', 'delete');
    await expect(accountsSection(options)).not.toContainText(WORK_MASKED);
    const stored = await everythingStored(await sw());
    expect(whereFound(stored, WORK_KEY)).toEqual([]);
    expect(whereFound(stored, 'WorkLogin_only')).toEqual([]);
    expect(JSON.parse(stored['session rules']!)).toEqual([]);
    expect(await readingOrgIds(await sw())).toEqual([MAX_ORG]);
    const before = server.requests.length;
    await triggerPoll();
    expect(server.requests.slice(before).filter(marked)).toEqual([]);
  });

  test('goes at once when the account is removed keeping its history, which stays in the export', async ({
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    const { options, id } = await signedInWithWork({
      signIn,
      triggerPoll,
      currentContext,
      extensionId,
      sw,
    });
    await removeAccount(options, 'Work', 'keep');
    const stored = await everythingStored(await sw());
    expect(whereFound(stored, WORK_KEY)).toEqual([]);
    expect(JSON.parse(stored['session rules']!)).toEqual([]);
    expect(await readingOrgIds(await sw())).toEqual([MAX_ORG, `${id}/${WORK_ORG}`].sort());
    await options.reload();
    const csv = await download(options, 'Export CSV');
    expect(csv).toContain(WORK_ORG_NAME);
    expect(csv).not.toContain(WORK_KEY);
  });

  test('never reaches an alert: a channel and the desktop name the account, not its key', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    server.setHandler('/hook', () => ({ status: 204 }));
    server.addLogin(WORK_KEY, { organizations: WORK_ORGS, usage: { '*': sessionPayload(60) } });
    const { options, id } = await signedInWithWork({
      signIn,
      triggerPoll,
      currentContext,
      extensionId,
      sw,
    });
    await addChannel(options, 'Any webhook', {
      Name: 'Team hook',
      'Webhook address': 'https://claude.ai/hook',
    });

    // Only the Work login crosses a warning level.
    server.addLogin(WORK_KEY, { organizations: WORK_ORGS, usage: { '*': sessionPayload(92) } });
    await triggerPoll();
    const hook = await server.waitForRequest(
      (r) => r.path === '/hook' && JSON.parse(r.body || '{}').event === 'threshold',
    );
    expect(JSON.parse(hook.body)).toMatchObject({ percent: 92, organization: WORK_TITLE });
    expect(hook.cookie).toBeUndefined();
    for (const r of server.requests.filter((r) => r.path === '/hook')) {
      expect(r.body).not.toContain(WORK_KEY);
      expect(JSON.stringify(r.headers)).not.toContain(WORK_KEY);
    }
    const shown = await (await sw()).evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toContain(`threshold:${id}/${WORK_ORG}|session`);
  });

  test('is sent again after a browser restart, which loses the session rules', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
    restart,
  }) => {
    const { id } = await signedInWithWork({
      signIn,
      triggerPoll,
      currentContext,
      extensionId,
      sw,
    });
    await restart();
    const mark = server.requests.length;
    await triggerPoll();
    const since = server.requests.slice(mark);
    const work = since.filter(marked);
    expect(work.map((r) => r.path.split('?')[0])).toContain(`/api/organizations/${WORK_ORG}/usage`);
    for (const r of work)
      expect([r.path.includes(`cum_account=${id}`), r.cookie]).toEqual([
        true,
        `sessionKey=${WORK_KEY}`,
      ]);
    for (const r of since.filter((r) => r.path.startsWith('/api/') && !marked(r)))
      expect(r.cookie).toContain(OWN_COOKIE);
    const cookies = (await currentContext().cookies('https://claude.ai')).filter(
      (c) => c.name === 'sessionKey',
    );
    expect(cookies.map((c) => c.value)).toEqual([SESSION_COOKIE_VALUE]);
  });

  test('that claude.ai refuses is said beside the field, and kept nowhere', async ({
    server,
    signIn,
    triggerPoll,
    currentContext,
    extensionId,
    sw,
  }) => {
    const stale = 'sk-ant-sid02-ExpiredLogin_for-tests-9b1c';
    server.addLogin(stale, { organizations: [] }).expire();
    await signIn();
    await triggerPoll();
    const options = await currentContext().newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await addAccount(options, 'Old', stale);
    await expect(addForm(options).getByRole('alert')).toContainText(/does not accept this key/);
    // The key was asked about, with itself alone, and then forgotten.
    const asked = server.requests.filter(marked);
    expect(asked.length).toBeGreaterThan(0);
    for (const r of asked) expect(r.cookie).toBe(`sessionKey=${stale}`);
    const stored = await everythingStored(await sw());
    expect(whereFound(stored, stale)).toEqual([]);
    expect(JSON.parse(stored['storage.local/accounts'] ?? '[]')).toEqual([]);
    // Not even a key that is not a session key at all is sent anywhere.
    const before = server.requests.length;
    await addAccount(options, 'Typo', 'hello');
    await expect(addForm(options).getByRole('alert')).toContainText(/not a claude\.ai session key/);
    expect(server.requests.slice(before).filter(marked)).toEqual([]);
  });
});

test('without an added login, the browser’s own login reads as before: no new request, no rule', async ({
  server,
  signIn,
  triggerPoll,
  currentContext,
  extensionId,
  openPopup,
  sw,
}) => {
  await signIn();
  await triggerPoll();
  await triggerPoll();
  const popup = await openPopup();
  await expect(popup.getByRole('progressbar', { name: 'Weekly (all models)' })).toHaveAttribute(
    'aria-valuenow',
    String(OWN_WEEKLY),
  );
  const options = await currentContext().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(accountsSection(options)).toBeVisible();
  // Only what a poll asked for before accounts existed: the organisations, the usage and the
  // hourly prepaid balance of the browser's organisation.
  const api = server.requests.filter((r) => r.path.startsWith('/api/'));
  const paths = [...new Set(api.map((r) => r.path))];
  expect(paths).toContain(`/api/organizations/${MAX_ORG}/usage`);
  for (const path of paths)
    expect(path).toMatch(new RegExp(`^/api/organizations(/${MAX_ORG}/(usage|prepaid/credits))?$`));
  for (const r of api) expect(r.cookie).toContain(OWN_COOKIE);
  const rules = await (await sw()).evaluate(() => chrome.declarativeNetRequest.getSessionRules());
  expect(rules).toEqual([]);
});
