import { formatDuration } from './duration';
import { LEVEL_COLORS, levelOf } from './levels';
import type { Settings } from './settings';
import { currentFailure } from './status';
import type { FailureKind, Limit, Org, OrgStatus, Reading } from './usage/types';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

const APP = 'Claude Usage Meter';

/** Limits that can stop a person from chatting; other surfaces never drive the badge. */
function isBinding(limit: Limit): boolean {
  return limit.kind === 'session' || limit.kind === 'weekly' || limit.kind === 'weekly_model';
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
export function describeLimit(limit: Limit, now: number): string {
  const percent = `${Math.round(limit.percent)}%`;
  if (limit.resetsAt === null) return `${limit.label}: ${percent} · not started`;
  const left = limit.resetsAt - now;
  return `${limit.label}: ${percent} · ${left > 0 ? `resets in ${formatDuration(left)}` : 'resetting'}`;
}

const FAILURE_HINTS: Record<FailureKind, string> = {
  signed_out: 'Signed out of claude.ai. Sign in to claude.ai to keep tracking.',
  no_access: 'No access to claude.ai. Open the popup and allow access to keep tracking.',
  no_chat_org: 'No Claude chat organisation on this account.',
  org_forbidden: 'claude.ai refused this organisation. Open claude.ai to check your account.',
  challenge: 'claude.ai asks for a browser check. Open claude.ai once to pass it.',
  rate_limited: 'claude.ai is rate limiting; retrying later.',
  server: 'claude.ai had a server error; retrying.',
  network: 'Offline or claude.ai unreachable; retrying.',
  timeout: 'claude.ai did not answer in time; retrying.',
  bad_payload: 'claude.ai sent usage in a form we could not read; retrying.',
};

export interface BadgeInput {
  reading: Reading | null;
  org: Org | null;
  /** The status of the badge's organisation (see `statusOf`). */
  status: OrgStatus;
  settings: Settings;
  now: number;
}

/**
 * What the toolbar badge and its tooltip show. Signed out is the only state that drops the number;
 * any other failure keeps it, greyed once the reading is older than three poll intervals. Pure.
 */
export function computeBadge({ reading, org, status, settings, now }: BadgeInput): BadgeView {
  const error = currentFailure(status);
  const header = org ? `${APP} · ${[org.plan, org.name].filter(Boolean).join(' · ')}` : APP;

  if (
    error &&
    (error.kind === 'signed_out' || error.kind === 'no_chat_org' || error.kind === 'no_access')
  ) {
    return { text: '!', color: LEVEL_COLORS.stale, title: `${APP}\n${FAILURE_HINTS[error.kind]}` };
  }
  const limit = reading ? badgeLimit(reading, settings.badge.limit) : null;
  if (!reading || !limit) {
    const hint = error ? FAILURE_HINTS[error.kind] : 'Reading your usage…';
    return { text: '', color: LEVEL_COLORS.stale, title: `${header}\n${hint}` };
  }

  const rounded = Math.min(999, Math.round(limit.percent));
  const text = `${rounded}${settings.badge.showPercentSign ? '%' : ''}`;
  const stale = now - reading.at > 3 * settings.pollMinutes * 60_000;
  const color = stale ? LEVEL_COLORS.stale : LEVEL_COLORS[levelOf(limit.percent, settings.badge)];
  const lines = [header, ...reading.limits.map((l) => describeLimit(l, now))];
  if (error) lines.push(FAILURE_HINTS[error.kind] ?? 'Last update failed; retrying.');
  else if (stale) lines.push('Not updated recently; numbers may be out of date.');
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
