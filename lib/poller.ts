import type { SnapshotRepo } from './db';
import { nextAfterFailure, nextAfterSuccess } from './schedule';
import type { OrgsState, Settings } from './settings';
import type { ClaudeClient } from './usage/client';
import type { Failure, Org, OrgStatus, PollStatus, Reading } from './usage/types';

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
    orgs: Item<OrgsState>;
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
  /** Whether the browser lets us reach claude.ai; without it no request is made. */
  hasHostAccess?: () => Promise<boolean>;
  /** Pause between two organisations' requests, to be gentle with claude.ai. */
  spacingMs?: number;
  now: () => number;
}

type OrgResult =
  { org: Org; ok: true; reading: Reading } | { org: Org; ok: false; failure: Failure };

export type Poller = ReturnType<typeof createPoller>;

/**
 * Reads the usage of every chat organisation on schedule, one poll at a time: a poll asked for
 * while one runs joins it. All state lives in storage: the worker can stop between any two awaits.
 */
export function createPoller(deps: PollerDeps) {
  const { client, items, now } = deps;
  const spacingMs = deps.spacingMs ?? 400;
  let inFlight: Promise<PollOutcome> | null = null;
  // A poll lives only in the memory of the worker that runs it: a `pollingSince` found when a
  // worker starts belongs to one that was stopped mid-poll, and would claim "refreshing" forever.
  let recovered: Promise<void> | null = null;
  const recover = () =>
    (recovered ??= items.status.getValue().then(async (status) => {
      if (status.pollingSince !== null)
        await items.status.setValue({ ...status, pollingSince: null });
    }));

  /** The organisation list, re-read when unknown, a day old, or `force`d. */
  async function discover(
    force: boolean,
  ): Promise<{ ok: true; orgs: Org[] } | { ok: false; failure: Failure }> {
    const known = await items.orgs.getValue();
    const fresh = known.discoveredAt !== null && now() - known.discoveredAt < ORGS_MAX_AGE_MS;
    if (!force && known.list.length > 0 && fresh) return { ok: true, orgs: known.list };
    const res = await client.organizations();
    if (!res.ok) return res;
    const current = new Set(res.value.map((o) => o.uuid));
    const gone = [...(known.gone ?? []), ...known.list].filter(
      (o, i, all) => !current.has(o.uuid) && all.findIndex((x) => x.uuid === o.uuid) === i,
    );
    await items.orgs.setValue({ list: res.value, discoveredAt: now(), gone });
    if (gone.length > 0) {
      // Their history stays in IndexedDB; only the live view forgets them.
      const latest = await items.latest.getValue();
      await items.latest.setValue(
        Object.fromEntries(Object.entries(latest).filter(([id]) => current.has(id))),
      );
    }
    if (res.value.length === 0) return { ok: false, failure: { kind: 'no_chat_org' } };
    return { ok: true, orgs: res.value };
  }

  /** Read every organisation once; a refused org id gets one re-discovery per run, never a loop. */
  async function readAll(): Promise<
    { ok: true; results: OrgResult[] } | { ok: false; failure: Failure }
  > {
    if (deps.hasHostAccess && !(await deps.hasHostAccess())) {
      return { ok: false, failure: { kind: 'no_access' } };
    }
    let found = await discover(false);
    if (!found.ok) return found;
    let rediscovered = false;
    const results: OrgResult[] = [];
    const queue = [...found.orgs];
    for (let org = queue.shift(); org; org = queue.shift()) {
      if (results.length > 0 && spacingMs > 0) await new Promise((r) => setTimeout(r, spacingMs));
      let res = await client.usage(org.uuid);
      if (!res.ok && res.failure.kind === 'org_forbidden' && !rediscovered) {
        rediscovered = true;
        found = await discover(true);
        if (!found.ok) return found;
        const done = new Set(results.map((r) => r.org.uuid));
        queue.splice(
          0,
          queue.length,
          ...found.orgs.filter((o) => !done.has(o.uuid) && o.uuid !== org!.uuid),
        );
        const still = found.orgs.find((o) => o.uuid === org!.uuid);
        if (!still) {
          // The org is gone: read the new list's first org in its place.
          org = queue.shift();
          if (!org) break;
        }
        res = await client.usage(org.uuid);
      }
      results.push(
        res.ok
          ? { org, ok: true, reading: { orgId: org.uuid, at: now(), ...res.value } }
          : { org, ok: false, failure: res.failure },
      );
    }
    return { ok: true, results };
  }

  async function run(): Promise<PollOutcome> {
    const settings = await items.settings.getValue();
    const startedAt = now();
    const before = await items.status.getValue();
    // Schedule the next run before working, so a worker stopped mid-poll still wakes up again.
    const safety = startedAt + settings.pollMinutes * 60_000;
    await deps.scheduleAlarm(POLL_ALARM, { when: safety, periodInMinutes: settings.pollMinutes });
    await items.status.setValue({ ...before, lastAttemptAt: startedAt, pollingSince: startedAt });

    const outcome = await readAll();
    const latest = await items.latest.getValue();
    const status = await items.status.getValue();
    const byOrg: Record<string, OrgStatus> = { ...status.byOrg };
    const failures: Failure[] = [];
    let next = Infinity;
    const previous: Record<string, Reading | undefined> = {};

    if (!outcome.ok) {
      failures.push(outcome.failure);
      const orgs = await items.orgs.getValue();
      // A failure before any org was read (signed out, no org) is every org's failure.
      for (const org of orgs.list)
        byOrg[org.uuid] = {
          ...statusOfOrg(byOrg, org.uuid),
          lastError: { ...outcome.failure, at: now() },
        };
    } else {
      const fresh: Record<string, Reading> = {};
      for (const result of outcome.results) {
        const id = result.org.uuid;
        if (result.ok) {
          previous[id] = latest[id];
          fresh[id] = result.reading;
          byOrg[id] = { ...statusOfOrg(byOrg, id), lastSuccessAt: result.reading.at };
          next = Math.min(next, nextAfterSuccess(settings, result.reading, latest[id], now()));
        } else {
          failures.push(result.failure);
          byOrg[id] = { ...statusOfOrg(byOrg, id), lastError: { ...result.failure, at: now() } };
        }
      }
      // Fetch first, then write: snapshots, then the latest view.
      await storeSnapshots(Object.values(fresh));
      await items.latest.setValue({ ...(await items.latest.getValue()), ...fresh });
    }

    const failure = failures[0];
    const consecutiveFailures = failure ? status.consecutiveFailures + 1 : 0;
    // Any failure sets the pace for everyone: a rate limit or a challenge is the account's, not one org's.
    if (failure) next = nextAfterFailure(settings, worst(failures), consecutiveFailures, now());
    const anySuccess = outcome.ok && outcome.results.some((r) => r.ok);
    const orgs = await items.orgs.getValue();
    const tracked = new Set(orgs.list.map((o) => o.uuid));
    await items.status.setValue({
      ...status,
      lastSuccessAt: anySuccess ? now() : status.lastSuccessAt,
      lastError: failure ? { ...failure, at: now() } : status.lastError,
      consecutiveFailures,
      nextPollAt: next,
      pollingSince: null,
      byOrg: Object.fromEntries(Object.entries(byOrg).filter(([id]) => tracked.has(id))),
    });
    await deps.scheduleAlarm(POLL_ALARM, { when: next, periodInMinutes: settings.pollMinutes });

    if (outcome.ok) {
      for (const result of outcome.results) {
        if (result.ok)
          await safely(() =>
            deps.onReading?.(result.org, result.reading, previous[result.org.uuid]),
          );
        else await safely(() => deps.onFailure?.(result.org, result.failure));
      }
    } else {
      await safely(() => deps.onFailure?.(null, outcome.failure));
    }
    await safely(deps.afterPoll);
    return failure ? { ok: anySuccess, failure } : { ok: true };
  }

  async function storeSnapshots(readings: Reading[]): Promise<void> {
    if (readings.length === 0) return;
    try {
      const repo = await deps.openRepo();
      await repo.addMany(readings);
    } catch (error) {
      deps.onStoreError?.(error);
    }
  }

  return {
    /** Clear the traces of a poll that a stopped worker left behind; call when a worker starts. */
    recover,

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
        await recover();
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

function statusOfOrg(byOrg: Record<string, OrgStatus>, id: string): OrgStatus {
  return byOrg[id] ?? { lastSuccessAt: null, lastError: null };
}

/** The failure that should set the pace of retries: the one asking for the longest wait. */
function worst(failures: Failure[]): Failure {
  return failures.reduce((a, b) => ((b.retryAt ?? 0) > (a.retryAt ?? 0) ? b : a));
}

async function safely(fn: () => Promise<void> | undefined): Promise<void> {
  try {
    await fn();
  } catch (error) {
    console.warn('Claude Usage Meter: a follow-up step failed', error);
  }
}
