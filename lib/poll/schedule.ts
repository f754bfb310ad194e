import type { Settings } from '../settings';
import type { Failure, Reading } from '../usage/types';

const MINUTE = 60_000;
/** Never wait longer than this between tries, however many failures in a row. */
export const MAX_BACKOFF_MS = 30 * MINUTE;
/** Chrome fires alarms no sooner than 30 s apart for packed extensions. */
const MIN_DELAY_MS = 30_000;
/** Poll again this long after a known reset, to show the fresh window. */
export const AFTER_RESET_MS = 30_000;

/** True when any limit moved between two readings of the same organisation. */
export function readingsDiffer(a: Reading | undefined, b: Reading): boolean {
  if (!a) return false;
  if (a.limits.length !== b.limits.length) return true;
  return b.limits.some((limit) => {
    const before = a.limits.find((l) => l.id === limit.id);
    return !before || before.percent !== limit.percent;
  });
}

/**
 * When to poll next after a successful reading: the interval, a minute while usage rises (if
 * enabled), and never later than shortly after the earliest known reset.
 */
export function nextAfterSuccess(
  settings: Settings,
  reading: Reading,
  previous: Reading | undefined,
  now: number,
): number {
  let delay = settings.pollMinutes * MINUTE;
  if (settings.pollFasterWhileRising && readingsDiffer(previous, reading))
    delay = Math.min(delay, MINUTE);
  let next = now + delay;
  for (const limit of reading.limits) {
    if (limit.resetsAt !== null && limit.resetsAt > now) {
      next = Math.min(next, limit.resetsAt + AFTER_RESET_MS);
    }
  }
  return Math.max(next, now + MIN_DELAY_MS);
}

/**
 * When to try again after a failure: exponential backoff from the interval, capped at
 * MAX_BACKOFF_MS, and never before `Retry-After`. Signed out waits the plain interval, so signing
 * in is noticed soon without hammering.
 */
export function nextAfterFailure(
  settings: Settings,
  failure: Failure,
  consecutiveFailures: number,
  now: number,
): number {
  const base = settings.pollMinutes * MINUTE;
  if (
    failure.kind === 'signed_out' ||
    failure.kind === 'no_chat_org' ||
    failure.kind === 'no_access'
  ) {
    return now + base;
  }
  const exponent = Math.max(0, Math.min(consecutiveFailures - 1, 10));
  let delay = Math.min(MAX_BACKOFF_MS, Math.max(MINUTE, base) * 2 ** exponent);
  if (failure.retryAt !== undefined) delay = Math.max(delay, failure.retryAt - now);
  return now + Math.max(delay, MIN_DELAY_MS);
}
