import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  accountClient,
  accountMarker,
  keyRules,
  type Account,
  type AddedLogin,
  type KeyRule,
} from '../../lib/accounts';
import { createSnapshotRepo, openUsageDb } from '../../lib/db';
import { createPoller, type PollerDeps } from '../../lib/poller';
import { createPollStore } from '../../lib/storage/poll-store';
import {
  alertStateItem,
  latestItem,
  orgsItem,
  routesItem,
  statusItem,
} from '../../lib/storage/items';
import { createNotifier } from '../../lib/notifier';
import {
  DEFAULT_CHANNEL_EVENTS,
  DEFAULT_ROUTES,
  type AlertPayload,
} from '../../lib/channels/types';
import { createClaudeClient } from '../../lib/usage/client';
import type { Failure } from '../../lib/usage/types';
import { ORG, T0, usagePayload } from './support/builders';
import { BROWSER, fakeRules, KEY, keyedServer, signedOut } from './support/accounts';

const HOST = 'abcdefghijklmnopabcdefghijklmnop';
const WORK: Account = { id: 'a0w0r0k00', name: 'Work', masked: 'sk-ant-…•••AAAA', addedAt: T0 };
const ACME = '1a2b3c4d-0000-4000-8000-00000000ac3e';
const ACME_KEY = `${WORK.id}/${ACME}`;

describe('poller with an added login', () => {
  let clock: number;
  let rules: ReturnType<typeof fakeRules<KeyRule>>;
  let server: ReturnType<typeof keyedServer>;
  let repo: ReturnType<typeof createSnapshotRepo>;
  let alarms: { when: number }[];
  let polled: Failure[][];

  beforeEach(async () => {
    fakeBrowser.reset();
    clock = T0;
    alarms = [];
    polled = [];
    rules = fakeRules<KeyRule>();
    await rules.updateSessionRules({
      removeRuleIds: [],
      addRules: keyRules([WORK], { [WORK.id]: KEY }, HOST),
    });
    server = keyedServer(rules);
    server.logins.set(BROWSER, {
      orgs: [{ uuid: ORG, name: 'Personal' }],
      usage: { [ORG]: usagePayload(40, 10) },
    });
    server.logins.set(KEY, {
      orgs: [{ uuid: ACME, name: 'Acme' }],
      usage: { [ACME]: usagePayload(70, 20) },
    });
    repo = createSnapshotRepo(await openUsageDb(new IDBFactory()));
  });

  const work = (): AddedLogin => ({
    account: WORK,
    client: accountClient(
      createClaudeClient({ fetch: server.fetch, now: () => clock, marker: accountMarker(WORK.id) }),
      WORK,
    ),
  });

  function makePoller(overrides: Partial<PollerDeps> = {}) {
    return createPoller({
      client: createClaudeClient({ fetch: server.fetch, now: () => clock }),
      openRepo: async () => repo,
      store: createPollStore(),
      scheduleAlarm: async (_name, info) => void alarms.push(info),
      afterPoll: async () => undefined,
      onPolled: async (_state, _readings, failures) => void polled.push(failures),
      accounts: async () => [work()],
      spacingMs: 0,
      now: () => clock,
      ...overrides,
    });
  }

  it('reads both logins’ organisations, each with its own cookie, keeping the readings apart', async () => {
    expect(await makePoller().poll('install')).toEqual({ ok: true });
    const asked = server.requests.map((r) => `${r.cookie} ${r.path}`).sort();
    expect(asked).toEqual(
      [
        `${BROWSER} /api/organizations`,
        `${BROWSER} /api/organizations/${ORG}/usage`,
        `${KEY} /api/organizations`,
        `${KEY} /api/organizations/${ACME}/usage`,
      ].sort(),
    );
    const latest = await latestItem.getValue();
    expect(Object.keys(latest).sort()).toEqual([ACME_KEY, ORG].sort());
    expect(latest[ORG]!.limits[0]!.percent).toBe(40);
    expect(latest[ACME_KEY]!.limits[0]!.percent).toBe(70);
    expect(latest[ACME_KEY]!.orgId).toBe(ACME_KEY);
    const orgs = await orgsItem.getValue();
    expect(orgs.list.map((o) => [o.uuid, o.account?.name])).toEqual([
      [ORG, undefined],
      [ACME_KEY, 'Work'],
    ]);
    expect(orgs.accounts).toEqual({ [WORK.id]: T0 });
    expect((await repo.latest(ACME_KEY))?.limits[0]!.percent).toBe(70);
  });

  it('an expired key marks only its own organisations; the others go on at their pace', async () => {
    const poller = makePoller();
    await poller.poll('install');
    server.logins.set(KEY, { all: signedOut });
    // The browser's usage rises: its schedule polls again in a minute, not after a failure's wait.
    server.logins.set(BROWSER, {
      orgs: [{ uuid: ORG, name: 'Personal' }],
      usage: { [ORG]: usagePayload(45, 10) },
    });
    clock += 2 * 60_000;
    expect(await poller.poll('alarm')).toEqual({ ok: true });
    const status = await statusItem.getValue();
    expect(status.lastError).toBeNull();
    expect(status.consecutiveFailures).toBe(0);
    expect(status.byOrg?.[ACME_KEY]).toMatchObject({
      lastSuccessAt: T0,
      lastError: { kind: 'signed_out', account: { id: WORK.id, name: 'Work' }, at: clock },
    });
    expect(status.byOrg?.[ORG]).toEqual({ lastSuccessAt: clock, lastError: null });
    expect(status.nextPollAt).toBe(clock + 60_000);
    expect(alarms.at(-1)!.when).toBe(clock + 60_000);
    expect(polled.at(-1)).toEqual([
      { kind: 'signed_out', status: 401, account: { id: WORK.id, name: 'Work' } },
    ]);
    // Its last good numbers stay, as for any failure.
    expect((await latestItem.getValue())[ACME_KEY]!.limits[0]!.percent).toBe(70);
  });

  it('a 429 from the added login holds everyone back until its Retry-After', async () => {
    const poller = makePoller();
    await poller.poll('install');
    server.logins.set(KEY, { all: { status: 429, body: {}, headers: { 'retry-after': '600' } } });
    clock += 2 * 60_000;
    const outcome = await poller.poll('alarm');
    expect(outcome.failure).toMatchObject({ kind: 'rate_limited', account: { id: WORK.id } });
    const retryAt = clock + 600_000;
    const status = await statusItem.getValue();
    expect(status.lastError).toMatchObject({ kind: 'rate_limited', retryAt });
    expect(status.consecutiveFailures).toBe(1);
    expect(alarms.at(-1)!.when).toBe(retryAt);
    server.requests.length = 0;
    clock += 60_000;
    expect((await poller.poll('refresh')).deferred).toMatchObject({
      why: 'retry_after',
      until: retryAt,
    });
    expect(server.requests).toEqual([]);
  });

  it('without added logins stores exactly what it stored before, with no extra request', async () => {
    const before = makePoller({ accounts: undefined });
    await before.poll('install');
    const orgsBefore = await orgsItem.getValue();
    const requestsBefore = server.requests.map((r) => r.url);
    fakeBrowser.reset();
    server.requests.length = 0;
    await makePoller({ accounts: async () => [] }).poll('install');
    const orgs = await orgsItem.getValue();
    expect(orgs).toEqual(orgsBefore);
    expect('accounts' in orgs).toBe(false);
    expect('gone' in orgs ? orgs.gone : []).toEqual([]);
    expect(server.requests.map((r) => r.url)).toEqual(requestsBefore);
    expect(server.requests.every((r) => r.cookie === BROWSER)).toBe(true);
  });

  it('keeps the names of a removed login’s kept history through later polls', async () => {
    const kept = {
      uuid: ACME_KEY,
      name: 'Acme',
      plan: 'Team',
      account: { id: WORK.id, name: 'Work' },
    };
    const left = { uuid: 'old-uuid', name: 'Old team', plan: 'Team' };
    await orgsItem.setValue({ list: [], discoveredAt: null, gone: [kept, left] });
    await makePoller({ accounts: async () => [] }).poll('install');
    expect((await orgsItem.getValue()).gone).toEqual([kept, left]);
    // Also beside another added login, and once the browser's list is read again.
    const HOME: Account = { ...WORK, id: 'a0h0o0m00', name: 'Home' };
    await rules.updateSessionRules({
      removeRuleIds: [1],
      addRules: keyRules([HOME], { [HOME.id]: KEY }, HOST),
    });
    const home: AddedLogin = {
      account: HOME,
      client: accountClient(
        createClaudeClient({
          fetch: server.fetch,
          now: () => clock,
          marker: accountMarker(HOME.id),
        }),
        HOME,
      ),
    };
    clock += 25 * 3600_000;
    await makePoller({ accounts: async () => [home] }).poll('alarm');
    const orgs = await orgsItem.getValue();
    expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${HOME.id}/${ACME}`]);
    expect(orgs.gone).toEqual(expect.arrayContaining([kept, left]));
  });

  it('with the notifier: one sign-out notice while the added login reads, its expiry once, named', async () => {
    const shown: string[] = [];
    const sent: AlertPayload[] = [];
    await routesItem.setValue({
      ...DEFAULT_ROUTES,
      channels: [
        {
          id: 'ch',
          name: 'Phone',
          enabled: true,
          events: { ...DEFAULT_CHANNEL_EVENTS },
          type: 'ntfy',
          server: 'https://ntfy.sh',
          topic: 'mine',
          token: '',
        },
      ],
    });
    const notifier = createNotifier({
      notifications: { create: async (id, o) => (shown.push(o.title), id) },
      state: alertStateItem,
      iconUrl: 'icon.png',
      now: () => clock,
      localMinutes: () => 12 * 60,
      channels: { routes: routesItem, send: async (_c, p) => void sent.push(p) },
    });
    const poller = makePoller({
      onPolled: (state, readings, failures) => notifier.afterPoll(state, readings, failures),
    });
    await poller.poll('install');
    server.logins.set(BROWSER, { all: signedOut });
    server.logins.set(KEY, {
      orgs: [{ uuid: ACME, name: 'Acme' }],
      usage: { [ACME]: usagePayload(92, 20) },
    });
    for (let i = 0; i < 3; i++) {
      clock += 2 * 60_000;
      await poller.poll('alarm');
    }
    expect(shown.filter((t) => t === 'Signed out of claude.ai')).toHaveLength(1);
    expect(sent.find((p) => p.event === 'threshold')?.organization).toBe('Work · Acme');
    server.logins.set(KEY, { all: signedOut });
    for (let i = 0; i < 3; i++) {
      clock += 2 * 60_000;
      await poller.poll('alarm');
    }
    expect(shown.filter((t) => t === 'Work: session key expired')).toHaveLength(1);
    expect(shown.filter((t) => t === 'Signed out of claude.ai')).toHaveLength(1);
  });

  it('a poll waits for an account change, and an account change for a running poll', async () => {
    const poller = makePoller();
    let release!: () => void;
    const change = poller.exclusively(
      () => new Promise<string>((r) => (release = () => r('done'))),
    );
    const poll = poller.poll('install');
    await new Promise((r) => setTimeout(r, 10));
    expect(server.requests).toEqual([]);
    release();
    expect(await change).toBe('done');
    await poll;
    expect(server.requests.length).toBeGreaterThan(0);

    // The other way round: a poll hanging on claude.ai holds the change back.
    let answer!: () => void;
    const slow = new Promise<void>((r) => (answer = r));
    const hanging = makePoller({
      accounts: async () => [],
      client: {
        ...createClaudeClient({ fetch: server.fetch, now: () => clock }),
        usage: async () => (await slow, { ok: true, value: { limits: [], extra: null } }),
      },
    });
    clock += 3 * 60_000;
    const running = hanging.poll('alarm');
    await new Promise((r) => setTimeout(r, 10));
    let ran = false;
    const after = hanging.exclusively(async () => void (ran = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(ran).toBe(false);
    answer();
    await running;
    await after;
    expect(ran).toBe(true);
  });
});
