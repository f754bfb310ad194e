import type { FailingChannel } from '@/lib/channels/health';
import { formatAgo, formatClock } from '@/lib/format';
import { t } from '@/lib/i18n';
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
  /** Readings cannot be stored (e.g. the disk is full): said on a line of its own. */
  storeFailing?: boolean;
  /** Alert channels whose latest delivery failed, newest first: said on a line of their own. */
  failingChannels?: FailingChannel[];
  onOpenOptions?: () => void;
}

const CLAUDE = 'https://claude.ai';

/** What we know and how fresh it is, in plain words, with what to do when something is wrong. */
export function StatusLine(props: StatusLineProps) {
  const failing = props.failingChannels ?? [];
  const problem = props.failure || props.storeFailing || failing.length > 0;
  return (
    <p class={`status${problem ? ' status-problem' : ''}`} role="status">
      <StatusText {...props} />
      {props.storeFailing && <span class="status-store">{t('statusStoreFailing')}</span>}
      {failing.length > 0 && (
        <span class="status-store">
          {failing.length === 1
            ? t('statusChannelFailing', [failing[0]!.name, failing[0]!.error])
            : t('statusChannelsFailing', failing.length)}{' '}
          <button type="button" class="link-button" onClick={props.onOpenOptions}>
            {t('statusCheckChannels')}
          </button>
        </span>
      )}
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
    lastSuccessAt !== null ? ` · ${t('statusShowingFrom', formatClock(lastSuccessAt, now))}` : '';
  const retry = (at: number | null | undefined) =>
    at ? ` · ${t('statusRetryingAt', formatClock(at, now))}` : '';
  if (refreshing) return <>{t('statusRefreshing')}</>;
  if (!failure) {
    if (lastSuccessAt === null) return <>{t('statusReading')}</>;
    if (stale) return <>{t('statusStale') + from}</>;
    return <>{t('statusUpdated', formatAgo(lastSuccessAt, now))}</>;
  }
  switch (failure.kind) {
    case 'signed_out':
      return (
        <>
          {t('statusSignedOut')}{' '}
          <a href={`${CLAUDE}/login`} target="_blank" rel="noreferrer">
            {t('statusSignIn')}
          </a>
        </>
      );
    case 'no_access':
      return (
        <>
          {t('statusNeedsAccess')}{' '}
          <button type="button" class="link-button" onClick={onAllowAccess}>
            {t('statusAllowAccess')}
          </button>
        </>
      );
    case 'challenge':
      return (
        <>
          {t('statusChallenge') + from}.{' '}
          <a href={CLAUDE} target="_blank" rel="noreferrer">
            {t('statusOpenClaude')}
          </a>
        </>
      );
    case 'org_forbidden':
      return (
        <>
          {t('statusOrgForbidden') + from}.{' '}
          <a href={CLAUDE} target="_blank" rel="noreferrer">
            {t('statusOpenClaude')}
          </a>
        </>
      );
    case 'region_blocked':
      // Not a sign-out and not the server: the last numbers stay, and another network may help.
      return <>{t('statusRegion') + from + retry(nextPollAt)}</>;
    case 'no_chat_org':
      return <>{t('statusNoChatOrg')}</>;
    case 'rate_limited':
      return <>{t('statusRateLimited') + retry(failure.retryAt ?? nextPollAt)}</>;
    case 'network':
      return <>{t('statusOffline') + from}</>;
    case 'timeout':
      return <>{t('statusTimeout') + from + retry(nextPollAt)}</>;
    case 'server':
      return <>{t('statusServer') + from + retry(nextPollAt)}</>;
    case 'bad_payload':
      return <>{t('statusBadPayload') + from}</>;
  }
}
