import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alertStateItem } from '../../../lib/storage/items';
import { compactHistory, HOURLY_AFTER_DAYS } from '../../../lib/history/compaction';
import { createSnapshotRepo, openUsageDb, type Snapshot } from '../../../lib/storage/db';
import { createNotifier } from '../../../lib/alerts/notifier';
import { createPollStore } from '../../../lib/storage/poll-store';
import { createPoller } from '../../../lib/poll/poller';
import { settingsItem } from '../../../lib/storage/items';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { createClaudeClient } from '../../../lib/usage/client';
import type { Reading } from '../../../lib/usage/types';
import { ORG } from '../support/builders';
import { fixture, fixtureText } from '../support/fixtures';
import { usageModel, type UsageModel } from '../support/usage-model';

/**
 * Months of polling in a few seconds: 5,000 polls through the real poller, client, notifier and
 * alert decisions, with the daily compaction, on fake-indexeddb and fake time. Storage must stay
 * within the retention policy, every notification must be the one the thresholds call for, and
 * nothing may be left behind (timers, listeners).
 */

const POLLS = 5_000;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.parse('2026-01-05T00:00:00Z');
const TEAM = '9d8e7f6a-2222-4222-8222-0000000071ea';
const LEVELS = [75, 90, 95, 100];

const SETTINGS: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  pollMinutes: 40,
  pollFasterWhileRising: false,
  // No cooldown and no forecasts: the thresholds alone decide what is shown.
  notifications: {
    ...structuredClone(DEFAULT_SETTINGS.notifications),
    cooldownHours: 0,
    forecast: false,
  },
  history: { rawDays: 2, totalDays: 100 },
};
const { rawDays, totalDays } = SETTINGS.history;

/** Poll numbers at which claude.ai fails: signed out twice in a row, or one server error. */
const signedOutAt = (i: number) => i % 500 === 250 || i % 500 === 251;
const serverErrorAt = (i: number) => i % 700 === 350;

/** What a person should be shown, worked out from the model alone (the oracle). */
function expectedNotices(served: { poll: number; orgId: string; model: UsageModel; at: number }[]) {
  const out: string[] = [];
  const windows = new Map<string, { index: number; peak: number; fired: Set<number> }>();
  for (const { poll, orgId, model, at } of served) {
    for (const w of model.at(at)) {
      const key = `${orgId}|${w.limitId}`;
      let seen = windows.get(key);
      if (seen && seen.index !== w.index) {
        if (seen.peak >= SETTINGS.notifications.resetAfterPercent) out.push(`${poll} reset ${key}`);
        seen = undefined;
      }
      seen ??= { index: w.index, peak: 0, fired: new Set() };
      windows.set(key, seen);
      seen.peak = Math.max(seen.peak, w.percent);
      const passed = LEVELS.filter((l) => w.percent >= l && !seen.fired.has(l));
      passed.forEach((l) => seen.fired.add(l));
      if (passed.length > 0)
        out.push(`${poll} ${Math.max(...passed) >= 100 ? 'reached' : 'threshold'} ${key}`);
    }
  }
  return { notices: out, windows };
}

describe('soak: 5,000 polls over months', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    vi.setSystemTime(START);
  });
  afterEach(() => void vi.useRealTimers());

  it('keeps storage within the retention policy, alerts exactly as the thresholds say, and leaks nothing', async () => {
    const models: Record<string, UsageModel> = {
      [ORG]: usageModel(START, 1),
      [TEAM]: usageModel(START - 2 * HOUR, 2),
    };
    let poll = 0;
    const fetch = async (input: RequestInfo | URL) => {
      const path = new URL(String(input)).pathname;
      if (signedOutAt(poll))
        return new Response(fixtureText('error-session-invalid.json'), { status: 401 });
      if (serverErrorAt(poll)) return new Response('<html>oops</html>', { status: 500 });
      if (path === '/api/organizations') return Response.json(fixture('organizations.json'));
      const orgId = path.split('/')[3]!;
      return Response.json(models[orgId]!.payload(Date.now()));
    };

    const repo = createSnapshotRepo(await openUsageDb(new IDBFactory()));
    await settingsItem.setValue(SETTINGS);
    const listeners = countListeners();
    const shown: string[] = [];
    const served: {
      poll: number;
      orgId: string;
      model: UsageModel;
      at: number;
      reading: Reading;
    }[] = [];
    const notifier = createNotifier({
      notifications: {
        create: async (id) => {
          const [kind, key] = id.split(':');
          shown.push(key ? `${poll} ${kind} ${key}` : `${poll} ${kind}`);
          return id;
        },
      },
      state: alertStateItem,
      iconUrl: 'icon.png',
      now: () => Date.now(),
      localMinutes: () => Math.floor((Date.now() % DAY) / MIN),
    });
    let next = START;
    const poller = createPoller({
      client: createClaudeClient({
        fetch: fetch as typeof globalThis.fetch,
        now: () => Date.now(),
      }),
      openRepo: async () => repo,
      store: createPollStore(),
      scheduleAlarm: async (_name, info) => void (next = info.when),
      afterPoll: async () => undefined,
      onPolled: async (state, readings, failures) => {
        for (const { org, reading } of readings)
          served.push({ poll, orgId: org.uuid, model: models[org.uuid]!, at: reading.at, reading });
        await notifier.afterPoll(state, readings, failures);
      },
      now: () => Date.now(),
    });

    let compactedDay = Math.floor(START / DAY);
    let snapshots: Snapshot[] = [];
    for (poll = 0; poll < POLLS; poll++) {
      vi.setSystemTime(next);
      await settle(poller.poll('alarm'));
      expect(vi.getTimerCount()).toBe(0);
      // The daily maintenance alarm.
      if (Math.floor(Date.now() / DAY) > compactedDay) {
        compactedDay = Math.floor(Date.now() / DAY);
        await compactHistory(repo, SETTINGS.history, Date.now());
        snapshots = await repo.all();
        expectWithinPolicy(snapshots, Date.now());
      }
    }
    const end = Date.now();
    snapshots = await repo.all();

    // The run covered every tier of the policy: raw, 10-minute, hourly and dropped.
    expect(end - START).toBeGreaterThan((totalDays + 5) * DAY);
    expect(snapshots.filter((s) => s.tier === 10).length).toBeGreaterThan(1000);
    expect(snapshots.filter((s) => s.tier === 60).length).toBeGreaterThan(100);
    expect(snapshots.length).toBeLessThan(served.length);

    // Every reading was the model's, and what is kept still holds it (raw, or within its bucket's peak).
    for (const s of served) {
      const [session, weekly] = s.model.at(s.at);
      expect(s.reading.limits.map((l) => [l.id, l.percent, l.resetsAt])).toEqual([
        ['session', session.percent, session.resetsAt],
        ['weekly', weekly.percent, weekly.resetsAt],
      ]);
    }
    expectPeaksKept(snapshots, served, end);

    // Alerts: exactly the notices the thresholds imply, one per crossing, reset and sign-out.
    const oracle = expectedNotices(served);
    const signedOutStretches = Array.from({ length: POLLS }, (_, i) => i).filter(
      (i) => signedOutAt(i) && !signedOutAt(i - 1),
    );
    const expected = [...oracle.notices, ...signedOutStretches.map((i) => `${i} signed-out`)];
    expect([...shown].sort()).toEqual(expected.sort());
    expect(shown.filter((n) => n.includes(' reached ')).length).toBeGreaterThan(20);
    expect(shown.filter((n) => n.includes(' reset ')).length).toBeGreaterThan(20);
    const state = await alertStateItem.getValue();
    expect(state.held).toEqual([]);
    expect(Object.keys(state.limits).sort()).toEqual([...oracle.windows.keys()].sort());
    for (const [key, window] of oracle.windows) {
      expect(Object.keys(state.limits[key]!.fired).map(Number).sort(), key).toEqual(
        [...window.fired].sort(),
      );
    }

    // Nothing left behind by 5,000 polls.
    expect(vi.getTimerCount()).toBe(0);
    expect(listeners()).toBe(0);
  }, 240_000); // about 13 s alone; a shared 2-core machine running browsers can take several times that
});

/** Run a poll to the end, firing its fake timers (the pause between organisations) as they come. */
async function settle<T>(work: Promise<T>): Promise<T> {
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    await new Promise((r) => setImmediate(r)); // fake-indexeddb works on real setImmediate
    if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
  }
  return work;
}

/** Listeners added minus removed on the events storage and alarms code could leave behind. */
function countListeners(): () => number {
  let net = 0;
  const events = [
    fakeBrowser.storage.onChanged,
    fakeBrowser.storage.local.onChanged,
    fakeBrowser.alarms.onAlarm,
  ];
  type Event = { addListener(cb: unknown): void; removeListener(cb: unknown): void };
  for (const event of events as Event[]) {
    const add = event.addListener.bind(event);
    const remove = event.removeListener.bind(event);
    vi.spyOn(event, 'addListener').mockImplementation((cb) => void (net++, add(cb)));
    vi.spyOn(event, 'removeListener').mockImplementation((cb) => void (net--, remove(cb)));
  }
  return () => net;
}

/** Raw for `rawDays`, then 10-minute points to 90 days, then hourly ones, nothing past `totalDays`. */
function expectWithinPolicy(snapshots: Snapshot[], now: number) {
  const tiers = { raw: 0, ten: 0, hour: 0 };
  // A bucket moves to the next tier only once all of it is old enough for that tier.
  const ageOfBucketEnd = (at: number, width: number) =>
    now - (Math.floor(at / width) * width + width);
  const fits = (s: Snapshot): boolean => {
    if (now - s.at > totalDays * DAY) return false;
    if (!s.tier) return ageOfBucketEnd(s.at, 10 * MIN) <= rawDays * DAY;
    if (s.tier === 10)
      return (
        s.at % (10 * MIN) === 0 &&
        ageOfBucketEnd(s.at, 10 * MIN) > rawDays * DAY &&
        ageOfBucketEnd(s.at, HOUR) <= HOURLY_AFTER_DAYS * DAY
      );
    return (
      s.tier === 60 && s.at % HOUR === 0 && ageOfBucketEnd(s.at, HOUR) > HOURLY_AFTER_DAYS * DAY
    );
  };
  // One expectation for thousands of points: checked in plain code, the misfits listed.
  expect(snapshots.filter((s) => !fits(s)).map((s) => `${s.orgId} ${s.at} tier ${s.tier}`)).toEqual(
    [],
  );
  for (const s of snapshots) {
    if (!s.tier) tiers.raw++;
    else if (s.tier === 10) tiers.ten++;
    else tiers.hour++;
  }
  // At most one point per bucket of each tier, per organisation.
  expect(tiers.ten).toBeLessThanOrEqual(2 * (HOURLY_AFTER_DAYS - rawDays) * 144);
  expect(tiers.hour).toBeLessThanOrEqual(2 * (totalDays - HOURLY_AFTER_DAYS) * 24);
}

/** Each kept point is a reading as taken, or its bucket's highest percent of each limit. */
function expectPeaksKept(
  snapshots: Snapshot[],
  served: { orgId: string; reading: Reading }[],
  now: number,
) {
  // The highest percent of each limit per bucket (width 0: the reading itself), from what was served.
  const bucket = (orgId: string, at: number, width: number) =>
    `${orgId}|${width}|${width ? Math.floor(at / width) * width : at}`;
  const peaks = new Map<string, Record<string, number>>();
  for (const { orgId, reading } of served) {
    for (const width of [0, 10 * MIN, HOUR]) {
      const key = bucket(orgId, reading.at, width);
      const peak = peaks.get(key) ?? {};
      for (const l of reading.limits) peak[l.id] = Math.max(peak[l.id] ?? 0, l.percent);
      peaks.set(key, peak);
    }
  }
  for (const s of snapshots) {
    const peak = peaks.get(bucket(s.orgId, s.at, (s.tier ?? 0) * MIN));
    expect(peak, `a kept point with no reading behind it at ${s.at}`).toBeDefined();
    expect(Object.fromEntries(s.limits.map((l) => [l.id, l.percent]))).toEqual(peak);
  }
  // Nothing within the retention was lost: every reading falls in some kept point.
  const kept = new Set(snapshots.map((s) => bucket(s.orgId, s.at, (s.tier ?? 0) * MIN)));
  for (const { orgId, reading } of served) {
    if (now - reading.at >= totalDays * DAY - DAY) continue;
    const held = [0, 10 * MIN, HOUR].some((w) => kept.has(bucket(orgId, reading.at, w)));
    expect(held, `the reading at ${reading.at} of ${orgId} is lost`).toBe(true);
  }
}
