import { accountOfKey } from '../accounts';
import { formatDuration } from '../duration';
import { formatClock, formatPercent } from '../format';
import { t } from '../i18n';
import type { Settings } from '../settings';
import type { Failure, Limit, Reading } from '../usage/types';
import { decideForecast, forecastNotice } from './forecast-alert';
import type { AlertState, LimitMemory, Notice } from './state';
import { decideUnused } from './unused';

type NotificationSettings = Settings['notifications'];

const MINUTE = 60_000;
/** `resets_at` jitters by microseconds; a window restarts only when it moves by more than this. */
const RESET_MOVE_MS = 5 * MINUTE;
/** A threshold re-arms once usage falls this many points below it. */
const REARM_POINTS = 5;
/** Limits unseen this long are forgotten, so the state stays small. */
const FORGET_MS = 30 * 24 * 60 * MINUTE;

export interface ReadingInput {
  orgId: string;
  /** The organisation's name, when more than one is tracked. */
  orgLabel?: string;
  reading: Reading;
}

export interface Decision {
  notices: Notice[];
  state: AlertState;
}

/** Minutes since local midnight, for quiet hours; the caller passes it so tests need no time zone. */
export function inQuietHours(
  quiet: NotificationSettings['quietHours'],
  localMinutes: number,
): boolean {
  if (!quiet.enabled) return false;
  const toMinutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return false;
  return start < end
    ? localMinutes >= start && localMinutes < end
    : localMinutes >= start || localMinutes < end;
}

/** A notice's message line, with the organisation after it when several are tracked. */
export function withOrg(line: string, orgLabel?: string): string {
  return orgLabel ? t('notifyLineWithOrg', [line, orgLabel]) : line;
}

/** "Resets in 2 h 11 min · 09:56"; at the limit "Back at 09:56 (in 2 h 11 min)". */
function resetLine(limit: Limit, now: number, reached = false): string {
  if (limit.resetsAt === null) return t('notifyLineNotStarted');
  const left = limit.resetsAt - now;
  if (left <= 0) return t('notifyLineResettingNow');
  const clock = formatClock(limit.resetsAt, now);
  return reached
    ? t('notifyLineBackAt', [clock, formatDuration(left)])
    : t('notifyLineResetsIn', [formatDuration(left), clock]);
}

const alertable = (limit: Limit, settings: NotificationSettings) =>
  limit.kind !== 'other' && settings.kinds[limit.kind];

/**
 * What to announce after a reading, and the state to keep: one notice when a threshold is first
 * reached (the highest, when several are passed at once), one when the limit is reached, one when
 * a window that had run high starts again. Hovering near a threshold never repeats it: it re-arms
 * only after a reset or a fall of 5 points, and a cooldown bounds it anyway. Pure.
 */
export function decideOnReading(
  state: AlertState,
  { orgId, orgLabel, reading }: ReadingInput,
  settings: NotificationSettings,
  now: number,
  localMinutes: number,
): Decision {
  const limits: Record<string, LimitMemory> = {};
  for (const [key, memory] of Object.entries(state.limits)) {
    if (now - memory.seenAt < FORGET_MS) limits[key] = memory;
  }
  const notices: Notice[] = [];
  const cooldown = settings.cooldownHours * 60 * MINUTE;

  for (const limit of reading.limits) {
    const key = `${orgId}|${limit.id}`;
    const before = limits[key];
    const reset =
      before !== undefined &&
      before.resetsAt !== null &&
      limit.resetsAt !== null &&
      limit.resetsAt - before.resetsAt > RESET_MOVE_MS &&
      limit.percent < before.percent;
    const memory: LimitMemory =
      reset || !before
        ? {
            resetsAt: limit.resetsAt,
            percent: limit.percent,
            peak: limit.percent,
            fired: {},
            lastShown: { ...before?.lastShown },
            seenAt: now,
          }
        : { ...before, fired: { ...before.fired }, lastShown: { ...before.lastShown } };
    limits[key] = memory;
    if (!alertable(limit, settings)) {
      Object.assign(memory, { resetsAt: limit.resetsAt, percent: limit.percent, seenAt: now });
      continue;
    }

    if (reset && settings.resetAlerts && before!.peak >= settings.resetAfterPercent) {
      notices.push({
        id: `reset:${key}`,
        kind: 'reset',
        title: t('notifyTitleReset', limit.label),
        message: withOrg(t('notifyLineUsedNow', formatPercent(limit.percent)), orgLabel),
        priority: 1,
        key,
      });
    }

    for (const threshold of Object.keys(memory.fired).map(Number)) {
      if (limit.percent <= threshold - REARM_POINTS) delete memory.fired[threshold];
    }
    const levels = [...settings.thresholds, ...(settings.limitReached ? [100] : [])];
    const passed = levels.filter((t) => limit.percent >= t && memory.fired[t] === undefined);
    const highest = Math.max(...passed);
    for (const t of passed) memory.fired[t] = now;
    if (passed.length > 0 && now - (memory.lastShown[highest] ?? -Infinity) >= cooldown) {
      memory.lastShown[highest] = now;
      notices.push(
        highest >= 100
          ? {
              id: `reached:${key}`,
              kind: 'reached',
              title: t('notifyTitleReached', limit.label),
              message: withOrg(resetLine(limit, now, true), orgLabel),
              priority: 3,
              key,
              percent: 100,
            }
          : {
              id: `threshold:${key}`,
              kind: 'threshold',
              title: t('notifyTitleThreshold', [limit.label, formatPercent(limit.percent)]),
              message: withOrg(resetLine(limit, now), orgLabel),
              priority: 2 + highest / 1000,
              key,
              percent: highest,
            },
      );
    }
    const outlook = decideForecast(memory, limit, reading.at, settings, now);
    Object.assign(memory, outlook.memory);
    if (outlook.due) notices.push(forecastNotice(limit, outlook.due, key, orgLabel, now));
    const unused = decideUnused(limit, key, settings.useItOrLoseIt, memory.unusedFor, now);
    if (unused) {
      memory.unusedFor = limit.resetsAt!;
      notices.push({ ...unused, message: withOrg(unused.message, orgLabel) });
    }
    Object.assign(memory, {
      resetsAt: limit.resetsAt,
      percent: limit.percent,
      peak: Math.max(memory.peak, limit.percent),
      seenAt: now,
    });
  }

  // A reading re-arms the sign-out notice of its own login only.
  const account = accountOfKey(orgId);
  const next: AlertState = account
    ? { ...state, limits, keyExpiredShown: state.keyExpiredShown?.filter((id) => id !== account) }
    : { ...state, limits, signedOutShown: false };
  return hold({ notices: settings.enabled ? notices : [], state: next }, settings, localMinutes);
}

const KEY_EXPIRED = 'key-expired:';

/** After a failed poll: a sign-out is announced once; nothing else, and never a reset. Pure. */
export function decideOnFailure(
  state: AlertState,
  failure: Failure,
  settings: NotificationSettings,
  localMinutes: number,
): Decision {
  if (failure.kind !== 'signed_out') return { notices: [], state };
  const account = failure.account;
  if (account) {
    // An added login's key stopped working: said once, naming it, until it reads again.
    if (state.keyExpiredShown?.includes(account.id)) return { notices: [], state };
    const notice: Notice = {
      id: KEY_EXPIRED + account.id,
      kind: 'signed_out',
      title: t('notifyTitleKeyExpired', account.name),
      message: t('notifyKeyExpired'),
      priority: 2.5,
    };
    const next = { ...state, keyExpiredShown: [...(state.keyExpiredShown ?? []), account.id] };
    return hold({ notices: settings.enabled ? [notice] : [], state: next }, settings, localMinutes);
  }
  if (state.signedOutShown) return { notices: [], state };
  const notice: Notice = {
    id: 'signed-out',
    kind: 'signed_out',
    title: t('notifyTitleSignedOut'),
    message: t('notifySignedOut'),
    priority: 2.5,
  };
  const next = { ...state, signedOutShown: true };
  return hold({ notices: settings.enabled ? [notice] : [], state: next }, settings, localMinutes);
}

/**
 * In quiet hours, notices wait; afterwards, the most important one still true is shown, and any
 * "use it or lose it" still true besides (it would not come again that week). `now`
 * (0 when unknown) drops one whose time has passed even when no reading shows it. Pure.
 */
export function releaseHeld(
  state: AlertState,
  latest: Record<string, Reading>,
  settings: NotificationSettings,
  localMinutes: number,
  now = 0,
): Decision {
  if (state.held.length === 0 || inQuietHours(settings.quietHours, localMinutes))
    return { notices: [], state };
  const stillTrue = state.held.filter((notice) => {
    if (notice.percent === undefined || !notice.key)
      return notice.kind !== 'signed_out'
        ? true
        : notice.id.startsWith(KEY_EXPIRED)
          ? !!state.keyExpiredShown?.includes(notice.id.slice(KEY_EXPIRED.length))
          : state.signedOutShown;
    const [orgId, limitId] = notice.key.split('|');
    const limit = latest[orgId!]?.limits.find((l) => l.id === limitId);
    // Past its time (by the reading, or by the clock when the last poll failed): dropped.
    const at = Math.max(latest[orgId!]?.at ?? 0, now);
    if (notice.expiresAt !== undefined && at >= notice.expiresAt) return false;
    if (limit === undefined) return false;
    // "Use it or lose it" stays true while usage stays below its percent; the others while above.
    return notice.kind === 'unused'
      ? limit.percent < notice.percent
      : limit.percent >= notice.percent;
  });
  const [best, ...rest] = stillTrue.sort((a, b) => b.priority - a.priority);
  // "Use it or lose it" comes once a week: never lost to a warning that outranks it.
  const shown = best ? [best, ...rest.filter((n) => n.kind === 'unused')] : [];
  return { notices: settings.enabled ? shown : [], state: { ...state, held: [] } };
}

function hold(decision: Decision, settings: NotificationSettings, localMinutes: number): Decision {
  if (decision.notices.length === 0 || !inQuietHours(settings.quietHours, localMinutes))
    return decision;
  const held = [
    ...decision.state.held.filter((h) => !decision.notices.some((n) => n.id === h.id)),
    ...decision.notices,
  ];
  return { notices: [], state: { ...decision.state, held } };
}
