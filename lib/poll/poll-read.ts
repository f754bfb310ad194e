import type { OrgsState } from '../settings';
import type { ClaudeClient, RequestOptions } from '../usage/client';
import type { Failure, Org, Reading } from '../usage/types';

/** The organisation list is re-read at least this often. */
export const ORGS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Every request of one poll run together, organisations and re-discovery included. */
export const RUN_BUDGET_MS = 20_000;

export type OrgResult =
  { org: Org; ok: true; reading: Reading } | { org: Org; ok: false; failure: Failure };
/** What one login's read of one run gave: its organisations, each one's result, and a failure before or after. */
export type ReadOutcome = { orgs: OrgsState; results: OrgResult[]; failure?: Failure };
type Discovery = { ok: true; orgs: OrgsState } | { ok: false; failure: Failure; orgs: OrgsState };

export interface OrgReaderDeps {
  client: ClaudeClient;
  /** Whether the browser lets us reach claude.ai; without it no request is made. */
  hasHostAccess?: () => Promise<boolean>;
  /** Pause between the starts of two organisations' requests. */
  spacingMs: number;
  runBudgetMs: number;
  now: () => number;
}

/**
 * The network side of one poll run: the organisation list (re-read when unknown, a day old, or
 * refused) and every organisation's usage, all within one time budget.
 */
export function createOrgReader(deps: OrgReaderDeps) {
  const { now, spacingMs, runBudgetMs } = deps;

  /** The organisation list, re-read when unknown, a day old, or `force`d. */
  async function discover(
    client: ClaudeClient,
    known: OrgsState,
    force: boolean,
    timeLeft: () => RequestOptions,
  ): Promise<Discovery> {
    const fresh = known.discoveredAt !== null && now() - known.discoveredAt < ORGS_MAX_AGE_MS;
    if (!force && known.list.length > 0 && fresh) return { ok: true, orgs: known };
    const res = await client.organizations(timeLeft());
    if (!res.ok) return { ok: false, failure: res.failure, orgs: known };
    const current = new Set(res.value.map((o) => o.uuid));
    const gone = [...(known.gone ?? []), ...known.list].filter(
      (o, i, all) => !current.has(o.uuid) && all.findIndex((x) => x.uuid === o.uuid) === i,
    );
    const orgs = { list: res.value, discoveredAt: now(), gone };
    if (res.value.length === 0) return { ok: false, failure: { kind: 'no_chat_org' }, orgs };
    return { ok: true, orgs };
  }

  /**
   * Read every organisation once, all within one time budget: requests start a little apart but
   * none waits on another's timeout, so a hanging claude.ai costs one budget, not one per
   * organisation. A refused org id gets one re-discovery per run, never a loop. `client` is an
   * added login's (its organisations keyed for it), or by default the browser's own.
   */
  async function readAll(
    known: OrgsState,
    client: ClaudeClient = deps.client,
  ): Promise<ReadOutcome> {
    if (deps.hasHostAccess && !(await deps.hasHostAccess())) {
      return { orgs: known, results: [], failure: { kind: 'no_access' } };
    }
    const deadline = now() + runBudgetMs;
    const timeLeft = () => ({ timeoutMs: Math.max(1, deadline - now()) });
    let found = await discover(client, known, false, timeLeft);
    if (!found.ok) return { orgs: found.orgs, results: [], failure: found.failure };

    const readEach = (orgs: Org[]): Promise<OrgResult[]> => {
      // Spread the starts over at most half the budget, however many organisations there are.
      const gap = Math.min(spacingMs, runBudgetMs / 2 / Math.max(1, orgs.length));
      return Promise.all(
        orgs.map(async (org, i): Promise<OrgResult> => {
          if (i > 0 && gap > 0) await new Promise((r) => setTimeout(r, i * gap));
          const res = await client.usage(org.uuid, timeLeft());
          return res.ok
            ? { org, ok: true, reading: { orgId: org.uuid, at: now(), ...res.value } }
            : { org, ok: false, failure: res.failure };
        }),
      );
    };

    const first = await readEach(found.orgs.list);
    const refused = (r: OrgResult) => !r.ok && r.failure.kind === 'org_forbidden';
    if (!first.some(refused)) return { orgs: found.orgs, results: first };

    const answered = first.filter((r) => !refused(r));
    found = await discover(client, found.orgs, true, timeLeft);
    if (!found.ok) return { orgs: found.orgs, results: answered, failure: found.failure };
    // Organisations that left the account are not kept; refused ones still listed, and new ones, are read.
    const listed = new Set(found.orgs.list.map((o) => o.uuid));
    const kept = answered.filter((r) => listed.has(r.org.uuid));
    const done = new Set(kept.map((r) => r.org.uuid));
    const again = await readEach(found.orgs.list.filter((o) => !done.has(o.uuid)));
    return { orgs: found.orgs, results: [...kept, ...again] };
  }

  return readAll;
}
