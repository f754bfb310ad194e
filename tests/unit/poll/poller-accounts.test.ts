import { beforeEach, describe, expect, it } from 'vitest';
import { keyRules, type Account } from '../../../lib/accounts/accounts';
import { latestItem, orgsItem, statusItem } from '../../../lib/storage/items';
import { createClaudeClient } from '../../../lib/usage/client';
import { ORG, T0, usagePayload } from '../support/builders';
import { fixture } from '../support/fixtures';
import { BROWSER, KEY, signedOut } from '../support/accounts';
import { ACME, ACME_KEY, HOST, pollerWorld, WORK, type PollerWorld } from '../support/poller-world';

describe('poller with an added login', () => {
  let w: PollerWorld;
  beforeEach(async () => {
    w = await pollerWorld();
  });

  it('reads both logins’ organisations, each with its own cookie, keeping the readings apart', async () => {
    expect(await w.makePoller().poll('install')).toEqual({ ok: true });
    const asked = w.server.requests.map((r) => `${r.cookie} ${r.path}`).sort();
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
    expect((await w.repo.latest(ACME_KEY))?.limits[0]!.percent).toBe(70);
  });

  it('an expired key marks only its own organisations; the others go on at their pace', async () => {
    const poller = w.makePoller();
    await poller.poll('install');
    w.server.logins.set(KEY, { all: signedOut });
    // The browser's usage rises: its schedule polls again in a minute, not after a failure's wait.
    w.server.logins.set(BROWSER, {
      orgs: [{ uuid: ORG, name: 'Personal' }],
      usage: { [ORG]: usagePayload(45, 10) },
    });
    w.clock += 2 * 60_000;
    expect(await poller.poll('alarm')).toEqual({ ok: true });
    const status = await statusItem.getValue();
    expect(status.lastError).toBeNull();
    expect(status.consecutiveFailures).toBe(0);
    expect(status.byOrg?.[ACME_KEY]).toMatchObject({
      lastSuccessAt: T0,
      lastError: { kind: 'signed_out', account: { id: WORK.id, name: 'Work' }, at: w.clock },
    });
    expect(status.byOrg?.[ORG]).toEqual({ lastSuccessAt: w.clock, lastError: null });
    expect(status.nextPollAt).toBe(w.clock + 60_000);
    expect(w.alarms.at(-1)!.when).toBe(w.clock + 60_000);
    expect(w.polled.at(-1)).toEqual([
      { kind: 'signed_out', status: 401, account: { id: WORK.id, name: 'Work' } },
    ]);
    // Its last good numbers stay, as for any failure.
    expect((await latestItem.getValue())[ACME_KEY]!.limits[0]!.percent).toBe(70);
  });

  it('asks for the added login’s prepaid balance with its own key and claude.ai’s uuid', async () => {
    w.server.logins.set(KEY, {
      orgs: [{ uuid: ACME, name: 'Acme' }],
      usage: { [ACME]: fixture('max-sep-2026.json') },
    });
    await w.makePoller().poll('install');
    const credits = w.server.requests.filter((r) => r.path.endsWith('/prepaid/credits'));
    expect(credits.map((r) => [r.cookie, r.path])).toEqual([
      [KEY, `/api/organizations/${ACME}/prepaid/credits`],
    ]);
  });

  it('a 429 from the added login holds everyone back until its Retry-After', async () => {
    const poller = w.makePoller();
    await poller.poll('install');
    w.server.logins.set(KEY, { all: { status: 429, body: {}, headers: { 'retry-after': '600' } } });
    w.clock += 2 * 60_000;
    const outcome = await poller.poll('alarm');
    expect(outcome.failure).toMatchObject({ kind: 'rate_limited', account: { id: WORK.id } });
    const retryAt = w.clock + 600_000;
    const status = await statusItem.getValue();
    expect(status.lastError).toMatchObject({ kind: 'rate_limited', retryAt });
    expect(status.consecutiveFailures).toBe(1);
    expect(w.alarms.at(-1)!.when).toBe(retryAt);
    w.server.requests.length = 0;
    w.clock += 60_000;
    expect((await poller.poll('refresh')).deferred).toMatchObject({
      why: 'retry_after',
      until: retryAt,
    });
    expect(w.server.requests).toEqual([]);
  });

  it('without added logins stores exactly what it stored before, with no extra request', async () => {
    const before = w.makePoller({ accounts: undefined });
    await before.poll('install');
    const orgsBefore = await orgsItem.getValue();
    const requestsBefore = w.server.requests.map((r) => r.url);
    fakeBrowser.reset();
    w.server.requests.length = 0;
    await w.makePoller({ accounts: async () => [] }).poll('install');
    const orgs = await orgsItem.getValue();
    expect(orgs).toEqual(orgsBefore);
    expect('accounts' in orgs).toBe(false);
    expect('gone' in orgs ? orgs.gone : []).toEqual([]);
    expect(w.server.requests.map((r) => r.url)).toEqual(requestsBefore);
    expect(w.server.requests.every((r) => r.cookie === BROWSER)).toBe(true);
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
    await w.makePoller({ accounts: async () => [] }).poll('install');
    expect((await orgsItem.getValue()).gone).toEqual([kept, left]);
    // Also beside another added login, and once the browser's list is read again.
    const HOME: Account = { ...WORK, id: 'a0h0o0m00', name: 'Home' };
    await w.rules.updateSessionRules({
      removeRuleIds: [1],
      addRules: keyRules([HOME], { [HOME.id]: KEY }, HOST),
    });
    const home = w.login(HOME);
    w.clock += 25 * 3600_000;
    await w.makePoller({ accounts: async () => [home] }).poll('alarm');
    const orgs = await orgsItem.getValue();
    expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${HOME.id}/${ACME}`]);
    expect(orgs.gone).toEqual(expect.arrayContaining([kept, left]));
  });

  it('a poll waits for an account change, and an account change for a running poll', async () => {
    const poller = w.makePoller();
    let release!: () => void;
    const change = poller.exclusively(
      () => new Promise<string>((r) => (release = () => r('done'))),
    );
    const poll = poller.poll('install');
    await new Promise((r) => setTimeout(r, 10));
    expect(w.server.requests).toEqual([]);
    release();
    expect(await change).toBe('done');
    await poll;
    expect(w.server.requests.length).toBeGreaterThan(0);

    // The other way round: a poll hanging on claude.ai holds the change back.
    let answer!: () => void;
    const slow = new Promise<void>((r) => (answer = r));
    const hanging = w.makePoller({
      accounts: async () => [],
      client: {
        ...createClaudeClient({ fetch: w.server.fetch, now: () => w.clock }),
        usage: async () => (await slow, { ok: true, value: { limits: [], extra: null } }),
      },
    });
    w.clock += 3 * 60_000;
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
