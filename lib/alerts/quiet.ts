import type { Settings } from '../settings';
import type { Reading } from '../usage/types';
import { KEY_EXPIRED, type AlertState, type Decision } from './state';

type NotificationSettings = Settings['notifications'];

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

export function hold(
  decision: Decision,
  settings: NotificationSettings,
  localMinutes: number,
): Decision {
  if (decision.notices.length === 0 || !inQuietHours(settings.quietHours, localMinutes))
    return decision;
  const held = [
    ...decision.state.held.filter((h) => !decision.notices.some((n) => n.id === h.id)),
    ...decision.notices,
  ];
  return { notices: [], state: { ...decision.state, held } };
}
