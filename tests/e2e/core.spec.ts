import { LEVEL_COLORS } from '../../lib/display/levels';
import type { PollStatus } from '../../lib/usage/types';
import { fixtureJson } from '../fixtures/fake-claude';
import { expect, SESSION_COOKIE_VALUE, test } from './harness';

/**
 * The worker's core promises, end to end: the production build in Chromium reads usage from
 * (a fake) https://claude.ai with the browser's own session, and the toolbar badge tells the truth.
 */

const API_ORG = '0b1c2d3e-0000-4000-8000-00000000a91e';
const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const SIGNED_OUT = fixtureJson('error-session-invalid.json');
const usagePath = (org: string) => `/api/organizations/${org}/usage`;

interface UsageWindow {
  utilization: number;
}
interface UsagePayload {
  five_hour: UsageWindow;
  seven_day: UsageWindow;
  limits: { kind: string; percent: number }[];
}

/** max-sep-2026.json with its session and weekly (all models) windows at the given percents. */
function usageAt(sessionPercent: number, weeklyPercent: number): UsagePayload {
  const usage = fixtureJson<UsagePayload>('max-sep-2026.json');
  usage.five_hour.utilization = sessionPercent;
  usage.seven_day.utilization = weeklyPercent;
  for (const limit of usage.limits) {
    if (limit.kind === 'session') limit.percent = sessionPercent;
    if (limit.kind === 'weekly_all') limit.percent = weeklyPercent;
  }
  return usage;
}

test.describe('reading usage with the browser session', () => {
  test('sends the session cookie and reads only chat organisations', async ({
    server,
    signIn,
    triggerPoll,
  }) => {
    await signIn();
    const status = await triggerPoll();

    expect(status.lastError).toBeNull();
    const usage = server.requests.filter((r) => r.path === usagePath(MAX_ORG));
    expect(usage.length).toBeGreaterThan(0);
    for (const r of usage) expect(r.cookie).toContain(`sessionKey=${SESSION_COOKIE_VALUE}`);
    // The API-only Console org has no chat usage: asking for it would only earn errors.
    expect(server.requests.filter((r) => r.path.includes(API_ORG))).toEqual([]);
  });

  test('a steady poll, once the organisations are known, makes exactly one request', async ({
    server,
    signIn,
    triggerPoll,
  }) => {
    // One chat organisation (and the API-only one), so a steady poll needs one usage request.
    const orgs = fixtureJson<{ uuid: string }[]>('organizations.json');
    server.setOrganizations(orgs.filter((o) => o.uuid === API_ORG || o.uuid === MAX_ORG));
    await signIn();
    await triggerPoll();
    const mark = server.requests.length;

    await triggerPoll();

    expect(server.requests.slice(mark).map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${usagePath(MAX_ORG)}`,
    ]);
  });
});

test.describe('the toolbar badge', () => {
  for (const [sample, text] of [
    ['max-sep-2026.json', '64%'],
    ['max-fable-scoped-aug-2026.json', '52%'],
  ] as const) {
    test(`shows the tightest limit: ${text} for ${sample}`, async ({
      server,
      signIn,
      triggerPoll,
      badge,
    }) => {
      server.setUsage('*', { body: fixtureJson(sample) });
      await signIn();
      await triggerPoll();
      expect((await badge()).text).toBe(text);
    });
  }

  test('turns from green to red as usage rises', async ({ server, signIn, triggerPoll, badge }) => {
    await signIn();
    server.setUsage('*', { body: usageAt(20, 10) });
    await triggerPoll();
    expect(await badge()).toEqual({ text: '20%', color: LEVEL_COLORS.ok });

    server.setUsage('*', { body: usageAt(95, 40) });
    await triggerPoll();
    expect(await badge()).toEqual({ text: '95%', color: LEVEL_COLORS.critical });
  });

  test('shows ! in grey before anyone signs in to claude.ai', async ({
    server,
    triggerPoll,
    badge,
  }) => {
    const status = await triggerPoll();
    expect(status.lastError?.kind).toBe('signed_out');
    expect(await badge()).toEqual({ text: '!', color: LEVEL_COLORS.stale });
    // No session cookie, so the fake answered 401 and nobody's usage was asked for.
    expect(server.requests.filter((r) => r.path.endsWith('/usage'))).toEqual([]);
  });

  for (const code of [401, 403]) {
    test(`drops the number for ! when claude.ai says the session is invalid (${code})`, async ({
      server,
      signIn,
      triggerPoll,
      badge,
    }) => {
      await signIn();
      await triggerPoll();
      expect((await badge()).text).toBe('64%');

      server.setUsage('*', { status: code, body: SIGNED_OUT });
      const status = await triggerPoll();
      expect(status.lastError?.kind).toBe('signed_out');
      expect(await badge()).toEqual({ text: '!', color: LEVEL_COLORS.stale });
    });
  }

  test('keeps the last number through a server error', async ({
    server,
    signIn,
    triggerPoll,
    badge,
    storageGet,
  }) => {
    await signIn();
    await triggerPoll();
    const latest = await storageGet<Record<string, unknown>>('latest');
    expect(Object.keys(latest ?? {})).toContain(MAX_ORG);

    server.setUsage('*', { status: 503, body: 'Service Unavailable' });
    const status = await triggerPoll();
    expect(status.lastError?.kind).toBe('server');
    expect((await badge()).text).toBe('64%');
    expect(await storageGet('latest')).toEqual(latest);
  });
});

test.describe('across a browser restart', () => {
  test('keeps the history and the number, even while claude.ai is down', async ({
    server,
    signIn,
    triggerPoll,
    badge,
    snapshotCount,
    storageGet,
    restart,
  }) => {
    await signIn();
    await triggerPoll();
    const before = await snapshotCount();
    expect(before).toBeGreaterThan(0);

    server.setUsage('*', { status: 503, body: 'Service Unavailable' });
    await restart();
    const status = await triggerPoll();

    expect(status.lastError?.kind).toBe('server');
    expect(await snapshotCount()).toBeGreaterThanOrEqual(before);
    expect((await badge()).text).toBe('64%');
    expect((await storageGet<PollStatus>('status'))?.lastSuccessAt).not.toBeNull();
  });
});
