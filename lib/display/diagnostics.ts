import type { Channel } from '../channels/types';
import { maskedDestination } from '../channels/validate';
import type { OrgsState } from '../settings';
import type { PollStatus } from '../usage/types';

export interface DiagnosticsInput {
  version: string;
  status: PollStatus;
  orgs: OrgsState;
  permissions: { permissions?: string[]; origins?: string[] };
  readings: number;
  userAgent: string;
  /** Alert channels: shown by kind and host only, their secrets masked. */
  channels?: Channel[];
}

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : 'never');

/** Plain text for a bug report: no cookies, no names, organisation ids cut to 8 characters. Pure. */
export function diagnosticsText({
  version,
  status,
  orgs,
  permissions,
  readings,
  userAgent,
  channels = [],
}: DiagnosticsInput): string {
  const error = status.lastError;
  const lines = [
    `Claude Usage Meter ${version}`,
    `Browser: ${userAgent}`,
    `Last successful reading: ${iso(status.lastSuccessAt)}`,
    `Last error: ${error ? `${error.kind}${error.status ? ` (HTTP ${error.status})` : ''} at ${iso(error.at)}` : 'none'}`,
    `Next poll: ${iso(status.nextPollAt)}`,
    `Consecutive failures: ${status.consecutiveFailures}`,
    `Storage problem: ${status.storeError ? `${status.storeError.detail} since ${iso(status.storeError.at)}` : 'none'}`,
    `Organisations: ${orgs.list.map((o) => `${o.uuid.slice(0, 8)}… (${o.plan ?? 'plan unknown'})`).join(', ') || 'none'}`,
    `Added accounts: ${new Set(orgs.list.flatMap((o) => (o.account ? [o.account.id] : []))).size} (their keys are never shown)`,
    `Readings kept: ${readings}`,
    `Alert channels: ${channels.map((c) => `${c.type} ${maskedDestination(c)}${c.enabled ? '' : ' (off)'}`).join(', ') || 'none'}`,
    `Permissions: ${[...(permissions.permissions ?? []), ...(permissions.origins ?? [])].join(', ')}`,
  ];
  return lines.join('\n');
}
