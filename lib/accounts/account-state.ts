import type { Account } from './accounts';
import { currentFailure } from '../poll/status';
import type { Failure, Org, PollStatus } from '../usage/types';

/** How an added login is doing, as the options page says it. */
export type AccountState =
  /** claude.ai no longer takes its key: the person must paste a new one. */
  | { kind: 'expired' }
  /** Added, but none of its organisations has been read yet. */
  | { kind: 'pending' }
  | { kind: 'working'; lastSuccessAt: number }
  /** Its last read failed for another reason (rate limit, network…); the key may still be good. */
  | { kind: 'failing'; failure: Failure & { at: number }; lastSuccessAt: number | null };

/** The organisations of one added login, in the order they are listed. */
export function orgsOfAccount(orgs: readonly Org[], accountId: string): Org[] {
  return orgs.filter((org) => org.account?.id === accountId);
}

/**
 * The state of one added login from its organisations' own statuses. The whole poll's status is
 * the browser login's, so an organisation without its own entry counts as not read yet rather
 * than borrowing it (which `statusOf` would do).
 */
export function accountState(
  account: Pick<Account, 'id'>,
  orgs: readonly Org[],
  status: PollStatus,
): AccountState {
  let lastSuccessAt: number | null = null;
  let failure: (Failure & { at: number }) | null = null;
  for (const org of orgsOfAccount(orgs, account.id)) {
    const own = status.byOrg?.[org.uuid];
    if (!own) continue;
    const current = currentFailure(own);
    if (current?.kind === 'signed_out') return { kind: 'expired' };
    if (current && (!failure || current.at > failure.at)) failure = current;
    if (own.lastSuccessAt !== null && own.lastSuccessAt > (lastSuccessAt ?? 0))
      lastSuccessAt = own.lastSuccessAt;
  }
  if (failure) return { kind: 'failing', failure, lastSuccessAt };
  return lastSuccessAt === null ? { kind: 'pending' } : { kind: 'working', lastSuccessAt };
}

/** Organisations in groups: the browser's own login first, then each added login's in turn. */
export interface OrgGroup {
  /** Null for the browser's own login. */
  account: { id: string; name: string } | null;
  orgs: Org[];
}

/** `orgs` grouped by login, keeping their order within each group; empty groups are left out. */
export function groupOrgs(orgs: readonly Org[]): OrgGroup[] {
  const groups: OrgGroup[] = [{ account: null, orgs: [] }];
  for (const org of orgs) {
    const id = org.account?.id ?? null;
    let group = groups.find((g) => (g.account?.id ?? null) === id);
    if (!group) groups.push((group = { account: org.account!, orgs: [] }));
    group.orgs.push(org);
  }
  return groups.filter((g) => g.orgs.length > 0);
}

/** Whether any organisation belongs to an added login (then lists group them by login). */
export const hasAddedLogins = (orgs: readonly Org[]) => orgs.some((org) => org.account);
