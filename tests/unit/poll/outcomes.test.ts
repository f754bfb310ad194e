import { describe, expect, it, vi } from 'vitest';
import type { AddedLogin } from '../../../lib/accounts/accounts';
import {
  describe as describeError,
  readEveryLogin,
  sortOutcomes,
  worst,
} from '../../../lib/poll/outcomes';
import type { createOrgReader, ReadOutcome } from '../../../lib/poll/poll-read';
import type { ClaudeClient } from '../../../lib/usage/client';
import type { Org } from '../../../lib/usage/types';
import { fakeReading, T0 } from '../support/builders';

const own: Org = { uuid: 'own-1', name: 'Personal', plan: 'Max' };
const acc = { id: 'a1', name: 'Work' };
const theirs: Org = { uuid: 'a1/x', name: 'Team', plan: 'Team', account: acc };
const orgs = { list: [own, theirs], discoveredAt: T0 };
const ok = (org: Org) =>
  ({ org, ok: true, reading: fakeReading(40, 10, { orgId: org.uuid }) }) as const;
const outcome = (list: Org[], over: Partial<ReadOutcome> = {}): ReadOutcome => ({
  orgs: { list, discoveredAt: T0 },
  results: [],
  ...over,
});

describe('sortOutcomes', () => {
  it('keeps the readings, and the statuses of tracked organisations only', () => {
    const before = {
      [own.uuid]: { lastSuccessAt: T0 - 1, lastError: null },
      left: { lastSuccessAt: T0 - 1, lastError: null },
    };
    const sorted = sortOutcomes(
      [outcome([own], { results: [ok(own)] }), outcome([theirs], { results: [ok(theirs)] })],
      [{ account: acc }],
      orgs,
      before,
      T0,
    );
    expect(sorted.results.map((r) => r.org.uuid)).toEqual(['own-1', 'a1/x']);
    expect(Object.keys(sorted.byOrg)).toEqual(['own-1']);
    expect(sorted.failures).toEqual([]);
  });

  it("keeps an added login's expired key its own trouble, on each of its organisations", () => {
    const sorted = sortOutcomes(
      [
        outcome([own], { results: [ok(own)] }),
        outcome([theirs], { failure: { kind: 'signed_out' } }),
      ],
      [{ account: acc }],
      orgs,
      undefined,
      T0,
    );
    expect(sorted.failures).toEqual([]);
    expect(sorted.ownTrouble).toEqual([{ kind: 'signed_out', account: acc }]);
    expect(sorted.byOrg['a1/x']!.lastError).toEqual({ kind: 'signed_out', account: acc, at: T0 });
  });

  it("lets claude.ai's and the network's trouble set everyone's pace, whoever met it", () => {
    const sorted = sortOutcomes(
      [
        outcome([own], { results: [{ org: own, ok: false, failure: { kind: 'server' } }] }),
        outcome([theirs], { results: [{ org: theirs, ok: false, failure: { kind: 'timeout' } }] }),
      ],
      [{ account: acc }],
      orgs,
      undefined,
      T0,
    );
    expect(sorted.failures.map((f) => f.kind)).toEqual(['server', 'timeout']);
    expect(sorted.ownTrouble).toEqual([]);
    expect(sorted.byOrg[own.uuid]).toEqual({
      lastSuccessAt: null,
      lastError: { kind: 'server', at: T0 },
    });
  });

  it('puts a failure after some answers on no organisation that answered', () => {
    const sorted = sortOutcomes(
      [outcome([own], { results: [ok(own)], failure: { kind: 'network' } })],
      [],
      { list: [own], discoveredAt: T0 },
      undefined,
      T0,
    );
    expect(sorted.byOrg).toEqual({});
    expect(sorted.failures).toEqual([{ kind: 'network' }]);
  });
});

describe('worst', () => {
  it('picks the failure asking for the longest wait, the first on a tie', () => {
    expect(
      worst([
        { kind: 'server' },
        { kind: 'rate_limited', retryAt: T0 + 600_000 },
        { kind: 'timeout', retryAt: T0 + 60_000 },
      ]).kind,
    ).toBe('rate_limited');
    expect(worst([{ kind: 'server' }, { kind: 'network' }]).kind).toBe('server');
  });
});

describe('describe (a storage error)', () => {
  it('names a storage error in one short line', () => {
    expect(
      describeError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    ).toBe('QuotaExceededError: The quota has been exceeded.');
    expect(describeError('disk gone')).toBe('Error: disk gone');
    expect(describeError(new Error('x'.repeat(500)))).toHaveLength(200);
  });
});

describe('readEveryLogin', () => {
  it('reads the browser login first, each added one a little later with its own client', async () => {
    vi.useFakeTimers();
    const started: [string, number][] = [];
    const client = (name: string) => ({ name }) as unknown as ClaudeClient;
    const readAll = (async (known, c?: ClaudeClient) => {
      started.push([(c as unknown as { name: string } | undefined)?.name ?? 'browser', Date.now()]);
      return { orgs: known, results: [] };
    }) as ReturnType<typeof createOrgReader>;
    const added = [
      { account: { ...acc, masked: '', addedAt: 0 }, client: client('work') },
      { account: { id: 'a2', name: 'Side', masked: '', addedAt: 0 }, client: client('side') },
    ] satisfies AddedLogin[];
    const t0 = Date.now();
    const run = readEveryLogin(readAll, { ...orgs, accounts: { a1: T0 } }, added, 300);
    await vi.runAllTimersAsync();
    const { outcomes, orgs: joined } = await run;
    vi.useRealTimers();
    expect(started.map(([who, at]) => [who, at - t0])).toEqual([
      ['browser', 0],
      ['work', 300],
      ['side', 600],
    ]);
    expect(outcomes.map((o) => o.orgs.list.map((x) => x.uuid))).toEqual([['own-1'], ['a1/x'], []]);
    expect(joined.list.map((o) => o.uuid)).toEqual(['own-1', 'a1/x']);
    expect(joined.accounts).toEqual({ a1: T0, a2: null });
  });
});
