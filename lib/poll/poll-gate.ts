import type { FailureKind, PollStatus } from '../usage/types';

/**
 * What asks for a poll: the worker's own schedule, or a person (Refresh, opening the popup, a
 * page), or an account just added or given a new key (like the schedule: only `Retry-After` holds it).
 */
export type PollTrigger =
  'install' | 'startup' | 'alarm' | 'wake' | 'account' | 'refresh' | 'open' | 'page';

/** Whether a trigger may send a request now; when not, until when (null: until the schedule's next poll). */
export type Gate =
  | { go: true }
  | { go: false; why: 'retry_after' | 'backoff' | 'spacing' | 'fresh'; until: number | null };

/** During a failure backoff a manual Refresh may try at most this often. */
export const MANUAL_RETRY_SPACING_MS = 60_000;
/** A page asks for at most one extra poll this often, however many tabs ask. */
export const PAGE_SPACING_MS = 60_000;
/** Opening the popup reads again only numbers older than this. */
export const OPEN_FRESH_MS = 60_000;
/** Two clicks this close together are one: answered from the poll that just ran. */
export const CLICK_SPACING_MS = 5_000;

/** Failures that the schedule does not back off from: nothing we send can make them worse. */
const NOT_BACKED_OFF: ReadonlySet<FailureKind> = new Set([
  'signed_out',
  'no_chat_org',
  'no_access',
]);

/** The latest `Retry-After` time any organisation (or the whole poll) was told, if still ahead. */
export function retryAfterOf(status: PollStatus, now: number): number | null {
  const errors = [status.lastError, ...Object.values(status.byOrg ?? {}).map((s) => s.lastError)];
  const times = errors.map((e) => e?.retryAt ?? 0).filter((at) => at > now);
  return times.length > 0 ? Math.max(...times) : null;
}

/**
 * The polling etiquette as one decision. Nothing sends a request before a `Retry-After` time.
 * The schedule (alarm, install, startup, wake) carries the backoff itself and may always go.
 * During a failure backoff a Refresh click may try once a minute and opening the popup never
 * tries, nor does a page; signed out (or no organisation, no access) costs claude.ai nothing, so
 * a click or an open tries at once, which is how signing in again is noticed. A page (the in-page
 * meter after a message is sent) asks for at most one extra poll a minute.
 */
export function pollGate(status: PollStatus, trigger: PollTrigger, now: number): Gate {
  const retryAt = retryAfterOf(status, now);
  if (retryAt !== null) return { go: false, why: 'retry_after', until: retryAt };
  if (trigger !== 'refresh' && trigger !== 'open' && trigger !== 'page') return { go: true };

  const failing = status.consecutiveFailures > 0 && status.lastError !== null;
  const lastAttempt = status.lastAttemptAt ?? -Infinity;
  const spaced = (gap: number): Gate =>
    now - lastAttempt >= gap
      ? { go: true }
      : { go: false, why: 'spacing', until: lastAttempt + gap };

  if (failing && !NOT_BACKED_OFF.has(status.lastError!.kind)) {
    if (trigger === 'refresh') return spaced(MANUAL_RETRY_SPACING_MS);
    return { go: false, why: 'backoff', until: status.nextPollAt };
  }
  if (trigger === 'page') return spaced(PAGE_SPACING_MS);
  if (failing) return spaced(CLICK_SPACING_MS);

  const lastSuccess = status.lastSuccessAt ?? -Infinity;
  const gap = trigger === 'open' ? OPEN_FRESH_MS : CLICK_SPACING_MS;
  return now - lastSuccess >= gap ? { go: true } : { go: false, why: 'fresh', until: null };
}
