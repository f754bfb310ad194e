import { accountOfKey } from '../accounts/accounts';
import { formatDuration } from '../display/duration';
import { formatClock, formatPercent } from '../display/format';
import { t } from '../display/i18n';
import type { Settings } from '../settings';
import type { Failure, Limit, Reading } from '../usage/types';
import { decideForecast, forecastNotice } from './forecast-alert';
import { hold } from './quiet';
import {
  KEY_EXPIRED,
  type AlertState,
  type Decision,
  type LimitMemory,
  type Notice,
} from './state';
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

export type { Decision } from './state';

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

// Quiet hours and what they hold: `./quiet.ts`.
export { inQuietHours, releaseHeld } from './quiet';
