import { formatAgo, formatClock } from '@/lib/format';
import type { OrgStatus } from '@/lib/usage/types';

export interface StatusLineProps {
  /** The failure newer than the last success, if any. */
  failure: OrgStatus['lastError'];
  lastSuccessAt: number | null;
  nextPollAt: number | null;
  stale: boolean;
  refreshing: boolean;
  now: number;
  onAllowAccess?: () => void;
}

const CLAUDE = 'https://claude.ai';

/** What we know and how fresh it is, in plain words, with what to do when something is wrong. */
export function StatusLine(props: StatusLineProps) {
  return (
    <p class={`status${props.failure ? ' status-problem' : ''}`} role="status">
      <StatusText {...props} />
    </p>
  );
}

function StatusText({
  failure,
  lastSuccessAt,
  nextPollAt,
  stale,
  refreshing,
  now,
  onAllowAccess,
}: StatusLineProps) {
  const from =
    lastSuccessAt !== null ? ` · showing data from ${formatClock(lastSuccessAt, now)}` : '';
  const retry = (at: number | null | undefined) =>
    at ? ` · retrying at ${formatClock(at, now)}` : '';
  if (refreshing) return <>Refreshing…</>;
  if (!failure) {
    if (lastSuccessAt === null) return <>Reading your usage…</>;
    if (stale) return <>Stale{from}</>;
    return <>Updated {formatAgo(lastSuccessAt, now)}</>;
  }
  switch (failure.kind) {
    case 'signed_out':
      return (
        <>
          Signed out of claude.ai.{' '}
          <a href={`${CLAUDE}/login`} target="_blank" rel="noreferrer">
            Sign in to claude.ai
          </a>
        </>
      );
    case 'no_access':
      return (
        <>
          Claude Usage Meter needs access to claude.ai.{' '}
          <button type="button" class="link-button" onClick={onAllowAccess}>
            Allow access
          </button>
        </>
      );
    case 'challenge':
      return (
        <>
          claude.ai wants to check your browser{from}.{' '}
          <a href={CLAUDE} target="_blank" rel="noreferrer">
            Open claude.ai
          </a>
        </>
      );
    case 'org_forbidden':
      return (
        <>
          claude.ai refused this organisation{from}.{' '}
          <a href={CLAUDE} target="_blank" rel="noreferrer">
            Open claude.ai
          </a>
        </>
      );
    case 'no_chat_org':
      return <>No Claude chat organisation on this account.</>;
    case 'rate_limited':
      return <>Rate limited by claude.ai{retry(failure.retryAt ?? nextPollAt)}</>;
    case 'network':
      return <>Offline{from}</>;
    case 'timeout':
      return (
        <>
          claude.ai did not answer{from}
          {retry(nextPollAt)}
        </>
      );
    case 'server':
      return (
        <>
          claude.ai had a problem{from}
          {retry(nextPollAt)}
        </>
      );
    case 'bad_payload':
      return <>claude.ai sent usage we could not read{from}</>;
  }
}
