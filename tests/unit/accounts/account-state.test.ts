import { describe, expect, it } from 'vitest';
import { accountState, groupOrgs } from '../../../lib/accounts/account-state';
import { EMPTY_STATUS } from '../../../lib/settings';
import type { Org, OrgStatus, PollStatus } from '../../../lib/usage/types';

const A = { id: 'a11111111' };
const org = (uuid: string, account?: { id: string; name: string }): Org => ({
  uuid: account ? `${account.id}/${uuid}` : uuid,
  name: uuid,
  plan: null,
  ...(account ? { account } : {}),
});
const mine = [org('x', { ...A, name: 'Work' }), org('y', { ...A, name: 'Work' })];
const status = (byOrg: Record<string, OrgStatus>, whole: Partial<PollStatus> = {}): PollStatus => ({
  ...EMPTY_STATUS,
  ...whole,
  byOrg,
});

describe('accountState', () => {
  it('is not read yet without statuses of its own, whatever the browser login’s poll says', () => {
    const whole = { lastSuccessAt: 5, lastError: { kind: 'signed_out' as const, at: 9 } };
    expect(accountState(A, mine, status({}, whole))).toEqual({ kind: 'pending' });
    expect(accountState(A, [], status({}))).toEqual({ kind: 'pending' });
  });

  it('is working with the latest success of its organisations', () => {
    const s = status({
      [mine[0]!.uuid]: { lastSuccessAt: 10, lastError: null },
      [mine[1]!.uuid]: { lastSuccessAt: 20, lastError: { kind: 'network', at: 15 } },
    });
    expect(accountState(A, mine, s)).toEqual({ kind: 'working', lastSuccessAt: 20 });
  });

  it('is expired when claude.ai signed any of its organisations out after their last success', () => {
    const s = status({
      [mine[0]!.uuid]: { lastSuccessAt: 10, lastError: null },
      [mine[1]!.uuid]: { lastSuccessAt: 10, lastError: { kind: 'signed_out', at: 30 } },
    });
    expect(accountState(A, mine, s)).toEqual({ kind: 'expired' });
  });

  it('is failing, with the newest failure, for other errors', () => {
    const s = status({
      [mine[0]!.uuid]: { lastSuccessAt: 10, lastError: { kind: 'network', at: 20 } },
      [mine[1]!.uuid]: { lastSuccessAt: null, lastError: { kind: 'rate_limited', at: 25 } },
    });
    expect(accountState(A, mine, s)).toEqual({
      kind: 'failing',
      failure: { kind: 'rate_limited', at: 25 },
      lastSuccessAt: 10,
    });
  });
});

describe('groupOrgs', () => {
  it('puts the browser’s own organisations first, then each login’s, keeping their order', () => {
    const b = { id: 'a22222222', name: 'Home' };
    const list = [mine[0]!, org('own1'), org('z', b), mine[1]!, org('own2')];
    expect(groupOrgs(list).map((g) => [g.account?.id ?? null, g.orgs.map((o) => o.name)])).toEqual([
      [null, ['own1', 'own2']],
      [A.id, ['x', 'y']],
      [b.id, ['z']],
    ]);
    expect(groupOrgs([mine[0]!])).toHaveLength(1);
  });
});
