import type { SnapshotRepo } from '../storage/db';
import type { PollState, PollStore } from '../storage/poll-store';
import { nextAfterFailure, nextAfterSuccess } from './schedule';
import { pollGate, type Gate, type PollTrigger } from './poll-gate';
import { createOrgReader, RUN_BUDGET_MS } from './poll-read';
import { describe, readEveryLogin, sortOutcomes, worst } from './outcomes';
import type { AddedLogin } from '../accounts/accounts';
import type { ClaudeClient } from '../usage/client';
import { withCredits } from '../usage/credits';
import type { Failure, Org, Reading } from '../usage/types';

export { ORGS_MAX_AGE_MS, RUN_BUDGET_MS } from './poll-read';
export const POLL_ALARM = 'poll';

export type PollReason = PollTrigger;

export interface PollOutcome {
  ok: boolean;
  failure?: Failure;
  /** Set when the etiquette sent no request: why, and when one would be allowed. */
  deferred?: Exclude<Gate, { go: true }>;
}

export interface PollerDeps {
  client: ClaudeClient;
  openRepo: () => Promise<SnapshotRepo>;
  store: PollStore;
  scheduleAlarm: (name: string, info: { when: number; periodInMinutes: number }) => Promise<void>;
  /** Called after every poll, success or not, with the state it left (the badge). */
  afterPoll: (state: PollState) => Promise<void>;
  /** Told once per poll of its readings and failures (notifications). Errors here never fail a poll. */
  onPolled?: (
    state: PollState,
    readings: { org: Org; reading: Reading }[],
    failures: Failure[],
  ) => Promise<void>;
  /** Told once when snapshots stop being stored (e.g. quota); the readings are still shown. */
  onStoreError?: (error: unknown) => Promise<void> | void;
  /** Whether the browser lets us reach claude.ai; without it no request is made. */
  hasHostAccess?: () => Promise<boolean>;
  /** The added logins to read beside the browser's own, each with its keyed client. */
  accounts?: (stored: PollState['accounts']) => Promise<AddedLogin[]>;
  /** Pause between the starts of two organisations' requests, to be gentle with claude.ai. */
  spacingMs?: number;
  /** A whole poll run gives up on claude.ai after this long; default RUN_BUDGET_MS. */
  runBudgetMs?: number;
  now: () => number;
}

export type Poller = ReturnType<typeof createPoller>;

/**
 * Reads the usage of every chat organisation on schedule, one poll at a time: a poll asked for
 * while one runs joins it. All state lives in storage: the worker can stop between any two awaits.
 */
export function createPoller(deps: PollerDeps) {
  const { store, now } = deps;
  const spacingMs = deps.spacingMs ?? 400;
  const readAll = createOrgReader({
    client: deps.client,
    hasHostAccess: deps.hasHostAccess,
    spacingMs,
    runBudgetMs: deps.runBudgetMs ?? RUN_BUDGET_MS,
    now,
  });
  let inFlight: Promise<PollOutcome> | null = null;
  // Account changes run alone: a poll waits for them, and they wait for a running poll.
  let exclusive: Promise<unknown> = Promise.resolve();
  // A poll lives only in the memory of the worker that runs it: a `pollingSince` found when a
  // worker starts belongs to one that was stopped mid-poll, and would claim "refreshing" forever.
  let recovered: Promise<void> | null = null;
  const recover = () =>
    (recovered ??= store.read().then(async ({ status }) => {
      if (status.pollingSince !== null)
        await store.write({ status: { ...status, pollingSince: null } });
    }));

  async function run(): Promise<PollOutcome> {
    const state = await store.read();
    const { settings } = state;
    const startedAt = now();
    // Schedule the next run before working, so a worker stopped mid-poll still wakes up again.
    const safety = {
      when: startedAt + settings.pollMinutes * 60_000,
      periodInMinutes: settings.pollMinutes,
    };
    const polling = { ...state.status, lastAttemptAt: startedAt, pollingSince: startedAt };
    await Promise.all([deps.scheduleAlarm(POLL_ALARM, safety), store.write({ status: polling })]);

    const added = (await deps.accounts?.(state.accounts)) ?? [];
    const { outcomes, orgs } = await readEveryLogin(readAll, state.orgs, added, spacingMs);
    const sorted = sortOutcomes(outcomes, added, orgs, polling.byOrg, now());
    const { byOrg, failures, ownTrouble, results } = sorted;
    const orgStatus = (id: string) => byOrg[id] ?? { lastSuccessAt: null, lastError: null };
    let next = Infinity;
    const fresh: Record<string, Reading> = {};
    for (const result of results) {
      const id = result.org.uuid;
      const client = added.find((a) => a.account.id === result.org.account?.id)?.client;
      // The prepaid balance rides on the reading, asked for at most hourly (usage/credits.ts).
      result.reading = await withCredits(
        client ?? deps.client,
        id,
        result.reading,
        state.latest[id],
        now(),
      );
      fresh[id] = result.reading;
      byOrg[id] = { ...orgStatus(id), lastSuccessAt: result.reading.at };
      next = Math.min(next, nextAfterSuccess(settings, result.reading, state.latest[id], now()));
    }

    // Fetch first, then write: snapshots, then the live view in one storage call.
    const storeError = await storeSnapshots(Object.values(fresh));
    const failure = failures[0];
    const consecutiveFailures = failure ? polling.consecutiveFailures + 1 : 0;
    // Any failure sets the pace for everyone: a rate limit or a challenge is the account's, not one org's.
    if (failure) next = nextAfterFailure(settings, worst(failures), consecutiveFailures, now());
    // Only an added login's own trouble and no reading at all: the schedule simply goes on.
    if (next === Infinity) next = now() + settings.pollMinutes * 60_000;
    const anySuccess = Object.keys(fresh).length > 0;
    const latest: Record<string, Reading> = {};
    for (const [id, reading] of Object.entries({ ...state.latest, ...fresh })) {
      // Organisations that left keep their history in IndexedDB; the live view forgets them.
      if (orgs.list.some((o) => o.uuid === id)) latest[id] = reading;
    }
    const final: PollState = {
      settings,
      orgs,
      latest,
      status: {
        ...polling,
        lastSuccessAt: anySuccess ? now() : polling.lastSuccessAt,
        lastError: failure ? { ...failure, at: now() } : polling.lastError,
        consecutiveFailures,
        nextPollAt: next,
        pollingSince: null,
        byOrg,
        storeError: storeError
          ? (polling.storeError ?? { at: now(), detail: describe(storeError) })
          : anySuccess
            ? null
            : (polling.storeError ?? null),
      },
    };
    // The badge and the notifications first, the status last: once a poll says it is done,
    // everything it changed is already visible.
    await safely(() => deps.afterPoll(final));
    const readings = results.map((r) => ({ org: r.org, reading: r.reading }));
    await safely(() => deps.onPolled?.(final, readings, [...failures, ...ownTrouble]));
    if (storeError && !polling.storeError)
      await safely(async () => deps.onStoreError?.(storeError));
    await Promise.all([
      store.write({ status: final.status, orgs: final.orgs, latest: final.latest }),
      deps.scheduleAlarm(POLL_ALARM, { when: next, periodInMinutes: settings.pollMinutes }),
    ]);
    return failure ? { ok: anySuccess, failure } : { ok: true };
  }

  async function storeSnapshots(readings: Reading[]): Promise<unknown> {
    if (readings.length === 0) return null;
    try {
      const repo = await deps.openRepo();
      await repo.addMany(readings);
      return null;
    } catch (error) {
      return error ?? new Error('write failed');
    }
  }

  return {
    /** Run `fn` with no poll running or starting meanwhile (adding or removing an account). */
    exclusively<T>(fn: () => Promise<T>): Promise<T> {
      const before = exclusive;
      const running = inFlight;
      const done = (async () => {
        await before;
        await running?.catch(() => undefined);
        return fn();
      })();
      exclusive = done.catch(() => undefined);
      return done;
    },

    /** Clear the traces of a poll that a stopped worker left behind; call when a worker starts. */
    recover,

    /** Follow a new poll interval without polling: the next poll is one interval after the last. */
    async reschedule(): Promise<void> {
      const { settings, status } = await store.read();
      const interval = settings.pollMinutes * 60_000;
      const when = Math.max(now() + 30_000, (status.lastAttemptAt ?? now()) + interval);
      await deps.scheduleAlarm(POLL_ALARM, { when, periodInMinutes: settings.pollMinutes });
      await store.write({ status: { ...status, nextPollAt: when } });
    },

    /**
     * Poll now, or join the poll already running, or, when the etiquette says wait (see
     * `pollGate`), send nothing and say until when. A schedule held back by `Retry-After`
     * moves its alarm to that time.
     */
    poll(reason: PollReason): Promise<PollOutcome> {
      if (inFlight) return inFlight;
      inFlight = (async (): Promise<PollOutcome> => {
        await exclusive;
        await recover();
        const { status, settings } = await store.read();
        const gate = pollGate(status, reason, now());
        if (gate.go) return run();
        if (gate.why === 'retry_after' && gate.until !== null && !isPerson(reason)) {
          await deps.scheduleAlarm(POLL_ALARM, {
            when: gate.until,
            periodInMinutes: settings.pollMinutes,
          });
        }
        // A page that sent a message too soon after a poll: the schedule's next poll comes as
        // soon as the spacing allows, so the message is counted without a second request now.
        if (reason === 'page' && gate.why === 'spacing' && gate.until !== null) {
          if (gate.until < (status.nextPollAt ?? Infinity)) {
            await Promise.all([
              deps.scheduleAlarm(POLL_ALARM, {
                when: gate.until,
                periodInMinutes: settings.pollMinutes,
              }),
              store.write({ status: { ...status, nextPollAt: gate.until } }),
            ]);
          }
        }
        const failing = status.consecutiveFailures > 0 && status.lastError !== null;
        return failing
          ? { ok: false, failure: status.lastError!, deferred: gate }
          : { ok: true, deferred: gate };
      })().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}

const isPerson = (reason: PollReason) =>
  reason === 'refresh' || reason === 'open' || reason === 'page';

async function safely(fn: () => Promise<void> | undefined): Promise<void> {
  try {
    await fn();
  } catch (error) {
    console.warn('Claude Usage Meter: a follow-up step failed', error);
  }
}
