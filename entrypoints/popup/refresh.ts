/**
 * What the popup's Refresh does, loaded after the first paint with the rule it follows: the
 * worker decides by the same rule, and asking here first spares a spinner that would do nothing.
 */

import { askWorker, type RefreshTrigger } from '@/lib/messages';
import { CLICK_SPACING_MS, pollGate } from '@/lib/poll/poll-gate';
import type { PollStatus } from '@/lib/usage/types';
import { ext } from './ext';

/** Until when claude.ai asked us to wait (or a failure backoff holds), if that is worth a clock time. */
export function nextTryOf(status: PollStatus, now: number): number | null {
  const gate = pollGate(status, 'refresh', now);
  // A few seconds' spacing after a try is not worth a clock time.
  return !gate.go && gate.until !== null && gate.until - now > CLICK_SPACING_MS ? gate.until : null;
}

/** Asks the worker to poll now when the rule allows it; `busy` is told while the ask runs. */
export async function refreshNow(
  status: PollStatus,
  trigger: RefreshTrigger,
  busy: (on: boolean) => void,
): Promise<void> {
  if (!pollGate(status, trigger, Date.now()).go) return;
  busy(true);
  try {
    await askWorker(ext, { type: 'refresh', trigger });
  } finally {
    busy(false);
  }
}

/**
 * Opening the popup refreshes old numbers, or a failure (signing in again is noticed at once);
 * held back for a few seconds only, it tries when they have passed. Returns the cancel.
 */
export function refreshOnOpen(status: PollStatus, refresh: () => void): () => void {
  const gate = pollGate(status, 'open', Date.now());
  if (gate.go) refresh();
  if (gate.go || gate.why !== 'spacing' || gate.until === null) return () => {};
  const timer = setTimeout(refresh, gate.until - Date.now() + 50);
  return () => clearTimeout(timer);
}
