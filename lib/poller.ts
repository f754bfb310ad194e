import type { SnapshotRepo } from './db';
import { nextAfterFailure, nextAfterSuccess } from './schedule';
import type { Settings } from './settings';
import type { ClaudeClient } from './usage/client';
import type { Failure, Org, PollStatus, Reading } from './usage/types';

/** The organisation list is re-read at least this often. */
export const ORGS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A manual refresh this soon after the last successful poll is answered from it. */
const REFRESH_DEBOUNCE_MS = 5_000;
export const POLL_ALARM = 'poll';

export type PollReason = 'install' | 'startup' | 'alarm' | 'refresh' | 'wake';

export interface PollOutcome {
  ok: boolean;
  failure?: Failure;
}

/** A typed storage item, as `storage.defineItem` makes them. */
export interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface PollerDeps {
  client: ClaudeClient;
  openRepo: () => Promise<SnapshotRepo>;
  items: {
    settings: Item<Settings>;
    latest: Item<Record<string, Reading>>;
    orgs: Item<{ list: Org[]; discoveredAt: number | null }>;
    status: Item<PollStatus>;
  };
  scheduleAlarm: (name: string, info: { when: number; periodInMinutes: number }) => Promise<void>;
  /** Called after every poll, success or not (the badge). */
  afterPoll: () => Promise<void>;
  /** Told about each reading and failure (notifications). Errors here never fail a poll. */
  onReading?: (org: Org, reading: Reading, previous: Reading | undefined) => Promise<void>;
  onFailure?: (org: Org | null, failure: Failure) => Promise<void>;
  /** Reported when a snapshot could not be stored; the reading is still shown. */
  onStoreError?: (error: unknown) => void;
  now: () => number;
}

export type Poller = ReturnType<typeof createPoller>;

/**
 * Reads usage on schedule, one poll at a time: a poll asked for while one runs joins it. Every
 * piece of state lives in storage, since the worker can be stopped between any two awaits.
 */
export function createPoller(deps: PollerDeps) {
  const { client, items, now } = deps;
  let inFlight: Promise<PollOutcome> | null = null;

  async function discover(
    force: boolean,
  ): Promise<{ ok: true; orgs: Org[] } | { ok: false; failure: Failure }> {
    const known = await items.orgs.getValue();
    const fresh = known.discoveredAt !== null && now() - known.discoveredAt < ORGS_MAX_AGE_MS;
    if (!force && known.list.length > 0 && fresh) return { ok: true, orgs: known.list };
    const res = await client.organizations();
    if (!res.ok) return res;
    await items.orgs.setValue({ list: res.value, discoveredAt: now() });
    if (res.value.length === 0) return { ok: false, failure: { kind: 'no_chat_org' } };
    return { ok: true, orgs: res.value };
  }

  /** Read one organisation's usage; a stale org id gets one re-discovery, never a loop. */
  async function readUsage(): Promise<
    { ok: true; org: Org; reading: Reading } | { ok: false; org: Org | null; failure: Failure }
  > {
    let found = await discover(false);
    let rediscovered = false;
    for (;;) {
      if (!found.ok) return { ok: false, org: null, failure: found.failure };
      // Until several organisations are tracked, the first chat organisation is the one.
      const org = found.orgs[0]!;
      const res = await client.usage(org.uuid);
      if (res.ok) return { ok: true, org, reading: { orgId: org.uuid, at: now(), ...res.value } };
      if (res.failure.kind !== 'org_forbidden' || rediscovered)
        return { ok: false, org, failure: res.failure };
      rediscovered = true;
      found = await discover(true);
    }
  }

  async function run(): Promise<PollOutcome> {
    const settings = await items.settings.getValue();
    const startedAt = now();
    const before = await items.status.getValue();
    // Schedule the next run before working, so a worker stopped mid-poll still wakes up again.
    const safety = startedAt + settings.pollMinutes * 60_000;
    await deps.scheduleAlarm(POLL_ALARM, { when: safety, periodInMinutes: settings.pollMinutes });
    await items.status.setValue({ ...before, lastAttemptAt: startedAt, pollingSince: startedAt });

    const result = await readUsage();
    const status = await items.status.getValue();
    let next: number;
    if (result.ok) {
      const latest = await items.latest.getValue();
      const previous = latest[result.org.uuid];
      await storeSnapshot(result.reading);
      await items.latest.setValue({ ...latest, [result.org.uuid]: result.reading });
      next = nextAfterSuccess(settings, result.reading, previous, now());
      await items.status.setValue({
        ...status,
        lastSuccessAt: result.reading.at,
        consecutiveFailures: 0,
        nextPollAt: next,
        pollingSince: null,
      });
      await safely(() => deps.onReading?.(result.org, result.reading, previous));
    } else {
      const failures = status.consecutiveFailures + 1;
      next = nextAfterFailure(settings, result.failure, failures, now());
      await items.status.setValue({
        ...status,
        lastError: { ...result.failure, at: now() },
        consecutiveFailures: failures,
        nextPollAt: next,
        pollingSince: null,
      });
      await safely(() => deps.onFailure?.(result.org, result.failure));
    }
    await deps.scheduleAlarm(POLL_ALARM, { when: next, periodInMinutes: settings.pollMinutes });
    await safely(deps.afterPoll);
    return result.ok ? { ok: true } : { ok: false, failure: result.failure };
  }

  async function storeSnapshot(reading: Reading): Promise<void> {
    try {
      const repo = await deps.openRepo();
      await repo.add(reading);
    } catch (error) {
      deps.onStoreError?.(error);
    }
  }

  return {
    /** Follow a new poll interval without polling: the next poll is one interval after the last. */
    async reschedule(): Promise<void> {
      const [settings, status] = await Promise.all([
        items.settings.getValue(),
        items.status.getValue(),
      ]);
      const interval = settings.pollMinutes * 60_000;
      const when = Math.max(now() + 30_000, (status.lastAttemptAt ?? now()) + interval);
      await deps.scheduleAlarm(POLL_ALARM, { when, periodInMinutes: settings.pollMinutes });
      await items.status.setValue({ ...status, nextPollAt: when });
    },

    /** Poll now, or join the poll already running. */
    poll(reason: PollReason): Promise<PollOutcome> {
      if (inFlight) return inFlight;
      inFlight = (async () => {
        if (reason === 'refresh') {
          const status = await items.status.getValue();
          const recent =
            status.lastSuccessAt !== null && now() - status.lastSuccessAt < REFRESH_DEBOUNCE_MS;
          const failedSince = (status.lastError?.at ?? 0) > (status.lastSuccessAt ?? 0);
          if (recent && !failedSince) return { ok: true };
        }
        return run();
      })().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}

async function safely(fn: () => Promise<void> | undefined): Promise<void> {
  try {
    await fn();
  } catch (error) {
    console.warn('Claude Usage Meter: a follow-up step failed', error);
  }
}
