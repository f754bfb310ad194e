import { formatDuration, formatForecastIn } from './duration';
import { formatAgo, formatClock, formatPercent } from './format';
import { t, type MessageKey } from './i18n';
import type { LimitOutlook } from '../forecast/outlook';
import type { Failure, FailureKind, Limit } from '../usage/types';

/** How the verdict line looks: its colour follows what it says. */
export type VerdictTone = 'ok' | 'warn' | 'critical' | 'problem';

export type VerdictKind =
  'signed_out' | 'limit_reached' | 'not_updated' | 'runs_out' | 'lasts' | 'tightest';

export interface Verdict {
  kind: VerdictKind;
  tone: VerdictTone;
  text: string;
}

export interface VerdictInput {
  limits: readonly Limit[];
  /** The outlook of each limit by id (missing: nothing known). */
  outlooks: Readonly<Record<string, LimitOutlook>>;
  /** The failure newer than the last success, if any. */
  failure: Failure | null;
  lastSuccessAt: number | null;
  /** The numbers are older than the polls should make them. */
  stale: boolean;
  now: number;
  locale?: string;
}

/** Why the numbers are not new, as the end of "Not updated since 14:02: …". */
const REASONS: Record<Exclude<FailureKind, 'signed_out'>, MessageKey> = {
  server: 'verdictReasonNotAnswering',
  timeout: 'verdictReasonNotAnswering',
  network: 'verdictReasonOffline',
  rate_limited: 'verdictReasonRateLimited',
  challenge: 'verdictReasonChallenge',
  org_forbidden: 'verdictReasonOrgForbidden',
  no_access: 'verdictReasonNoAccess',
  no_chat_org: 'verdictReasonNoChatOrg',
  bad_payload: 'verdictReasonBadPayload',
  region_blocked: 'verdictReasonRegion',
};

/** "08:43 (in 47 min)": a clock time never goes without the time left until it. */
function clockAndLeft(at: number, now: number, locale?: string): [string, string] {
  return [formatClock(at, now, locale), formatDuration(at - now)];
}

/**
 * The one line at the top of the popup: what matters now, the most urgent first. Signed out, then
 * a limit reached (the one that frees last), then numbers that are not current, then the limit
 * that runs out first at this pace, then "all last", then (with too little history to forecast)
 * the tightest limit and its reset. Null while there is nothing to say (no reading yet). Pure.
 */
export function verdictOf(input: VerdictInput): Verdict | null {
  const { limits, outlooks, failure, lastSuccessAt, stale, now, locale } = input;
  // An added login's expired key is its own: the browser's claude.ai session is fine.
  if (failure?.kind === 'signed_out')
    return {
      kind: 'signed_out',
      tone: 'problem',
      text: t(failure.account ? 'verdictKeyExpired' : 'verdictSignedOut'),
    };

  const reached = limits
    .filter((l) => l.percent >= 100 && l.resetsAt !== null && l.resetsAt > now)
    .sort((a, b) => b.resetsAt! - a.resetsAt!)[0];
  if (reached)
    return {
      kind: 'limit_reached',
      tone: 'critical',
      text: t('limitReachedBack', clockAndLeft(reached.resetsAt!, now, locale)),
    };

  if (failure || stale) {
    const reason = t(failure ? REASONS[failure.kind] : 'verdictReasonNoCheck');
    return {
      kind: 'not_updated',
      tone: 'problem',
      text:
        lastSuccessAt === null
          ? t('verdictNotUpdatedYet', reason)
          : t('verdictNotUpdated', [
              formatClock(lastSuccessAt, now, locale),
              formatAgo(lastSuccessAt, now, locale),
              reason,
            ]),
    };
  }

  if (limits.length === 0) return null;
  const runsOut = limits
    .filter((l) => outlooks[l.id]?.runsOutAt !== undefined && l.resetsAt !== null)
    .sort((a, b) => outlooks[a.id]!.runsOutAt! - outlooks[b.id]!.runsOutAt!)[0];
  if (runsOut) {
    const at = outlooks[runsOut.id]!.runsOutAt!;
    return {
      kind: 'runs_out',
      tone: 'warn',
      text: t('verdictRunsOut', [
        runsOut.label,
        formatForecastIn(at - now),
        formatClock(runsOut.resetsAt!, now, locale),
      ]),
    };
  }
  if (limits.some((l) => outlooks[l.id]?.lasts))
    return { kind: 'lasts', tone: 'ok', text: t('verdictLasts') };

  const tightest = [...limits].sort((a, b) => b.percent - a.percent)[0]!;
  const reset =
    tightest.resetsAt !== null && tightest.resetsAt > now
      ? t('verdictResetsIn', clockAndLeft(tightest.resetsAt, now, locale).reverse())
      : t('countdownNotStarted');
  return {
    kind: 'tightest',
    tone: 'ok',
    text: t('verdictTightest', [tightest.label, formatPercent(tightest.percent, locale), reset]),
  };
}
