import type { OrgStatus, PollStatus } from '../usage/types';

/** One organisation's status; falls back to the whole poll's status for data older than per-org status. */
export function statusOf(status: PollStatus, orgId: string | null | undefined): OrgStatus {
  const own = orgId ? status.byOrg?.[orgId] : undefined;
  return own ?? { lastSuccessAt: status.lastSuccessAt, lastError: status.lastError };
}

/** The failure that is current for this status: one newer than the last success, else null. */
export function currentFailure(status: OrgStatus): OrgStatus['lastError'] {
  const error = status.lastError;
  return error && error.at > (status.lastSuccessAt ?? 0) ? error : null;
}
