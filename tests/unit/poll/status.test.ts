import { describe, expect, it } from 'vitest';
import { currentFailure, statusOf } from '../../../lib/poll/status';
import type { PollStatus } from '../../../lib/usage/types';
import { ORG, T0, fakeStatus } from '../support/builders';

const failure = (at: number) => ({ kind: 'network' as const, at, detail: 'offline' });

describe('statusOf', () => {
  it("reads an organisation's own status when it has one", () => {
    const status: PollStatus = {
      ...fakeStatus(),
      lastSuccessAt: T0,
      byOrg: { [ORG]: { lastSuccessAt: T0 - 1000, lastError: failure(T0) } },
    };
    expect(statusOf(status, ORG)).toEqual({ lastSuccessAt: T0 - 1000, lastError: failure(T0) });
  });

  it('falls back to the whole poll for an org without one, or no org at all', () => {
    const status: PollStatus = { ...fakeStatus(), lastSuccessAt: T0, lastError: null, byOrg: {} };
    const whole = { lastSuccessAt: T0, lastError: null };
    expect(statusOf(status, 'another-org')).toEqual(whole);
    expect(statusOf(status, null)).toEqual(whole);
    expect(statusOf({ ...status, byOrg: undefined }, ORG)).toEqual(whole);
  });
});

describe('currentFailure', () => {
  it('is the error only while it is newer than the last success', () => {
    expect(currentFailure({ lastSuccessAt: T0, lastError: failure(T0 + 1) })).toEqual(
      failure(T0 + 1),
    );
    expect(currentFailure({ lastSuccessAt: T0 + 1, lastError: failure(T0) })).toBeNull();
    expect(currentFailure({ lastSuccessAt: T0, lastError: failure(T0) })).toBeNull();
  });

  it('counts any error as current before a first success, and none without an error', () => {
    expect(currentFailure({ lastSuccessAt: null, lastError: failure(T0) })).toEqual(failure(T0));
    expect(currentFailure({ lastSuccessAt: null, lastError: null })).toBeNull();
  });
});
