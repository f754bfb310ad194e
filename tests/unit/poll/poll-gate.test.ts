import { describe, expect, it } from 'vitest';
import { pollGate, retryAfterOf, type PollTrigger } from '../../../lib/poll/poll-gate';
import { EMPTY_STATUS } from '../../../lib/settings';
import type { FailureKind, PollStatus } from '../../../lib/usage/types';
import { ORG, T0 } from '../support/builders';

const S = 1000;
const MIN = 60 * S;

/** A status after a good poll `ago` ms before T0. */
function healthy(ago: number): PollStatus {
  return {
    ...EMPTY_STATUS,
    lastAttemptAt: T0 - ago,
    lastSuccessAt: T0 - ago,
    nextPollAt: T0 - ago + 5 * MIN,
  };
}

/** A status whose last poll, `ago` ms before T0, failed with `kind`. */
function failing(kind: FailureKind, ago: number, extra: { retryAt?: number } = {}): PollStatus {
  return {
    ...EMPTY_STATUS,
    lastAttemptAt: T0 - ago,
    lastSuccessAt: T0 - 10 * MIN,
    lastError: { kind, at: T0 - ago, ...extra },
    consecutiveFailures: 2,
    nextPollAt: T0 - ago + 30 * MIN,
  };
}

const SCHEDULE: PollTrigger[] = ['alarm', 'install', 'startup', 'wake'];

describe('pollGate: the polling etiquette', () => {
  // state × trigger → whether a request may go, and if not, why and until when.
  it.each<[string, PollStatus, PollTrigger, ReturnType<typeof pollGate>]>([
    // Healthy.
    [
      'healthy, popup opens on fresh numbers',
      healthy(20 * S),
      'open',
      { go: false, why: 'fresh', until: null },
    ],
    ['healthy, popup opens on numbers a minute old', healthy(61 * S), 'open', { go: true }],
    [
      'healthy, a click right after a poll',
      healthy(2 * S),
      'refresh',
      { go: false, why: 'fresh', until: null },
    ],
    ['healthy, a click', healthy(6 * S), 'refresh', { go: true }],
    [
      'healthy, a page asks 30 s after a poll',
      healthy(30 * S),
      'page',
      { go: false, why: 'spacing', until: T0 + 30 * S },
    ],
    ['healthy, a page asks a minute after a poll', healthy(MIN), 'page', { go: true }],
    ['never polled, popup opens', EMPTY_STATUS, 'open', { go: true }],
    // Rate limited: nothing goes before Retry-After, whoever asks.
    ...(['refresh', 'open', 'page', ...SCHEDULE] as PollTrigger[]).map(
      (trigger) =>
        [
          `rate limited for 10 min, ${trigger}`,
          failing('rate_limited', 2 * MIN, { retryAt: T0 + 8 * MIN }),
          trigger,
          { go: false, why: 'retry_after', until: T0 + 8 * MIN },
        ] as [string, PollStatus, PollTrigger, ReturnType<typeof pollGate>],
    ),
    [
      'rate limited, Retry-After passed, a click',
      failing('rate_limited', 2 * MIN, { retryAt: T0 - S }),
      'refresh',
      { go: true },
    ],
    // A failure backoff: a click once a minute, an open never, the schedule always.
    [
      'server down, a click 20 s after the last try',
      failing('server', 20 * S),
      'refresh',
      { go: false, why: 'spacing', until: T0 + 40 * S },
    ],
    [
      'server down, a click a minute after the last try',
      failing('server', MIN),
      'refresh',
      { go: true },
    ],
    [
      'server down, popup opens long after the last try',
      failing('server', 10 * MIN),
      'open',
      { go: false, why: 'backoff', until: T0 + 20 * MIN },
    ],
    [
      'timing out, popup opens',
      failing('timeout', 10 * MIN),
      'open',
      { go: false, why: 'backoff', until: T0 + 20 * MIN },
    ],
    [
      'challenge, a page asks',
      failing('challenge', 10 * MIN),
      'page',
      { go: false, why: 'backoff', until: T0 + 20 * MIN },
    ],
    ...SCHEDULE.map(
      (trigger) =>
        [`server down, ${trigger}`, failing('server', 10 * S), trigger, { go: true }] as [
          string,
          PollStatus,
          PollTrigger,
          ReturnType<typeof pollGate>,
        ],
    ),
    // Signed out costs claude.ai nothing: opening the popup notices a new sign-in at once.
    ['signed out 20 s ago, popup opens', failing('signed_out', 20 * S), 'open', { go: true }],
    ['signed out 20 s ago, a click', failing('signed_out', 20 * S), 'refresh', { go: true }],
    [
      'signed out 2 s ago, popup opens',
      failing('signed_out', 2 * S),
      'open',
      { go: false, why: 'spacing', until: T0 + 3 * S },
    ],
    ['no chat organisation, popup opens', failing('no_chat_org', 20 * S), 'open', { go: true }],
  ])('%s', (_name, status, trigger, expected) => {
    expect(pollGate(status, trigger, T0)).toEqual(expected);
  });

  it('holds everyone back by the latest Retry-After of any organisation', () => {
    const status: PollStatus = {
      ...healthy(MIN),
      byOrg: {
        [ORG]: { lastSuccessAt: T0 - MIN, lastError: null },
        other: {
          lastSuccessAt: null,
          lastError: { kind: 'rate_limited', at: T0 - MIN, retryAt: T0 + 9 * MIN },
        },
      },
    };
    expect(retryAfterOf(status, T0)).toBe(T0 + 9 * MIN);
    expect(pollGate(status, 'refresh', T0)).toEqual({
      go: false,
      why: 'retry_after',
      until: T0 + 9 * MIN,
    });
    expect(pollGate(status, 'alarm', T0 + 9 * MIN)).toEqual({ go: true });
  });
});
