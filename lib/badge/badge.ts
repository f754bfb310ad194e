import { orgTitle } from '../accounts/accounts';
import { formatDuration } from '../display/duration';
import { formatAgo, formatClock, formatPercent } from '../display/format';
import { t, type MessageKey } from '../display/i18n';
import { LEVEL_COLORS, levelOf } from '../display/levels';
import type { Settings } from '../settings';
import { currentFailure } from '../poll/status';
import type { FailureKind, Limit, Org, OrgStatus, Reading } from '../usage/types';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** Chrome shows about four characters on a badge; more are cut off. */
const BADGE_CHARS = 4;

/**
 * The badge's percent text in the locale's style, in at most four characters: "91%", "91 %"
 * (French, with its narrow no-break space), "100%" where "100 %" would not fit, and the bare
 * number when even that is too long or the sign is switched off. Pure.
 */
export function badgePercentText(percent: number, showSign: boolean, locale?: string): string {
  const shown = Number.isFinite(percent) ? Math.min(999, Math.max(0, percent)) : 0;
  const full = formatPercent(shown, locale);
  const digits = full.replace(/\D/g, '');
  if (!showSign) return digits;
  if (full.length <= BADGE_CHARS) return full;
  const tight = full.replace(/\s/g, '');
  return tight.length <= BADGE_CHARS ? tight : digits;
}

/** Limits that can stop a person from chatting; other surfaces never drive the badge. */
function isBinding(limit: Limit): boolean {
  return limit.kind === 'session' || limit.kind === 'weekly' || limit.kind === 'weekly_model';
}

/** Each organisation's tightest percent as the badge counts it, when it has a reading. Pure. */
export function tightestOf(
  orgs: readonly { uuid: string }[],
  latest: Record<string, Reading>,
  choice: Settings['badge']['limit'],
): Record<string, number | undefined> {
  return Object.fromEntries(
    orgs.map((o) => [o.uuid, latest[o.uuid] && badgeLimit(latest[o.uuid]!, choice)?.percent]),
  );
}

/** The limit the badge shows: the highest percent among the binding ones, or the one chosen. */
export function badgeLimit(reading: Reading, choice: Settings['badge']['limit']): Limit | null {
  if (choice !== 'tightest') {
    const chosen = reading.limits.find((l) => l.kind === choice);
    if (chosen) return chosen;
  }
  let tightest: Limit | null = null;
  for (const limit of reading.limits) {
    if (isBinding(limit) && (!tightest || limit.percent > tightest.percent)) tightest = limit;
  }
  return tightest;
}

/** "5-hour session: 48% · resets in 2 h 11 min" */
export function describeLimit(limit: Limit, now: number, locale?: string): string {
  const percent = formatPercent(limit.percent, locale);
  const left = limit.resetsAt === null ? null : limit.resetsAt - now;
  const state =
    left === null
      ? t('badgeNotStarted')
      : left > 0
        ? t('badgeResetsIn', formatDuration(left))
        : t('badgeResetting');
  return t('badgeLimitLine', [limit.label, percent, state]);
}

const FAILURE_HINTS: Record<FailureKind, MessageKey> = {
  signed_out: 'hintSignedOut',
  no_access: 'hintNoAccess',
  no_chat_org: 'hintNoChatOrg',
  org_forbidden: 'hintOrgForbidden',
  challenge: 'hintChallenge',
  region_blocked: 'hintRegion',
  rate_limited: 'hintRateLimited',
  server: 'hintServer',
  network: 'hintNetwork',
  timeout: 'hintTimeout',
  bad_payload: 'hintBadPayload',
};

/** What to do about a failure, for the tooltip; a kind from a newer version gets the generic line. */
function failureHint(kind: FailureKind): string {
  const key = FAILURE_HINTS[kind] as MessageKey | undefined;
  return t(key ?? 'badgeUpdateFailed');
}

export interface BadgeInput {
  reading: Reading | null;
  org: Org | null;
  /** The status of the badge's organisation (see `statusOf`). */
  status: OrgStatus;
  settings: Settings;
  now: number;
  /** For `Intl`; the browser's language when absent. */
  locale?: string;
}

/**
 * What the toolbar badge and its tooltip show. Signed out (and no access) is the only state that
 * drops the number, for a grey "!". Any other failed poll keeps the number on grey until a poll
 * succeeds, and the tooltip says why and since when; a reading older than three poll intervals is
 * grey too. At or over the limit the badge is red whatever the thresholds say. Pure.
 */
export function computeBadge({
  reading,
  org,
  status,
  settings,
  now,
  locale,
}: BadgeInput): BadgeView {
  const error = currentFailure(status);
  const app = t('extName');
  const header = org ? [app, org.plan, orgTitle(org)].filter(Boolean).join(' · ') : app;

  if (
    error &&
    (error.kind === 'signed_out' || error.kind === 'no_chat_org' || error.kind === 'no_access')
  ) {
    return { text: '!', color: LEVEL_COLORS.stale, title: `${app}\n${failureHint(error.kind)}` };
  }
  const limit = reading ? badgeLimit(reading, settings.badge.limit) : null;
  if (!reading || !limit) {
    // A plan without limits (the Free plan) is a good reading: no number, no alarm colour.
    const known = !reading
      ? []
      : reading.limits.length === 0
        ? [t('badgeNoLimits')]
        : reading.limits.map((l) => describeLimit(l, now));
    const hint = error ? [failureHint(error.kind)] : reading ? [] : [t('statusReading')];
    return {
      text: '',
      color: LEVEL_COLORS.stale,
      title: [header, ...known, ...hint].join('\n'),
    };
  }

  const text = badgePercentText(limit.percent, settings.badge.showPercentSign, locale);
  const stale = now - reading.at > 3 * settings.pollMinutes * 60_000;
  const level = limit.percent >= 100 ? 'critical' : levelOf(limit.percent, settings.badge);
  // A failed poll greys the number at once: it may be out of date, so it must not look fresh.
  const color = error || stale ? LEVEL_COLORS.stale : LEVEL_COLORS[level];
  const lines = [header, ...reading.limits.map((l) => describeLimit(l, now, locale))];
  if (error || stale) {
    const since = reading.at;
    lines.push(
      t('badgeNotUpdatedSince', [formatClock(since, now, locale), formatAgo(since, now, locale)]),
    );
  }
  if (error) lines.push(failureHint(error.kind));
  else if (stale) lines.push(t('badgeStale'));
  return { text, color, title: lines.join('\n') };
}

/**
 * The organisation the badge follows: a fixed one when chosen and still tracked, else the one whose
 * badge limit is tightest (ties: the first in the server's order).
 */
export function chooseBadgeOrg(
  orgs: readonly Org[],
  latest: Record<string, Reading>,
  settings: Pick<Settings, 'badgeOrg' | 'badge'>,
): Org | null {
  const fixed = orgs.find((o) => o.uuid === settings.badgeOrg);
  if (fixed) return fixed;
  let best: Org | null = null;
  let bestPercent = -Infinity;
  for (const org of orgs) {
    const reading = latest[org.uuid];
    const percent = reading ? (badgeLimit(reading, settings.badge.limit)?.percent ?? -1) : -2;
    if (percent > bestPercent) {
      best = org;
      bestPercent = percent;
    }
  }
  return best;
}
