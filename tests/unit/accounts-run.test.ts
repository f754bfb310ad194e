import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAccounts, type AccountsDeps } from '../../lib/accounts-run';
import type { KeyRule } from '../../lib/accounts';
import { createPollStore } from '../../lib/storage/poll-store';
import {
  accountKeysItem,
  accountsItem,
  latestItem,
  orgsItem,
  statusItem,
} from '../../lib/storage/items';
import { createClaudeClient } from '../../lib/usage/client';
import { fakeReading, fakeStatus, ORG, T0, usagePayload } from './support/builders';
import { fakeRules, KEY, KEY_B, KEY_C, keyedServer } from './support/accounts';

const HOST = 'abcdefghijklmnopabcdefghijklmnop';
const ACME = '1a2b3c4d-0000-4000-8000-00000000ac3e';
const BETA = '2b3c4d5e-0000-4000-8000-0000000000be';

describe('createAccounts', () => {
  let clock: number;
  let rules: ReturnType<typeof fakeRules<KeyRule>>;
  let server: ReturnType<typeof keyedServer>;
  let markers: string[];
  let polls: number;
  let forgotten: string[][];
  let deleted: string[];
  let seed: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    clock = T0;
    rules = fakeRules<KeyRule>();
    server = keyedServer(rules);
    server.logins.set(KEY, {
      orgs: [{ uuid: ACME, name: 'Acme' }],
      usage: { [ACME]: usagePayload(20, 30) },
    });
    server.logins.set(KEY_B, { orgs: [{ uuid: BETA, name: 'Beta' }] });
    markers = [];
    polls = 0;
    forgotten = [];
    deleted = [];
    seed = 0;
    // The browser's own organisation, reading and status, which no account change may touch.
    await orgsItem.setValue({
      list: [{ uuid: ORG, name: 'Personal', plan: 'Max 5x' }],
      discoveredAt: T0 - 1,
    });
    await latestItem.setValue({ [ORG]: fakeReading(40) });
    await statusItem.setValue(
      fakeStatus({
        lastSuccessAt: T0 - 1,
        byOrg: { [ORG]: { lastSuccessAt: T0 - 1, lastError: null } },
      }),
    );
  });

  function make(overrides: Partial<AccountsDeps> = {}) {
    return createAccounts({
      accounts: accountsItem,
      keys: accountKeysItem,
      rules,
      extensionHost: HOST,
      makeClient: (marker) => {
        markers.push(marker);
        return createClaudeClient({ fetch: server.fetch, now: () => clock, marker });
      },
      store: createPollStore(),
      exclusively: (fn) => fn(),
      poll: async () => void polls++,
      forget: async (keys) => void forgotten.push(keys),
      deleteHistory: async (prefix) => void deleted.push(prefix),
      random: () => new Uint8Array(8).fill(++seed),
      now: () => clock,
      ...overrides,
    });
  }

  /** Every stored value but the keys item, as text: where a key must never be. */
  async function storedWithoutKeys(): Promise<string> {
    const all = await fakeBrowser.storage.local.get(null);
    const rest = Object.entries(all).filter(([k]) => !k.startsWith('accountKeys'));
    expect(rest.length).toBeGreaterThan(3);
    return JSON.stringify(rest);
  }

  async function snapshot() {
    return JSON.stringify(await fakeBrowser.storage.local.get(null));
  }

  it('adds a working key: the key in the keys item only, the account masked, its orgs keyed, then a poll', async () => {
    const result = await make().add(' Work ', `"sessionKey=${KEY}"`);
    expect(result).toEqual({ ok: true, id: expect.stringMatching(/^a[0-9a-z]{8}$/), orgs: 1 });
    const id = (result as { id: string }).id;
    expect(await accountKeysItem.getValue()).toEqual({ [id]: KEY });
    expect(await accountsItem.getValue()).toEqual([
      { id, name: 'Work', masked: `sk-ant-…•••${KEY.slice(-4)}`, addedAt: T0 },
    ]);
    const orgs = await orgsItem.getValue();
    expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${id}/${ACME}`]);
    expect(orgs.list[1]!.account).toEqual({ id, name: 'Work' });
    expect(orgs.accounts).toEqual({ [id]: T0 });
    // The key was asked with, by the rule, on a marked request without the browser's cookie.
    expect(server.requests).toEqual([
      {
        path: '/api/organizations',
        cookie: KEY,
        url: `https://claude.ai/api/organizations?cum_account=${id}`,
      },
    ]);
    expect(markers).toContain(`cum_account=${id}`);
    expect(rules.list).toHaveLength(1);
    expect(rules.list[0]!.condition.urlFilter).toContain(id);
    expect(polls).toBe(1);
    expect(await storedWithoutKeys()).not.toContain(KEY.slice(13, 40));
    // The browser's own data is as it was.
    expect((await latestItem.getValue())[ORG]).toEqual(fakeReading(40));
  });

  it('refuses a wrong or expired key and keeps nothing of it, not even its rule', async () => {
    const before = await snapshot();
    expect(await make().add('Work', KEY_C)).toEqual({
      ok: false,
      error: 'rejected',
      until: undefined,
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.cookie).toBe(KEY_C);
    expect(await snapshot()).toBe(before);
    expect(rules.list).toEqual([]);
    expect(polls).toBe(0);
  });

  it('sends nothing for a key that is not a session key, nor for a bad name', async () => {
    const before = await snapshot();
    expect(await make().add('Work', 'sk-ant-api03-abcdefghijklmnop')).toEqual({
      ok: false,
      error: 'format',
    });
    expect(await make().add('\u202e', KEY)).toEqual({ ok: false, error: 'name' });
    expect(server.requests).toEqual([]);
    expect(rules.updates).toBe(0);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a key already added, and more than eight logins', async () => {
    const accounts = make();
    expect((await accounts.add('Work', KEY)).ok).toBe(true);
    server.requests.length = 0;
    expect(await accounts.add('Again', ` ${KEY} `)).toEqual({ ok: false, error: 'duplicate' });
    expect(server.requests).toEqual([]);
    const many = Array.from({ length: 8 }, (_, i) => ({
      id: `a0000000${i}`,
      name: `N${i}`,
      masked: 'x',
      addedAt: 0,
    }));
    await accountsItem.setValue(many);
    expect(await accounts.add('Ninth', KEY_B)).toEqual({ ok: false, error: 'too_many' });
    expect(server.requests).toEqual([]);
  });

  it('waits out a Retry-After already known, sending nothing', async () => {
    const until = T0 + 5 * 60_000;
    await statusItem.setValue(
      fakeStatus({ lastError: { kind: 'rate_limited', retryAt: until, at: T0 - 1 } }),
    );
    expect(await make().add('Work', KEY)).toEqual({ ok: false, error: 'rate_limited', until });
    expect(server.requests).toEqual([]);
    expect(await accountsItem.getValue()).toEqual([]);
  });

  it('keeps claude.ai’s Retry-After for everyone when the check is rate limited', async () => {
    server.logins.set(KEY, { all: { status: 429, body: {}, headers: { 'retry-after': '120' } } });
    const result = await make().add('Work', KEY);
    expect(result).toEqual({ ok: false, error: 'rate_limited', until: T0 + 120_000 });
    expect((await statusItem.getValue()).lastError).toMatchObject({
      kind: 'rate_limited',
      retryAt: T0 + 120_000,
    });
    expect(await accountKeysItem.getValue()).toEqual({});
    expect(rules.list).toEqual([]);
  });

  it('says so when a working key has no chat organisation, keeping nothing', async () => {
    server.logins.set(KEY, { orgs: [] });
    expect(await make().add('Work', KEY)).toMatchObject({ ok: false, error: 'no_chat_org' });
    expect(await accountsItem.getValue()).toEqual([]);
    expect(rules.list).toEqual([]);
  });

  it('refuses where no key can be attached safely', async () => {
    expect(await make({ rules: null }).add('Work', KEY)).toEqual({
      ok: false,
      error: 'unsupported',
    });
    expect(server.requests).toEqual([]);
  });

  describe('with two accounts', () => {
    let work: string;
    let home: string;
    beforeEach(async () => {
      const accounts = make();
      work = ((await accounts.add('Work', KEY)) as { id: string }).id;
      home = ((await accounts.add('Home', KEY_B)) as { id: string }).id;
      const state = await orgsItem.getValue();
      await latestItem.setValue({
        [ORG]: fakeReading(40),
        [`${work}/${ACME}`]: fakeReading(10, 10, { orgId: `${work}/${ACME}` }),
        [`${home}/${BETA}`]: fakeReading(70, 10, { orgId: `${home}/${BETA}` }),
      });
      const ok = { lastSuccessAt: T0, lastError: null };
      await statusItem.setValue(
        fakeStatus({ byOrg: { [ORG]: ok, [`${work}/${ACME}`]: ok, [`${home}/${BETA}`]: ok } }),
      );
      expect(state.list.map((o) => o.uuid)).toEqual([ORG, `${work}/${ACME}`, `${home}/${BETA}`]);
      server.requests.length = 0;
    });

    it('removes one: its key first, its rule, its orgs, readings and statuses, then forgets it', async () => {
      const order: string[] = [];
      const accounts = make({
        keys: {
          getValue: () => accountKeysItem.getValue(),
          setValue: async (v) => void (order.push('keys'), await accountKeysItem.setValue(v)),
        },
        accounts: {
          getValue: () => accountsItem.getValue(),
          setValue: async (v) => void (order.push('accounts'), await accountsItem.setValue(v)),
        },
      });
      expect(await accounts.remove(work, false)).toEqual({ ok: true });
      expect(order).toEqual(['keys', 'accounts']);
      expect(await accountKeysItem.getValue()).toEqual({ [home]: KEY_B });
      expect((await accountsItem.getValue()).map((a) => a.id)).toEqual([home]);
      expect(rules.list.map((r) => r.action.requestHeaders[0]!.value)).toEqual([
        `sessionKey=${KEY_B}`,
      ]);
      const orgs = await orgsItem.getValue();
      expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${home}/${BETA}`]);
      expect(orgs.gone ?? []).toEqual([]);
      expect(Object.keys(orgs.accounts ?? {})).toEqual([home]);
      expect(Object.keys(await latestItem.getValue()).sort()).toEqual(
        [ORG, `${home}/${BETA}`].sort(),
      );
      expect(Object.keys((await statusItem.getValue()).byOrg ?? {}).sort()).toEqual(
        [ORG, `${home}/${BETA}`].sort(),
      );
      expect(forgotten).toEqual([[`${work}/${ACME}`]]);
      expect(deleted).toEqual([`${work}/`]);
      const all = JSON.stringify(await fakeBrowser.storage.local.get(null));
      expect(all).not.toContain(KEY.slice(13, 40));
      expect(all).toContain(KEY_B.slice(13, 40));
      expect(server.requests).toEqual([]);
    });

    it('keeps the history when asked: its orgs move to gone with their names', async () => {
      expect(await make().remove(work, true)).toEqual({ ok: true });
      expect(deleted).toEqual([]);
      const orgs = await orgsItem.getValue();
      expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${home}/${BETA}`]);
      expect(orgs.gone).toEqual([
        {
          uuid: `${work}/${ACME}`,
          name: 'Acme',
          plan: 'Team',
          account: { id: work, name: 'Work' },
        },
      ]);
      expect(forgotten).toEqual([[`${work}/${ACME}`]]);
      expect(await accountKeysItem.getValue()).toEqual({ [home]: KEY_B });
    });

    it('keeps the names of organisations that had already left the account too', async () => {
      const left = {
        uuid: `${work}/old`,
        name: 'Old team',
        plan: 'Team',
        account: { id: work, name: 'Work' },
      };
      const browsers = { uuid: 'browser-old', name: 'Mine', plan: null };
      await orgsItem.setValue({ ...(await orgsItem.getValue()), gone: [left, browsers] });
      await make().remove(work, true);
      const gone = (await orgsItem.getValue()).gone ?? [];
      expect(gone).toHaveLength(3);
      expect(gone).toEqual(
        expect.arrayContaining([
          left,
          browsers,
          expect.objectContaining({ uuid: `${work}/${ACME}` }),
        ]),
      );
      expect(forgotten).toEqual([[`${work}/${ACME}`, `${work}/old`]]);
      await make().remove(home, false);
      expect((await orgsItem.getValue()).gone).toHaveLength(3);
    });

    it('says an unknown account is unknown, changing nothing', async () => {
      const before = await snapshot();
      expect(await make().remove('a99999999', false)).toEqual({
        ok: false,
        error: 'unknown_account',
      });
      expect(await make().rename('a99999999', 'X')).toEqual({
        ok: false,
        error: 'unknown_account',
      });
      expect(await make().replaceKey('a99999999', KEY_C)).toEqual({
        ok: false,
        error: 'unknown_account',
      });
      expect(await snapshot()).toBe(before);
      expect(forgotten).toEqual([]);
    });

    it('gives an account a new key under the same id, so its history goes on', async () => {
      server.logins.set(KEY_C, { orgs: [{ uuid: ACME, name: 'Acme' }] });
      expect(await make().replaceKey(work, KEY_C)).toEqual({ ok: true, id: work, orgs: 1 });
      expect(await accountKeysItem.getValue()).toEqual({ [work]: KEY_C, [home]: KEY_B });
      const accounts = await accountsItem.getValue();
      expect(accounts.map((a) => a.id)).toEqual([work, home]);
      expect(accounts[0]!.masked).toBe(`sk-ant-…•••${KEY_C.slice(-4)}`);
      expect((await orgsItem.getValue()).list.map((o) => o.uuid)).toEqual([
        ORG,
        `${work}/${ACME}`,
        `${home}/${BETA}`,
      ]);
      expect(
        rules.list.find((r) => r.condition.urlFilter.includes(work))!.action.requestHeaders[0]!
          .value,
      ).toBe(`sessionKey=${KEY_C}`);
    });

    it('refuses a new key that fails, keeping the old one and its rule', async () => {
      const before = await snapshot();
      const rulesBefore = structuredClone(rules.list);
      expect(await make().replaceKey(work, 'sk-ant-sid01-wrongwrongwrong')).toMatchObject({
        ok: false,
        error: 'rejected',
      });
      expect(await make().replaceKey(work, KEY_B)).toEqual({ ok: false, error: 'duplicate' });
      expect(await snapshot()).toBe(before);
      expect(rules.list).toEqual(rulesBefore);
    });

    it('renames an account and its organisations', async () => {
      expect(await make().rename(work, '  Office ')).toEqual({ ok: true });
      expect((await accountsItem.getValue()).map((a) => a.name)).toEqual(['Office', 'Home']);
      const orgs = await orgsItem.getValue();
      expect(orgs.list.map((o) => o.account?.name)).toEqual([undefined, 'Office', 'Home']);
      expect(await make().rename(work, '')).toEqual({ ok: false, error: 'name' });
    });

    it('drops the key of an account that is gone, and rebuilds rules the browser lost', async () => {
      await accountsItem.setValue((await accountsItem.getValue()).filter((a) => a.id !== work));
      rules.clear();
      const logins = await make().logins();
      expect(logins.map((l) => l.account.id)).toEqual([home]);
      expect(await accountKeysItem.getValue()).toEqual({ [home]: KEY_B });
      expect(rules.list.map((r) => r.action.requestHeaders[0]!.value)).toEqual([
        `sessionKey=${KEY_B}`,
      ]);
      // The client it gives reads with that key.
      const orgs = await logins[0]!.client.organizations();
      expect(orgs).toMatchObject({ ok: true, value: [{ uuid: `${home}/${BETA}` }] });
      expect(server.requests.at(-1)!.cookie).toBe(KEY_B);
      const updates = rules.updates;
      await make().logins();
      expect(rules.updates).toBe(updates);
    });
  });
});

describe('deleting an account’s history', () => {
  it('deletes the readings and day packs of that account only', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { createSnapshotRepo, openUsageDb } = await import('../../lib/db');
    const db = await openUsageDb(new IDBFactory());
    const repo = createSnapshotRepo(db);
    const orgIds = [ORG, `a11111111/${ACME}`, `a11111112/${ACME}`, `a22222222/${BETA}`];
    await repo.addMany(
      orgIds.flatMap((orgId) =>
        [0, 1, 30].map((d) => fakeReading(50, 10, { orgId, at: T0 + d * 86_400_000 })),
      ),
    );
    await repo.deletePrefix('a11111111/');
    const left = new Set((await db.getAll('snapshots')).map((s) => s.orgId));
    expect([...left].sort()).toEqual([ORG, `a11111112/${ACME}`, `a22222222/${BETA}`].sort());
    expect(await repo.count()).toBe(9);
    const packs = new Set((await db.getAll('days')).map((d) => d.orgId));
    expect([...packs].sort()).toEqual([...left].sort());
  });
});
