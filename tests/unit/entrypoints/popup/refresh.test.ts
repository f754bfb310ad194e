import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTryOf, refreshOnOpen } from '../../../../entrypoints/popup/refresh';
import { CLICK_SPACING_MS, MANUAL_RETRY_SPACING_MS } from '../../../../lib/poll/poll-gate';
import { fakeStatus } from '../../support/builders';

const NOW = Date.UTC(2026, 11, 2, 12);
const failing = (kind: 'server' | 'signed_out', lastAttemptAt: number) =>
  fakeStatus({
    consecutiveFailures: 1,
    lastAttemptAt,
    lastError: { kind, at: lastAttemptAt, message: '' } as never,
  });

describe("the popup's Refresh rule", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('names a next try only when it is worth a clock time', () => {
    expect(nextTryOf(fakeStatus({ lastSuccessAt: NOW - 1_000 }), NOW)).toBeNull();
    // Failing: a click may try once a minute, and the button says when.
    expect(nextTryOf(failing('server', NOW - 10_000), NOW)).toBe(
      NOW - 10_000 + MANUAL_RETRY_SPACING_MS,
    );
    // Signed out: a click tries within seconds; a few seconds are not worth a clock time.
    expect(nextTryOf(failing('signed_out', NOW - 1_000), NOW)).toBeNull();
  });

  it('refreshes on opening old numbers at once, and fresh ones never', () => {
    const refresh = vi.fn();
    refreshOnOpen(fakeStatus({ lastSuccessAt: NOW - 10 * 60_000 }), refresh);
    expect(refresh).toHaveBeenCalledTimes(1);
    refresh.mockClear();
    refreshOnOpen(fakeStatus({ lastSuccessAt: NOW - 1_000 }), refresh);
    vi.advanceTimersByTime(10 * 60_000);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('tries when a few seconds of spacing have passed, unless the popup closed first', () => {
    const refresh = vi.fn();
    refreshOnOpen(failing('signed_out', NOW - 2_000), refresh);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(CLICK_SPACING_MS);
    expect(refresh).toHaveBeenCalledTimes(1);

    const closed = vi.fn();
    const cancel = refreshOnOpen(failing('signed_out', Date.now() - 2_000), closed);
    cancel();
    vi.advanceTimersByTime(CLICK_SPACING_MS);
    expect(closed).not.toHaveBeenCalled();
  });

  it('never refreshes on opening during a failure backoff', () => {
    const refresh = vi.fn();
    // Not even when the schedule's next poll comes: the schedule makes that one.
    refreshOnOpen(
      { ...failing('server', NOW - 10 * 60_000), nextPollAt: NOW + 5 * 60_000 },
      refresh,
    );
    vi.advanceTimersByTime(60 * 60_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
