import type { Worker } from '@playwright/test';
import { LEVEL_COLORS } from '../../lib/display/levels';
import type { FailureKind, PollStatus, Reading } from '../../lib/usage/types';
import { fixtureJson, fixtureText, type FakeResponse } from '../fixtures/fake-claude';
import type { ChromeApi } from './extension-state';
import { expect, test } from './harness';
import { goodPayload } from './payloads';
import { waitOutRetryAfter } from './time-passes';

declare const chrome: ChromeApi;

/**
 * The fault matrix, end to end: after a good reading, each fault keeps the worker running, keeps
 * the last good numbers (but for signed out), shows no NaN or blank, names the fault, backs off,
 * and the next good answer recovers fully.
 */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);
const HTML = { 'content-type': 'text/html; charset=UTF-8' };

/** max-sep-2026 with its session window replaced, and no `limits[]` to fall back on. */
function sessionWindow(window: unknown) {
  const usage = fixtureJson<Record<string, unknown>>('max-sep-2026.json');
  usage.five_hour = window;
  delete usage.limits;
  return { body: usage };
}

interface Fault {
  name: string;
  response: FakeResponse;
  /** The failure the status must name; null when the answer is read as a good reading. */
  kind: FailureKind | null;
  /** The badge expected during the fault; default: the last good number. */
  badge?: string;
  /** The least wait before the next poll, in seconds. */
  backoffAtLeast?: number;
}

const MATRIX: Fault[] = [
  {
    name: '401 session invalid',
    response: { status: 401, body: fixtureJson('error-session-invalid.json') },
    kind: 'signed_out',
    badge: '!',
  },
  {
    name: '403 session invalid',
    response: { status: 403, body: fixtureJson('error-session-invalid.json') },
    kind: 'signed_out',
    badge: '!',
  },
  {
    name: '403 invalid authorization for organization',
    response: { status: 403, body: fixtureJson('error-org-forbidden.json') },
    kind: 'org_forbidden',
  },
  {
    name: '403 Cloudflare challenge',
    response: {
      status: 403,
      headers: { ...HTML, 'cf-mitigated': 'challenge' },
      body: fixtureText('cloudflare-challenge.html'),
    },
    kind: 'challenge',
  },
  {
    name: '429 Retry-After: 120',
    response: {
      status: 429,
      headers: { 'retry-after': '120' },
      body: fixtureJson('error-rate-limited.json'),
    },
    kind: 'rate_limited',
    backoffAtLeast: 119,
  },
  {
    name: '429 Retry-After as an HTTP date',
    response: {
      status: 429,
      headers: { 'retry-after': new Date(Date.now() + 10 * 60_000).toUTCString() },
      body: '',
    },
    kind: 'rate_limited',
    backoffAtLeast: 300,
  },
  {
    name: '500',
    response: { status: 500, body: '{"type":"error"}' },
    kind: 'server',
    backoffAtLeast: 60,
  },
  {
    name: '502 with an HTML body',
    response: { status: 502, headers: HTML, body: '<html><body>Bad gateway</body></html>' },
    kind: 'server',
  },
  { name: 'connection reset', response: { reset: true }, kind: 'network' },
  {
    name: '451 (unavailable in this region)',
    response: { status: 451, headers: HTML, body: '<html><body>Unavailable</body></html>' },
    kind: 'region_blocked',
  },
  {
    name: 'a redirect to the region page on claude.com',
    response: {
      status: 302,
      headers: { location: 'https://claude.com/app-unavailable-in-region' },
    },
    kind: 'region_blocked',
  },
  {
    name: 'truncated JSON',
    response: {
      headers: { 'content-type': 'application/json' },
      body: '{"five_hour": {"utilization": 4',
    },
    kind: 'bad_payload',
  },
  {
    name: 'JSON of the wrong shape',
    response: { body: { hello: ['world'] } },
    kind: 'bad_payload',
  },
  {
    name: 'a negative percentage',
    response: sessionWindow({ utilization: -5, resets_at: null }),
    kind: 'bad_payload',
  },
  {
    name: 'a null percentage',
    response: sessionWindow({ utilization: null, resets_at: null }),
    kind: 'bad_payload',
  },
  {
    name: 'a percentage as a word',
    response: sessionWindow({ utilization: 'high', resets_at: null }),
    kind: 'bad_payload',
  },
];

/** Answers the extension reads as good readings, and the badge each gives. */
const TOLERATED: { name: string; response: FakeResponse; badge: string }[] = [
  {
    name: 'percentages as numeric strings',
    response: sessionWindow({ utilization: '71', resets_at: '2026-09-05T12:59:59.966454+00:00' }),
    badge: '71%',
  },
  {
    name: 'a percentage over 100',
    response: sessionWindow({ utilization: 130, resets_at: '2026-09-05T12:59:59.966454+00:00' }),
    badge: '130%',
  },
  {
    name: 'an unparsable resets_at',
    response: sessionWindow({ utilization: 66, resets_at: 'next tuesday' }),
    badge: '66%',
  },
  {
    name: 'limits[] only, no flat keys',
    response: { body: { limits: fixtureJson<{ limits: unknown[] }>('max-sep-2026.json').limits } },
    badge: '64%',
  },
  { name: 'flat keys with an empty limits[]', response: goodPayload(58), badge: '58%' },
];

async function title(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getTitle({}));
}

function expectClean(text: string) {
  expect(text).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
}

test.describe('the fault matrix', () => {
  test.setTimeout(120_000);

  test('every fault keeps the last good numbers and the next good answer recovers', async ({
    server,
    signIn,
    triggerPoll,
    badge,
    storageGet,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    let weekly = 40;
    server.setUsage('*', goodPayload(weekly));
    await triggerPoll();
    expect((await badge()).text).toBe('40%');

    for (const fault of MATRIX) {
      await test.step(fault.name, async () => {
        const latestBefore = await storageGet<Record<string, Reading>>('latest');
        const orgRequests = server.requests.filter((r) => r.path === '/api/organizations').length;
        server.setUsage('*', fault.response);
        const status = await triggerPoll();

        expect(status.lastError?.kind, fault.name).toBe(fault.kind);
        expect((status.lastError?.at ?? 0) > (status.lastSuccessAt ?? 0)).toBe(true);
        expect((await badge()).text).toBe(fault.badge ?? `${weekly}%`);
        expectClean(await title(await sw()));
        expect(await storageGet('latest')).toEqual(latestBefore);
        if (fault.backoffAtLeast) {
          expect(status.nextPollAt! - status.lastAttemptAt!).toBeGreaterThanOrEqual(
            fault.backoffAtLeast * 1000,
          );
        }
        if (fault.kind === 'org_forbidden') {
          // One re-discovery, not a loop.
          expect(server.requests.filter((r) => r.path === '/api/organizations').length).toBe(
            orgRequests + 1,
          );
        }

        weekly += 1;
        server.setUsage('*', goodPayload(weekly));
        // Nothing polls before Retry-After: let that time pass before the recovery poll.
        if (fault.kind === 'rate_limited') await waitOutRetryAfter(await sw());
        const recovered = await triggerPoll();
        expect(recovered.consecutiveFailures).toBe(0);
        expect(recovered.lastSuccessAt).toBeGreaterThan(recovered.lastError!.at);
        expect(await badge()).toEqual({ text: `${weekly}%`, color: LEVEL_COLORS.ok });
      });
    }
  });

  test('tolerable oddities are read, not refused, and never show NaN', async ({
    server,
    signIn,
    triggerPoll,
    badge,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    for (const odd of TOLERATED) {
      await test.step(odd.name, async () => {
        server.setUsage('*', odd.response);
        const status = await triggerPoll();
        expect(status.lastSuccessAt).toBeGreaterThanOrEqual(status.lastAttemptAt!);
        expect((await badge()).text).toBe(odd.badge);
        expectClean(await title(await sw()));
      });
    }
  });

  test('a server that never answers times out, keeps the numbers, and recovers', async ({
    server,
    signIn,
    triggerPoll,
    badge,
    storageGet,
    sw,
  }) => {
    test.setTimeout(90_000);
    server.setOrganizations(ONE_ORG);
    await signIn();
    server.setUsage('*', goodPayload(44));
    await triggerPoll();
    server.setUsage('*', { hang: true });
    const firedAt = await (
      await sw()
    ).evaluate(async () => {
      await chrome.alarms.create('poll', { when: Date.now() });
      return Date.now();
    });
    await expect
      .poll(async () => (await storageGet<PollStatus>('status'))?.lastError, {
        timeout: 40_000,
        intervals: [1000],
      })
      .toMatchObject({ kind: 'timeout' });
    const status = (await storageGet<PollStatus>('status'))!;
    // Bounded: the request was given up after about 20 s, not left hanging.
    expect(status.lastError!.at - firedAt).toBeLessThan(30_000);
    expect((await badge()).text).toBe('44%');
    server.setUsage('*', goodPayload(45));
    await triggerPoll();
    expect((await badge()).text).toBe('45%');
  });
});

test.describe('the worker under stress', () => {
  test('an alarm and a Refresh at the same moment send one request', async ({
    server,
    signIn,
    triggerPoll,
    sw,
    openPopup,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    server.setUsage('*', { ...goodPayload(50), delayMs: 500 });
    const page = await openPopup();
    await new Promise((r) => setTimeout(r, 1500)); // let anything the popup asked for on open settle
    const mark = server.requests.length;
    const worker = await sw();
    await Promise.all([
      worker.evaluate(() => chrome.alarms.create('poll', { when: Date.now() })),
      page.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' })),
      page.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' })),
    ]);
    await new Promise((r) => setTimeout(r, 2500));
    expect(server.requests.slice(mark).filter((r) => r.path.endsWith('/usage'))).toHaveLength(1);
  });

  test('a worker stopped in the middle of a poll wakes up again and writes no partial snapshot', async ({
    server,
    signIn,
    triggerPoll,
    sw,
    stopWorker,
    snapshotCount,
    storageGet,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    await triggerPoll();
    const before = await snapshotCount();
    server.setUsage('*', { ...goodPayload(60), delayMs: 3_000 });
    const mark = server.requests.length;
    await (await sw()).evaluate(() => chrome.alarms.create('poll', { when: Date.now() }));
    await server.waitForRequest(
      (r) => r.path.endsWith('/usage') && server.requests.indexOf(r) >= mark,
      10_000,
    );
    await stopWorker();
    await new Promise((r) => setTimeout(r, 3_500));

    // The alarm for the next poll was set before the work began, so the schedule survives.
    const alarm = await (await sw()).evaluate(() => chrome.alarms.get('poll'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
    expect(await snapshotCount()).toBe(before);

    server.setUsage('*', goodPayload(61));
    const status = await triggerPoll();
    expect(status.lastError).toBeNull();
    expect(await snapshotCount()).toBe(before + 1);
    expect(
      Object.values((await storageGet<Record<string, Reading>>('latest'))!)[0]!.limits[1]!.percent,
    ).toBe(61);
  });
});
