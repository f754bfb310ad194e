import { formatDuration } from '../display/duration';
import { formatClock, formatPercent } from '../display/format';
import { t } from '../display/i18n';
import type { Reading } from '../usage/types';
import { withOrg } from './decide';
import type { Notice } from './state';

const MINUTE = 60_000;
/** The alarm waits this long past `resets_at`: the server needs a moment to start the window. */
export const REMINDER_GRACE_MS = 30_000;
/** When a reading still shows the old window past its reset, look again this much later. */
export const REMINDER_RETRY_MS = MINUTE;
/** `resets_at` jitters; a window counts as new only when it moved by more than this. */
const NEW_WINDOW_MS = 5 * MINUTE;
/** Give up after this many looks that found the old window still there (stale data). */
const MAX_LOOKS = 30;

/** A one-shot "notify me when it resets" for one limit. */
export interface Reminder {
  orgId: string;
  limitId: string;
  label: string;
  /** The reset it waits for (epoch ms). */
  resetsAt: number;
  /** The limit's percent when it was set: a reset shows as a lower one in a new window. */
  percent: number;
  /** Looks that found the old window (for the give-up bound). */
  looks: number;
}

/** Reminders by `orgId|limitId`; kept in `storage.local` so they survive a browser restart. */
export type Reminders = Record<string, Reminder>;

export const ALARM_PREFIX = 'reset-reminder:';
export const reminderKey = (orgId: string, limitId: string) => `${orgId}|${limitId}`;
export const alarmName = (key: string) => ALARM_PREFIX + key;
/** The reminder key an alarm is for, or null when the alarm is another one. */
export const keyOfAlarm = (name: string) =>
  name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : null;

/** When a reminder's alarm should ring. Pure. */
export const alarmTime = (reminder: Reminder, now: number) =>
  Math.max(reminder.resetsAt + REMINDER_GRACE_MS, now + 1000);

/**
 * What a reminder's alarm found: the limit is back (tell, forget the reminder); its reset moved
 * later (tell when, wait again); or nothing fresh yet (look again soon, silently). Pure.
 */
export type ReminderOutcome =
  | { kind: 'back'; notice: Notice }
  | { kind: 'moved'; notice: Notice; reminder: Reminder }
  | { kind: 'again'; reminder: Reminder; at: number }
  | { kind: 'drop' };

/** Decide a reminder once its alarm rang and a poll was made (`reading` its org's latest). Pure. */
export function checkReminder(
  reminder: Reminder,
  reading: Reading | undefined,
  now: number,
  orgLabel?: string,
): ReminderOutcome {
  const key = reminderKey(reminder.orgId, reminder.limitId);
  // The reset alert's id: if it also announces this reset, the tray keeps one notice, not two.
  const base = { kind: 'reset' as const, priority: 1, key, id: `reset:${key}` };
  if (!reading || reading.at < reminder.resetsAt) {
    // No reading since the reset (the poll failed or was held back): look again soon.
    const looks = reminder.looks + 1;
    if (looks > MAX_LOOKS) return { kind: 'drop' };
    return { kind: 'again', reminder: { ...reminder, looks }, at: now + REMINDER_RETRY_MS };
  }
  const limit = reading.limits.find((l) => l.id === reminder.limitId);
  const newWindow =
    !limit || limit.resetsAt === null || limit.resetsAt - reminder.resetsAt > NEW_WINDOW_MS;
  if (!limit || (newWindow && limit.percent < reminder.percent)) {
    return {
      kind: 'back',
      notice: {
        ...base,
        title: t('remBackTitle', reminder.label),
        message: withOrg(t('notifyLineUsedNow', formatPercent(limit?.percent ?? 0)), orgLabel),
      },
    };
  }
  if (limit.resetsAt !== null && limit.resetsAt > now) {
    const next = { ...reminder, resetsAt: limit.resetsAt, percent: limit.percent, looks: 0 };
    return {
      kind: 'moved',
      reminder: next,
      notice: {
        ...base,
        title: t('remMovedTitle', reminder.label),
        message: withOrg(
          t('notifyLineResetsIn', [
            formatDuration(limit.resetsAt - now),
            formatClock(limit.resetsAt, now),
          ]),
          orgLabel,
        ),
      },
    };
  }
  const looks = reminder.looks + 1;
  if (looks > MAX_LOOKS) return { kind: 'drop' };
  return { kind: 'again', reminder: { ...reminder, looks }, at: now + REMINDER_RETRY_MS };
}

/**
 * The alarms a fresh worker must (re)create: one per reminder whose alarm is missing (a browser
 * restart keeps alarms in Chrome, but not after every update or in every browser). Pure.
 */
export function missingAlarms(
  reminders: Reminders,
  alarms: readonly string[],
  now: number,
): { name: string; when: number }[] {
  return Object.entries(reminders)
    .filter(([key]) => !alarms.includes(alarmName(key)))
    .map(([key, reminder]) => ({ name: alarmName(key), when: alarmTime(reminder, now) }));
}

/** Whether a limit's row offers the reminder: at the limit, or over the reset threshold. Pure. */
export function offersReminder(
  percent: number,
  resetsAt: number | null,
  resetAfterPercent: number,
  now: number,
): boolean {
  return resetsAt !== null && resetsAt > now && percent >= Math.min(100, resetAfterPercent);
}
