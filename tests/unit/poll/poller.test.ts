import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSnapshotRepo, openUsageDb } from '../../../lib/storage/db';
import { createPollStore } from '../../../lib/storage/poll-store';
import { createPoller } from '../../../lib/poll/poller';
import { latestItem, orgsItem, settingsItem, statusItem } from '../../../lib/storage/items';
import { createClaudeClient } from '../../../lib/usage/client';
import { fixture, fixtureText } from '../support/fixtures';
import { ORG, T0, usagePayload } from '../support/builders';

type Reply = { status?: number; body: unknown; headers?: Record<string, string> } | Error;

/** A fake claude.ai: replies by path, a queue per path whose last reply repeats. */
function fakeServer() {
  const routes = new Map<string, Reply[]>();
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    requests.push(path);
    expect(init?.credentials).toBe('include');
    const queue = routes.get(path) ?? [{ status: 404, body: 'not found' }];
    const reply = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (reply instanceof Error) throw reply;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status ?? 200, headers: reply.headers });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    on: (path: string, ...replies: Reply[]) => void routes.set(path, replies),
  };
}

const USAGE = `/api/organizations/${ORG}/usage`;
const TEAM = '9d8e7f6a-2222-4222-8222-0000000071ea';
const TEAM_USAGE = `/api/organizations/${TEAM}/usage`;
/** The personal sample has extra usage enabled, so its prepaid balance is asked for hourly. */
const CREDITS = `/api/organizations/${ORG}/prepaid/credits`;

describe('poller', () => {
  let clock: number;
  let server: ReturnType<typeof fakeServer>;
  let repo: ReturnType<typeof createSnapshotRepo>;
  let alarms: { when: number }[];
  let poller: ReturnType<typeof createPoller>;
  let badgeUpdates: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    clock = T0;
    alarms = [];
    badgeUpdates = 0;
    server = fakeServer();
    server.on('/api/organizations', { body: fixture('organizations.json') });
    server.on(USAGE, { body: fixture('max-sep-2026.json') });
    server.on(TEAM_USAGE, { body: fixture('max-fable-scoped-aug-2026.json') });
    repo = createSnapshotRepo(await openUsageDb(new IDBFactory()));
    poller = makePoller();
  });

  /** A poller on the fake server and this test's clock, with `overrides` for its dependencies. */
  function makePoller(overrides: Partial<Parameters<typeof createPoller>[0]> = {}) {
    return createPoller({
      client: createClaudeClient({ fetch: server.fetch, now: () => clock }),
      openRepo: async () => repo,
      store: createPollStore(),
      scheduleAlarm: async (_name, info) => void alarms.push(info),
      afterPoll: async () => void badgeUpdates++,
      spacingMs: 0,
      now: () => clock,
      ...overrides,
    });
  }

  it('finds the chat organisations, reads the usage of each and keeps the readings', async () => {
    expect(await poller.poll('install')).toEqual({ ok: true });
    expect(server.requests).toEqual(['/api/organizations', USAGE, TEAM_USAGE, CREDITS]);
    const latest = await latestItem.getValue();
    expect(latest[ORG]?.limits.map((l) => l.percent)).toEqual([48, 64, 2]);
    expect(latest[TEAM]?.limits.map((l) => l.percent)).toEqual([50, 39, 52]);
    expect(await repo.count()).toBe(2);
    const status = await statusItem.getValue();
    expect(status).toMatchObject({ lastSuccessAt: T0, consecutiveFailures: 0, pollingSince: null });
    expect(badgeUpdates).toBe(1);
  });

  it('makes one request per organisation per steady poll once the organisations are known', async () => {
    await poller.poll('install');
    clock += 2 * 60_000;
    await poller.poll('alarm');
    expect(server.requests.slice(4)).toEqual([USAGE, TEAM_USAGE]);
    expect(await repo.count()).toBe(4);
  });

  it('joins a poll already running instead of sending a second request', async () => {
    await poller.poll('install');
    clock += 60_000;
    server.requests.length = 0;
    const results = await Promise.all([
      poller.poll('alarm'),
      poller.poll('refresh'),
      poller.poll('startup'),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.requests).toEqual([USAGE, TEAM_USAGE]);
  });

  it('keeps the last good numbers through a failure and backs off', async () => {
    await poller.poll('install');
    server.on(USAGE, {
      status: 503,
      body: '<html>down</html>',
      headers: { 'content-type': 'text/html' },
    });
    clock += 2 * 60_000;
    expect((await poller.poll('alarm')).failure?.kind).toBe('server');
    expect((await latestItem.getValue())[ORG]?.limits[1]?.percent).toBe(64);
    const status = await statusItem.getValue();
    expect(status.lastError).toMatchObject({ kind: 'server', status: 503, at: clock });
    expect(status.byOrg?.[ORG]).toMatchObject({
      lastSuccessAt: T0,
      lastError: { kind: 'server', at: clock },
    });
    expect(status.consecutiveFailures).toBe(1);
    expect(alarms.at(-1)!.when).toBe(clock + 2 * 60_000);
    clock += 2 * 60_000;
    await poller.poll('alarm');
    expect(alarms.at(-1)!.when).toBe(clock + 4 * 60_000);
  });

  it('recovers fully on the next good answer', async () => {
    server.on(USAGE, new TypeError('Failed to fetch'), { body: usagePayload(20, 30) });
    expect((await poller.poll('install')).failure?.kind).toBe('network');
    clock += 60_000;
    expect(await poller.poll('alarm')).toEqual({ ok: true });
    expect((await statusItem.getValue()).consecutiveFailures).toBe(0);
  });

  it('re-discovers the organisations once when one is refused, not in a loop', async () => {
    await poller.poll('install');
    server.requests.length = 0;
    server.on(USAGE, { status: 403, body: fixtureText('error-org-forbidden.json') });
    clock += 60_000;
    expect((await poller.poll('alarm')).failure?.kind).toBe('org_forbidden');
    // Both organisations are asked at once (a run no longer waits on each in turn); only the
    // refused one is asked again after the one re-discovery.
    expect(server.requests).toEqual([USAGE, TEAM_USAGE, '/api/organizations', USAGE]);
    clock += 60_000;
    server.requests.length = 0;
    await poller.poll('alarm');
    expect(server.requests).toEqual([USAGE, TEAM_USAGE, '/api/organizations', USAGE]);
  });

  it('keeps each organisation apart: one failing does not hide the other', async () => {
    server.on(TEAM_USAGE, { status: 429, body: fixtureText('error-rate-limited.json') });
    const outcome = await poller.poll('install');
    expect(outcome).toMatchObject({ ok: true, failure: { kind: 'rate_limited' } });
    const status = await statusItem.getValue();
    expect(status.byOrg?.[ORG]).toEqual({ lastSuccessAt: T0, lastError: null });
    expect(status.byOrg?.[TEAM]?.lastError?.kind).toBe('rate_limited');
    expect(Object.keys(await latestItem.getValue())).toEqual([ORG]);
  });

  it('forgets an organisation that left the account from the live view, keeping its history', async () => {
    await poller.poll('install');
    server.on('/api/organizations', {
      body: [{ uuid: 'new-org', name: 'New', capabilities: ['chat'] }],
    });
    server.on('/api/organizations/new-org/usage', { body: usagePayload(5, 6) });
    server.on(USAGE, { status: 403, body: fixtureText('error-org-forbidden.json') });
    clock += 60_000;
    expect(await poller.poll('alarm')).toEqual({ ok: true });
    expect(Object.keys(await latestItem.getValue())).toEqual(['new-org']);
    const orgs = await orgsItem.getValue();
    expect(orgs.list.map((o) => o.uuid)).toEqual(['new-org']);
    expect(orgs.gone?.map((o) => o.uuid)).toEqual([ORG, TEAM]);
    expect(await repo.count()).toBe(3);
  });

  it('makes no request at all without host access to claude.ai, and says so', async () => {
    const p = makePoller({ hasHostAccess: async () => false });
    expect((await p.poll('install')).failure?.kind).toBe('no_access');
    expect(server.requests).toEqual([]);
    expect((await statusItem.getValue()).lastError?.kind).toBe('no_access');
  });

  it('says so when the account has no chat organisation', async () => {
    server.on('/api/organizations', { body: [{ uuid: 'api-only', capabilities: ['api'] }] });
    expect((await poller.poll('install')).failure?.kind).toBe('no_chat_org');
    expect(server.requests).toEqual(['/api/organizations']);
  });

  it('still shows a reading that could not be stored', async () => {
    const failing = {
      ...repo,
      addMany: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    };
    const errors: unknown[] = [];
    const p = makePoller({
      openRepo: async () => failing,
      onStoreError: (e) => void errors.push(e),
    });
    expect(await p.poll('install')).toEqual({ ok: true });
    expect((await latestItem.getValue())[ORG]).toBeDefined();
    expect(errors).toHaveLength(1);
    expect((await statusItem.getValue()).storeError).toMatchObject({
      at: T0,
      detail: expect.stringContaining('QuotaExceededError'),
    });
    clock += 60_000;
    await p.poll('alarm');
    expect(errors).toHaveLength(1); // reported once, not at every poll
    expect((await statusItem.getValue()).storeError?.at).toBe(T0);
  });

  it('clears the storage problem once readings are stored again', async () => {
    let full = true;
    const flaky = {
      ...repo,
      addMany: async (readings: Parameters<typeof repo.addMany>[0]) =>
        full
          ? Promise.reject(new DOMException('full', 'QuotaExceededError'))
          : repo.addMany(readings),
    };
    const p = makePoller({ openRepo: async () => flaky });
    await p.poll('install');
    expect((await statusItem.getValue()).storeError).not.toBeNull();
    full = false;
    clock += 60_000;
    await p.poll('alarm');
    expect((await statusItem.getValue()).storeError).toBeNull();
    expect(await repo.count()).toBe(2);
  });

  it('asks for the prepaid balance at most hourly, and a failed read never fails the poll', async () => {
    server.on(CREDITS, { status: 500, body: 'down' }, { body: fixture('prepaid-credits.json') });
    expect(await poller.poll('install')).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) {
      clock += 10 * 60_000;
      expect(await poller.poll('alarm')).toEqual({ ok: true });
    }
    expect(server.requests.filter((p) => p === CREDITS)).toHaveLength(1);
    expect((await latestItem.getValue())[ORG]?.prepaid?.balance).toBeNull();
    clock += 10 * 60_000;
    await poller.poll('alarm');
    expect(server.requests.filter((p) => p === CREDITS)).toHaveLength(2);
    expect((await latestItem.getValue())[ORG]?.prepaid?.balance?.amountMinor).toBe(366);
    // The team sample has no extra usage: its balance is never asked for.
    expect(server.requests.some((p) => p.startsWith(`/api/organizations/${TEAM}/prepaid`))).toBe(
      false,
    );
  });

  it('re-reads the organisation list once a day', async () => {
    await poller.poll('install');
    clock += 25 * 3600_000;
    server.requests.length = 0;
    await poller.poll('alarm');
    expect(server.requests).toEqual(['/api/organizations', USAGE, TEAM_USAGE, CREDITS]);
  });

  it('clears a poll left unfinished by a stopped worker before polling again', async () => {
    await statusItem.setValue({ ...(await statusItem.getValue()), pollingSince: T0 - 60_000 });
    await poller.recover();
    expect((await statusItem.getValue()).pollingSince).toBeNull();
    expect(await poller.poll('alarm')).toEqual({ ok: true });
    expect((await statusItem.getValue()).pollingSince).toBeNull();
  });

  describe('etiquette: what a person does never sends a request claude.ai asked us not to', () => {
    it('after a 429 with Retry-After: 600, no click, open, page or alarm asks before that time', async () => {
      await poller.poll('install');
      server.on(USAGE, {
        status: 429,
        headers: { 'retry-after': '600' },
        body: fixtureText('error-rate-limited.json'),
      });
      clock += 2 * 60_000;
      await poller.poll('alarm');
      const retryAt = clock + 600_000;
      server.requests.length = 0;
      for (let i = 0; i < 9; i++) {
        clock += 60_000;
        for (const trigger of ['refresh', 'open', 'page', 'alarm', 'startup'] as const) {
          const outcome = await poller.poll(trigger);
          expect(outcome.deferred).toEqual({ go: false, why: 'retry_after', until: retryAt });
        }
      }
      expect(server.requests).toEqual([]);
      // The schedule is moved to the Retry-After time rather than firing for nothing.
      expect(alarms.at(-1)!.when).toBe(retryAt);
      clock = retryAt;
      await poller.poll('alarm');
      expect(server.requests).toEqual([USAGE, TEAM_USAGE]);
    });

    it('during an outage a click tries at most once a minute and opening the popup never', async () => {
      await poller.poll('install');
      server.on(USAGE, {
        status: 503,
        body: '<html>down</html>',
        headers: { 'content-type': 'text/html' },
      });
      server.on(TEAM_USAGE, {
        status: 503,
        body: '<html>down</html>',
        headers: { 'content-type': 'text/html' },
      });
      clock += 2 * 60_000;
      await poller.poll('alarm');
      server.requests.length = 0;
      // Twenty seconds of a worried person: a click and an open every second.
      for (let i = 0; i < 20; i++) {
        clock += 1000;
        await poller.poll('open');
        await poller.poll('refresh');
      }
      expect(server.requests).toEqual([]);
      clock += 40_000; // a minute after the failed try
      expect((await poller.poll('refresh')).deferred).toBeUndefined();
      expect(server.requests).toEqual([USAGE, TEAM_USAGE]);
      clock += 30_000;
      expect((await poller.poll('refresh')).deferred).toMatchObject({ why: 'spacing' });
      expect((await poller.poll('open')).deferred).toMatchObject({ why: 'backoff' });
      expect(server.requests).toHaveLength(2);
    });

    it('a page asking too soon after a poll moves the next poll earlier instead of asking now', async () => {
      await poller.poll('install');
      server.requests.length = 0;
      clock += 20_000;
      const outcome = await poller.poll('page');
      expect(outcome.deferred).toEqual({ go: false, why: 'spacing', until: T0 + 60_000 });
      expect(server.requests).toEqual([]);
      expect(alarms.at(-1)!.when).toBe(T0 + 60_000);
      expect((await statusItem.getValue()).nextPollAt).toBe(T0 + 60_000);
      // Asked again before then: nothing new, the earlier poll stands.
      clock += 10_000;
      const count = alarms.length;
      await poller.poll('page');
      expect(alarms).toHaveLength(count);
      clock = T0 + 60_000;
      expect((await poller.poll('page')).deferred).toBeUndefined();
      expect(server.requests).toEqual([USAGE, TEAM_USAGE]);
    });

    it('opening the popup while signed out reads again, so signing back in is noticed', async () => {
      await poller.poll('install');
      server.on(USAGE, { status: 401, body: fixtureText('error-session-invalid.json') });
      clock += 10_000;
      await poller.poll('refresh');
      expect((await statusItem.getValue()).lastError?.kind).toBe('signed_out');
      server.on(USAGE, { body: fixture('max-sep-2026.json') });
      clock += 10_000; // still within a minute of the last good poll
      expect(await poller.poll('open')).toMatchObject({ ok: true });
      expect((await statusItem.getValue()).consecutiveFailures).toBe(0);
    });
  });

  it('gives up on a hanging claude.ai once per run, not once per organisation', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    await poller.poll('install');
    const p = makePoller({
      client: createClaudeClient({ fetch: hanging, now: () => clock, timeoutMs: 10_000 }),
      runBudgetMs: 300,
      spacingMs: 50,
    });
    clock += 60_000;
    const started = performance.now();
    const outcome = await p.poll('alarm');
    const took = performance.now() - started;
    expect(outcome.failure?.kind).toBe('timeout');
    // Both organisations ran out of the same 300 ms: far below 2 × the client's own 10 s.
    expect(took).toBeLessThan(5_000);
    const status = await statusItem.getValue();
    expect(status.byOrg?.[ORG]?.lastError?.kind).toBe('timeout');
    expect(status.byOrg?.[TEAM]?.lastError?.kind).toBe('timeout');
  });

  it('follows a new poll interval without polling', async () => {
    await poller.poll('install');
    server.requests.length = 0;
    await settingsItem.setValue({ ...(await settingsItem.getValue()), pollMinutes: 10 });
    await poller.reschedule();
    expect(server.requests).toEqual([]);
    expect(alarms.at(-1)).toEqual({ when: T0 + 10 * 60_000, periodInMinutes: 10 });
  });
});
