import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { joinOrgs, splitOrgs, type KeyRule } from '../../lib/accounts';
import { createAccounts } from '../../lib/accounts-run';
import { createSnapshotRepo, openUsageDb, type Snapshot } from '../../lib/db';
import { createPoller } from '../../lib/poller';
import { createPollStore } from '../../lib/storage/poll-store';
import * as items from '../../lib/storage/items';
import { createClaudeClient } from '../../lib/usage/client';
import type { OrgsState } from '../../lib/settings';
import { usagePayload } from './support/builders';
import { BROWSER, fakeRules, keyedServer } from './support/accounts';

/**
 * What people have today, before added logins: a frozen copy of `storage.local` and of the
 * readings in IndexedDB. Read and polled by the current code, it must lose nothing and keep every
 * key (bare claude.ai uuids) as it was: the browser's own login needs no rewrite.
 */
const STORAGE: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../fixtures/storage-v1.json', import.meta.url), 'utf8'),
).storage;
const READINGS: Snapshot[] = JSON.parse(
  readFileSync(new URL('../fixtures/db-v1.json', import.meta.url), 'utf8'),
).records.snapshots;
const ORGS = STORAGE.orgs as OrgsState;

const ITEMS = {
  settings: items.settingsItem,
  orgs: items.orgsItem,
  latest: items.latestItem,
  status: items.statusItem,
  alertState: items.alertStateItem,
  resetReminders: items.remindersItem,
  alertRoutes: items.routesItem,
  selectedOrg: items.selectedOrgItem,
} as const;

describe('today’s data under accounts', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(structuredClone(STORAGE));
  });

  it('reads every item as it was stored, and no account', async () => {
    for (const [key, item] of Object.entries(ITEMS))
      expect(await (item as typeof items.orgsItem).getValue(), key).toEqual(STORAGE[key]);
    expect(await items.accountsItem.getValue()).toEqual([]);
    expect(await items.accountKeysItem.getValue()).toEqual({});
  });

  it('splits and joins the browser’s organisations back to exactly what was stored', () => {
    const split = splitOrgs(ORGS, []);
    expect(split.own).toEqual(ORGS);
    expect(joinOrgs([split.own], [])).toEqual(ORGS);
  });

  it('polls with no added login: nothing lost, every key as it was, the history intact', async () => {
    const repo = createSnapshotRepo(await openUsageDb(new IDBFactory()));
    await repo.addMany(READINGS);
    const rules = fakeRules<KeyRule>();
    const server = keyedServer(rules);
    server.logins.set(BROWSER, {
      orgs: ORGS.list.map(({ uuid, name }) => ({ uuid, name })),
      usage: Object.fromEntries(ORGS.list.map((o) => [o.uuid, usagePayload(85, 41)])),
    });
    // After the stored next poll time, and after the newest stored reading.
    const clock = Math.max(...READINGS.map((r) => r.at)) + 60_000;
    const store = createPollStore();
    const accounts = createAccounts({
      accounts: items.accountsItem,
      keys: items.accountKeysItem,
      rules,
      extensionHost: 'abcdefghijklmnopabcdefghijklmnop',
      makeClient: (marker) => createClaudeClient({ fetch: server.fetch, now: () => clock, marker }),
      store,
      exclusively: (fn) => fn(),
      poll: async () => undefined,
      forget: async () => undefined,
      deleteHistory: async () => undefined,
      random: () => new Uint8Array(8),
      now: () => clock,
    });
    const poller = createPoller({
      client: createClaudeClient({ fetch: server.fetch, now: () => clock }),
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
