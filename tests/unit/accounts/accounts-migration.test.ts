import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyRule } from '../../../lib/accounts/accounts';
import type { Snapshot } from '../../../lib/storage/db';
import type { OrgsState } from '../../../lib/settings';
import { usagePayload } from '../support/builders';
import { BROWSER, fakeRules, keyedServer } from '../support/accounts';

/**
 * What people have today, before added logins: a frozen copy of `storage.local` and of the
 * readings in IndexedDB. Read and polled by the current code, it must lose nothing and keep every
 * key (bare claude.ai uuids) as it was: the browser's own login needs no rewrite.
 */
const STORAGE: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../fixtures/storage-v1.json', import.meta.url), 'utf8'),
).storage;
const READINGS: Snapshot[] = JSON.parse(
  readFileSync(new URL('../../fixtures/db-v1.json', import.meta.url), 'utf8'),
).records.snapshots;
const ORGS = STORAGE.orgs as OrgsState;

/**
 * The extension's modules loaded afresh over the fixture, as a worker of the new version starts
 * over storage the old one left: the items run their migrations when they are defined.
 */
async function load() {
  vi.resetModules();
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(structuredClone(STORAGE));
  return {
    fakeBrowser,
    items: await import('../../../lib/storage/items'),
    accounts: await import('../../../lib/accounts/accounts'),
    run: await import('../../../lib/accounts/accounts-run'),
    db: await import('../../../lib/storage/db'),
    poller: await import('../../../lib/poll/poller'),
    store: await import('../../../lib/storage/poll-store'),
    client: await import('../../../lib/usage/client'),
  };
}

describe('today’s data under accounts', () => {
  let m: Awaited<ReturnType<typeof load>>;
  beforeEach(async () => {
    m = await load();
  });

  it('reads every item as it was stored, and no account', async () => {
    const { items } = m;
    const all = {
      settings: items.settingsItem,
      orgs: items.orgsItem,
      latest: items.latestItem,
      status: items.statusItem,
      alertState: items.alertStateItem,
      resetReminders: items.remindersItem,
      alertRoutes: items.routesItem,
      selectedOrg: items.selectedOrgItem,
    };
    for (const [key, item] of Object.entries(all))
      expect(await (item as typeof items.orgsItem).getValue(), key).toEqual(STORAGE[key]);
    expect(await items.accountsItem.getValue()).toEqual([]);
    expect(await items.accountKeysItem.getValue()).toEqual({});
    // Nothing was rewritten by a migration either.
    expect(await m.fakeBrowser.storage.local.get(null)).toEqual(STORAGE);
  });

  it('splits and joins the browser’s organisations back to exactly what was stored', () => {
    const split = m.accounts.splitOrgs(ORGS, []);
    expect(split.own).toEqual(ORGS);
    expect(m.accounts.joinOrgs([split.own], [])).toEqual(ORGS);
  });

  it('polls with no added login: nothing lost, every key as it was, the history intact', async () => {
    const { items, fakeBrowser } = m;
    const repo = m.db.createSnapshotRepo(await m.db.openUsageDb(new IDBFactory()));
    await repo.addMany(READINGS);
    const rules = fakeRules<KeyRule>();
    const server = keyedServer(rules);
    server.logins.set(BROWSER, {
      orgs: ORGS.list.map(({ uuid, name }) => ({ uuid, name })),
      usage: Object.fromEntries(ORGS.list.map((o) => [o.uuid, usagePayload(85, 41)])),
    });
    // After the stored next poll time, and after the newest stored reading.
    const clock = Math.max(...READINGS.map((r) => r.at)) + 60_000;
    const store = m.store.createPollStore();
    const accounts = m.run.createAccounts({
      accounts: items.accountsItem,
      keys: items.accountKeysItem,
      rules,
      extensionHost: 'abcdefghijklmnopabcdefghijklmnop',
      makeClient: (marker) =>
        m.client.createClaudeClient({ fetch: server.fetch, now: () => clock, marker }),
      store,
      exclusively: (fn) => fn(),
      poll: async () => undefined,
      forget: async () => undefined,
      deleteHistory: async () => undefined,
      random: () => new Uint8Array(8),
      now: () => clock,
    });
    const poller = m.poller.createPoller({
      client: m.client.createClaudeClient({ fetch: server.fetch, now: () => clock }),
      accounts: () => accounts.logins(),
      openRepo: async () => repo,
      store,
      scheduleAlarm: async () => undefined,
      afterPoll: async () => undefined,
      spacingMs: 0,
      now: () => clock,
    });
    expect(await poller.poll('alarm')).toEqual({ ok: true });

    // Only the browser's own usage was asked for; no rule was written.
    expect(server.requests.map((r) => [r.cookie, r.path])).toEqual(
      ORGS.list.map((o) => [BROWSER, `/api/organizations/${o.uuid}/usage`]),
    );
    expect(rules.updates).toBe(0);
    const after = await fakeBrowser.storage.local.get(null);
    expect(after.orgs).toEqual(STORAGE.orgs);
    for (const key of [
      'settings',
      'settings$',
      'alertState',
      'resetReminders',
      'alertRoutes',
      'alertRoutes$',
      'selectedOrg',
    ])
      expect(after[key], key).toEqual(STORAGE[key]);
    const keys = (o: object) => Object.keys(o).sort();
    const before = STORAGE as { latest: object; status: { byOrg: object } };
    expect(keys(after.latest as object)).toEqual(keys(before.latest));
    expect(keys((after.status as { byOrg: object }).byOrg)).toEqual(keys(before.status.byOrg));
    expect(JSON.stringify(after)).not.toMatch(/"a[0-9a-z]{8}\//);
    expect(Object.keys(after).filter((k) => k.startsWith('account'))).toEqual([]);

    for (const r of READINGS) expect(await repo.range(r.orgId, r.at, r.at)).toEqual([r]);
    expect(await repo.count()).toBe(READINGS.length + ORGS.list.length);
  });
});
