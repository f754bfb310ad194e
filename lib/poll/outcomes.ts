import {
  joinOrgs,
  LOGIN_FAILURES,
  splitOrgs,
  type Account,
  type AddedLogin,
} from '../accounts/accounts';
import type { OrgsState } from '../settings';
import type { Failure, OrgStatus } from '../usage/types';
import type { createOrgReader, OrgResult, ReadOutcome } from './poll-read';

/** One poll run's outcomes, sorted: who answered, and whose trouble each failure is. */
export interface SortedOutcomes {
  /** Each tracked organisation's status, with this run's failures on it (successes come later). */
  byOrg: Record<string, OrgStatus>;
  /** What sets everyone's pace and status: the browser login's failures, claude.ai's and the network's. */
  failures: Failure[];
  /** An added login's own trouble (its key, its organisations): that account's alone. */
  ownTrouble: Failure[];
  results: Extract<OrgResult, { ok: true }>[];
}

/**
 * Sort the outcomes of one run (the browser's login first, then each added login in `added`'s
 * order). A failure before any organisation was read (signed out, no organisation, no access)
 * is each of that login's organisations'. An added login's failures carry its account. Pure.
 */
export function sortOutcomes(
  outcomes: readonly ReadOutcome[],
  added: readonly { account: Pick<Account, 'id' | 'name'> }[],
  orgs: OrgsState,
  before: Record<string, OrgStatus> | undefined,
  now: number,
): SortedOutcomes {
  const tracked = new Set(orgs.list.map((o) => o.uuid));
  const byOrg: Record<string, OrgStatus> = {};
  for (const [id, s] of Object.entries(before ?? {})) if (tracked.has(id)) byOrg[id] = s;
  const fail = (id: string, failure: Failure) => {
    byOrg[id] = { ...(byOrg[id] ?? { lastSuccessAt: null }), lastError: { ...failure, at: now } };
  };
  const sorted: SortedOutcomes = { byOrg, failures: [], ownTrouble: [], results: [] };

  outcomes.forEach((outcome, i) => {
    const account = added[i - 1]?.account;
    const note = (f: Failure) => {
      const failure = account ? { ...f, account: { id: account.id, name: account.name } } : f;
      (account && LOGIN_FAILURES.has(f.kind) ? sorted.ownTrouble : sorted.failures).push(failure);
      return failure;
    };
    if (outcome.failure) {
      const failure = note(outcome.failure);
      if (outcome.results.length === 0) for (const o of outcome.orgs.list) fail(o.uuid, failure);
    }
    for (const result of outcome.results) {
      if (result.ok) sorted.results.push(result);
      else fail(result.org.uuid, note(result.failure));
    }
  });
  return sorted;
}

/**
 * Every login's read of one run: the browser's first, each added one starting a little later,
 * all within the reader's one budget; and their organisations joined again.
 */
export async function readEveryLogin(
  readAll: ReturnType<typeof createOrgReader>,
  stored: OrgsState,
  added: readonly AddedLogin[],
  spacingMs: number,
): Promise<{ outcomes: ReadOutcome[]; orgs: OrgsState }> {
  const known = splitOrgs(stored, added);
  const outcomes = await Promise.all([
    readAll(known.own),
    ...added.map(async ({ account, client }, i) => {
      await new Promise((r) => setTimeout(r, (i + 1) * spacingMs));
      return readAll(known.of(account.id), client);
    }),
  ]);
  return {
    outcomes,
    orgs: joinOrgs(
      outcomes.map((o) => o.orgs),
      added,
    ),
  };
}

/** The failure that should set the pace of retries: the one asking for the longest wait. Pure. */
export function worst(failures: Failure[]): Failure {
  return failures.reduce((a, b) => ((b.retryAt ?? 0) > (a.retryAt ?? 0) ? b : a));
}

/** A storage error in one short line for the status (never a cookie: storage errors hold none). */
export function describe(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return `${name}: ${message}`.slice(0, 200);
}
