import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../lib/display/format';
import { statusText, type StatusTextInput } from '../../../lib/display/status-text';
import type { Failure } from '../../../lib/usage/types';
import { T0 } from '../support/builders';

const NOW = T0;
const input = (over: Partial<StatusTextInput> = {}): StatusTextInput => ({
  failure: null,
  lastSuccessAt: NOW - 120_000,
  nextPollAt: NOW + 300_000,
  stale: false,
  refreshing: false,
  now: NOW,
  ...over,
});
const failing = (failure: Failure, over: Partial<StatusTextInput> = {}) =>
  statusText(input({ failure: { ...failure, at: NOW }, ...over }));

describe('statusText', () => {
  it('says it is refreshing, whatever went wrong before', () => {
    expect(failing({ kind: 'server' }, { refreshing: true })).toEqual({ text: 'Refreshing…' });
  });

  it.each([
    [
      'signed_out',
      { kind: 'link', href: 'https://claude.ai/login', label: 'Sign in to claude.ai' },
    ],
    ['no_access', { kind: 'allow-access', label: 'Allow access' }],
    ['challenge', { kind: 'link', href: 'https://claude.ai', label: 'Open claude.ai' }],
    ['org_forbidden', { kind: 'link', href: 'https://claude.ai', label: 'Open claude.ai' }],
  ] as const)('offers what to do about %s', (kind, action) => {
    expect(failing({ kind }).action).toEqual(action);
  });

  it.each([
    'network',
    'timeout',
    'server',
    'bad_payload',
    'rate_limited',
    'region_blocked',
  ] as const)('offers no button for %s, where waiting is all there is to do', (kind) => {
    expect(failing({ kind }).action).toBeUndefined();
  });

  it("sends an added login's expired key to Options → Accounts, naming the account", () => {
    const status = failing({ kind: 'signed_out', account: { id: 'a1', name: 'Work' } });
    expect(status.text).toBe('The session key of “Work” expired.');
    expect(status.action).toEqual({
      kind: 'link',
      href: '/options.html#accounts',
      label: 'Paste a new one',
    });
  });

  it('retries a rate limit at its own time, else at the next poll', () => {
    const clock = (at: number) => formatClock(at, NOW);
    expect(failing({ kind: 'rate_limited', retryAt: NOW + 600_000 }).text).toBe(
      `Rate limited by claude.ai · retrying at ${clock(NOW + 600_000)}`,
    );
    expect(failing({ kind: 'rate_limited' }).text).toBe(
      `Rate limited by claude.ai · retrying at ${clock(NOW + 300_000)}`,
    );
    expect(failing({ kind: 'rate_limited' }, { nextPollAt: null }).text).toBe(
      'Rate limited by claude.ai',
    );
  });

  it('says nothing of old data when there never was any', () => {
    expect(failing({ kind: 'network' }, { lastSuccessAt: null }).text).toBe('Offline');
    expect(failing({ kind: 'challenge' }, { lastSuccessAt: null }).text).toBe(
      'claude.ai wants to check your browser.',
    );
  });
});
