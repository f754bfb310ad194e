import type { Account } from '../../lib/accounts/accounts';
import type { Org, OrgStatus } from '../../lib/usage/types';
import type { ChromeApi } from './extension-state';
import { expect, snap, test } from './harness';

declare const chrome: ChromeApi;

/**
 * Options → Accounts in the production build, from stored state as the worker leaves it: every
 * login with its state, names from people and claude.ai shown as text, and a paste that is not a
 * session key refused before anything is asked of claude.ai.
 */

const HOSTILE = '<img src=x onerror=alert(1)>';
const RTL = 'حساب العمل الخاص بالشركة الكبيرة جدا جدا';

function seed(now: number) {
  const account = (id: string, name: string): Account => ({
    id,
    name,
    masked: `sk-ant-…•••${id.slice(-4)}`,
    addedAt: now,
  });
  const accounts = [
    account('awork0001', 'Work'),
    account('ahome0002', 'Home'),
    account('artl00003', RTL),
    account('ahtml0004', HOSTILE),
  ];
  const org = (a: Account, uuid: string, name: string): Org => ({
    uuid: `${a.id}/${uuid}`,
    name,
    plan: 'Team',
    account: { id: a.id, name: a.name },
  });
  const orgs = [
    org(accounts[0]!, 'w1', 'Acme Corporation'),
    org(accounts[1]!, 'h1', 'Personal'),
    org(accounts[3]!, 'x1', `${HOSTILE} ${'Z'.repeat(120)}`),
  ];
  const byOrg: Record<string, OrgStatus> = {
    [orgs[0]!.uuid]: { lastSuccessAt: now - 60_000, lastError: null },
    [orgs[1]!.uuid]: {
      lastSuccessAt: now - 86_400_000,
      lastError: { kind: 'signed_out', at: now },
    },
  };
  return { accounts, orgs, byOrg };
}

test('shows every login with its state, names as text, and refuses a non-key paste at once', async ({
  server,
  signIn,
  triggerPoll,
  currentContext,
  extensionId,
  sw,
}) => {
  await signIn();
  await triggerPoll();
  await (
    await sw()
  ).evaluate(async ({ accounts, orgs, byOrg }) => {
    const got = await chrome.storage.local.get(['orgs', 'status']);
    const stored = got.orgs as { list: unknown[] };
    const status = got.status as { byOrg?: Record<string, unknown> };
    await chrome.storage.local.set({
      accounts,
      orgs: { ...stored, list: [...stored.list, ...orgs] },
      status: { ...status, byOrg: { ...status.byOrg, ...byOrg } },
    });
  }, seed(Date.now()));

  const page = await currentContext().newPage();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/options.html#accounts`);
  const section = page.locator('#accounts');
  const own = section.getByRole('list', {
    name: 'Organisations of This browser’s claude.ai login',
  });
  await expect(own).toContainText('Acme Team');
  await expect(section.getByRole('list', { name: 'Organisations of Work' })).toContainText(
    'Acme Corporation',
  );
  await expect(section.getByText(/^Working · Updated/)).toBeVisible();
  await expect(section.getByText('Session key expired: paste a new one')).toBeVisible();
  await expect(section.locator('#acc-key-ahome0002')).toHaveAttribute('type', 'password');
  await expect(section.getByText(/^Not read yet/)).toHaveCount(2);

  // Hostile and right-to-left names are text, cut to their box, and push nothing sideways.
  await expect(section.getByText(HOSTILE, { exact: true }).first()).toBeVisible();
  await expect(section.getByText(RTL, { exact: true })).toBeVisible();
  expect(await section.locator('img').count()).toBe(0);
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `sideways scroll at ${width} px`).toBe(0);
  }

  const key = page.getByLabel('Session key (the sessionKey cookie)').last();
  await expect(key).toHaveAttribute('type', 'password');
  await expect(key).toHaveAttribute('autocomplete', 'off');
  await expect(key).toHaveAttribute('spellcheck', 'false');
  const before = server.requests.length;
  await page.getByLabel('Account name').fill('Family');
  await key.fill('my claude password');
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.locator('#acc-key-error')).toContainText('not a claude.ai session key');
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toBeFocused();
  expect(server.requests.length).toBe(before);
  await snap(page, 'options-accounts');
});
