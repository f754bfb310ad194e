import type { Page, Worker } from '@playwright/test';
import type { FakeClaude, RecordedRequest } from '../fixtures/fake-claude';
import type { ChromeApi } from './extension-state';
import { expect, SESSION_COOKIE_VALUE, type ExtensionFixtures } from './harness';
import { ONE_ORG } from './options-data';
import { goodPayload } from './payloads';

declare const chrome: ChromeApi;

/** A second claude.ai login ("Work") for the accounts specs, and what they read of the extension. */

export const WORK_KEY = 'sk-ant-sid02-WorkLogin_only-for-tests-4f2a';
export const WORK_MASKED = 'sk-ant-…•••4f2a';
export const WORK_ORG = '7e57a11d-3333-4333-8333-0000000077aa';
export const WORK_ORG_NAME = 'Work Co';
export const WORK_ORGS = [
  {
    uuid: WORK_ORG,
    name: WORK_ORG_NAME,
    capabilities: ['chat', 'claude_pro'],
    raven_type: null,
    rate_limit_tier: 'default_claude_ai',
  },
];
/** The Work login's weekly limit: above the browser login's 40 %, so it is the tightest. */
export const WORK_WEEKLY = 85;
export const OWN_WEEKLY = 40;

/** Give the fake the Work login (its own organisation and usage). */
export function addWorkLogin(server: FakeClaude) {
  return server.addLogin(WORK_KEY, {
    organizations: WORK_ORGS,
    usage: { '*': goodPayload(WORK_WEEKLY) },
  });
}

export const OWN_COOKIE = `sessionKey=${SESSION_COOKIE_VALUE}`;
export const OWN_ORG_NAME = "alex@example.com's Organization";
export const WORK_TITLE = `Work · ${WORK_ORG_NAME}`;

/** The browser's login with one organisation at 40 %, and the Work login the fake knows. */
export function serveTwoLogins(server: FakeClaude) {
  server.setOrganizations(ONE_ORG);
  server.setUsage('*', goodPayload(OWN_WEEKLY));
  addWorkLogin(server);
}

/** Requests of an added login: the worker marks them with `cum_account=<id>`. */
export const marked = (r: RecordedRequest) => /[?&]cum_account=/.test(r.path);

/** The options page's Accounts section. */
export function accountsSection(page: Page) {
  return page.getByRole('region', { name: 'Accounts' });
}

/** The form that adds an account (each expired account has a key field of its own too). */
export function addForm(page: Page) {
  const submit = page.getByRole('button', { name: 'Add account', exact: true });
  return accountsSection(page).locator('form').filter({ has: submit });
}

/** One added account's entry in the Accounts section, found by its name. */
export function accountEntry(page: Page, name: string) {
  const remove = page.getByRole('button', { name: `Remove ${name}`, exact: true });
  return accountsSection(page).getByRole('listitem').filter({ has: remove });
}

/** Add an account by the options page as a person does: name, key, submit. */
export async function addAccount(page: Page, name: string, key: string) {
  const form = addForm(page);
  await form.getByLabel('Account name', { exact: true }).fill(name);
  await form.getByLabel(/^Session key/).fill(key);
  await form.getByRole('button', { name: 'Add account', exact: true }).click();
}

/** Remove an account on the options page, keeping or deleting its history, and wait until it is gone. */
export async function removeAccount(page: Page, name: string, history: 'keep' | 'delete') {
  const section = accountsSection(page);
  await section.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
  const confirm = section.getByRole('group', { name: `Remove “${name}”?` });
  await confirm
    .getByLabel(history === 'keep' ? /keep its history/i : /delete its history/i)
    .check();
  await confirm.getByRole('button', { name: 'Remove account' }).click();
  await expect(section.getByRole('list', { name: `Organisations of ${name}` })).toHaveCount(0);
}

/** Open the options page and add the Work account; returns its id once it is listed. */
export async function addWorkByOptions(page: Page, extensionId: string, sw: () => Promise<Worker>) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await addAccount(page, 'Work', WORK_KEY);
  const orgs = accountsSection(page).getByRole('list', { name: 'Organisations of Work' });
  await expect(orgs).toContainText(WORK_ORG_NAME);
  const accounts = await (
    await sw()
  ).evaluate(async () => (await chrome.storage.local.get('accounts')).accounts as { id: string }[]);
  expect(accounts).toHaveLength(1);
  return accounts[0]!.id;
}

/** Signed in and polled, then Work added on the options page and polled: its page and its id. */
export async function signedInWithWork(
  f: Pick<ExtensionFixtures, 'signIn' | 'triggerPoll' | 'currentContext' | 'extensionId' | 'sw'>,
): Promise<{ options: Page; id: string }> {
  await f.signIn();
  await f.triggerPoll();
  const options = await f.currentContext().newPage();
  const id = await addWorkByOptions(options, f.extensionId, f.sw);
  await f.triggerPoll();
  return { options, id };
}

/**
 * Every value the extension keeps, as text, by where it is kept: each key of storage.local, the
 * other storage areas, each IndexedDB store, and the request rules. A key found in any of them is a key kept.
 */
export function everythingStored(worker: Worker): Promise<Record<string, string>> {
  return worker.evaluate(async () => {
    const text = (value: unknown) =>
      JSON.stringify(value, (_k, v: unknown) =>
        ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
      );
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const local = Object.entries(await chrome.storage.local.get(null));
    const out: Record<string, string> = {
      // Key by key: the session key may sit in `accountKeys` only, not in a status or error text.
      ...Object.fromEntries(local.map(([key, value]) => [`storage.local/${key}`, text(value)])),
      'storage.sync': text(await chrome.storage.sync.get(null)),
      'storage.session': text(await chrome.storage.session.get(null)),
      'session rules': text(await chrome.declarativeNetRequest.getSessionRules()),
      'dynamic rules': text(await chrome.declarativeNetRequest.getDynamicRules()),
    };
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        out[`indexedDB ${name}/${store}`] = text(
          await request(db.transaction(store).objectStore(store).getAll()),
        );
      }
      db.close();
    }
    return out;
  });
}

/** The places in `stored` whose text contains `secret`. */
export function whereFound(stored: Record<string, string>, secret: string): string[] {
  return Object.keys(stored).filter((where) => stored[where]!.includes(secret));
}

/** The organisation keys the readings in IndexedDB belong to. */
export function readingOrgIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('claude-usage-meter');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('snapshots').objectStore('snapshots').getAllKeys();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const ids = (all.result as [string, number][]).map(([orgId]) => orgId);
            resolve([...new Set(ids)].sort());
          };
        };
      }),
  );
}
