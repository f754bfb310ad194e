import { formatAgo, formatClock } from './format';
import { t } from './i18n';
import type { OrgStatus } from '../usage/types';

/** What the status line says: its words, and what a person can do about it (a link or a button). */
export interface StatusText {
  text: string;
  action?: { kind: 'link'; href: string; label: string } | { kind: 'allow-access'; label: string };
}

export interface StatusTextInput {
  /** The failure newer than the last success, if any. */
  failure: OrgStatus['lastError'];
  lastSuccessAt: number | null;
  nextPollAt: number | null;
  stale: boolean;
  refreshing: boolean;
  now: number;
}

const CLAUDE = 'https://claude.ai';

/**
 * What we know and how fresh it is, in plain words, with what to do when something is wrong: one
 * wording for the popup's status line and the in-page meter's, whatever draws them.
 */
export function statusText({
  failure,
  lastSuccessAt,
  nextPollAt,
  stale,
  refreshing,
  now,
}: StatusTextInput): StatusText {
  const from =
    lastSuccessAt !== null ? ` · ${t('statusShowingFrom', formatClock(lastSuccessAt, now))}` : '';
  const retry = (at: number | null | undefined) =>
    at ? ` · ${t('statusRetryingAt', formatClock(at, now))}` : '';
  const openClaude = { kind: 'link', href: CLAUDE, label: t('statusOpenClaude') } as const;
  if (refreshing) return { text: t('statusRefreshing') };
  if (!failure) {
    if (lastSuccessAt === null) return { text: t('statusReading') };
    if (stale) return { text: t('statusStale') + from };
    return { text: t('statusUpdated', formatAgo(lastSuccessAt, now)) };
  }
  switch (failure.kind) {
    case 'signed_out':
      // An added login: its pasted key stopped working, and a new one goes in Options → Accounts.
      if (failure.account)
        return {
          text: t('statusKeyExpired', failure.account.name),
          // The extension's own page: from the popup, a link opens it in a tab.
          action: { kind: 'link', href: '/options.html#accounts', label: t('statusPasteKey') },
        };
      return {
        text: t('statusSignedOut'),
        action: { kind: 'link', href: `${CLAUDE}/login`, label: t('statusSignIn') },
      };
    case 'no_access':
      return {
        text: t('statusNeedsAccess'),
        action: { kind: 'allow-access', label: t('statusAllowAccess') },
      };
    case 'challenge':
      return { text: `${t('statusChallenge') + from}.`, action: openClaude };
    case 'org_forbidden':
      return { text: `${t('statusOrgForbidden') + from}.`, action: openClaude };
    case 'region_blocked':
      // Not a sign-out and not the server: the last numbers stay, and another network may help.
      return { text: t('statusRegion') + from + retry(nextPollAt) };
    case 'no_chat_org':
      return { text: t('statusNoChatOrg') };
    case 'rate_limited':
      return { text: t('statusRateLimited') + retry(failure.retryAt ?? nextPollAt) };
    case 'network':
      return { text: t('statusOffline') + from };
    case 'timeout':
      return { text: t('statusTimeout') + from + retry(nextPollAt) };
    case 'server':
      return { text: t('statusServer') + from + retry(nextPollAt) };
    case 'bad_payload':
      return { text: t('statusBadPayload') + from };
  }
}
