import { describe, expect, it } from 'vitest';
import { isSameLogin, withAccountOrgs, withoutAccount } from '../../../lib/accounts/account-orgs';
import { asAccountOrg } from '../../../lib/accounts/accounts';
import type { Org } from '../../../lib/usage/types';
import { fakeReading, T0 } from '../support/builders';

const own: Org = { uuid: 'p-1', name: 'Personal', plan: 'Max' };
const team: Org = { uuid: 't-1', name: 'Team', plan: 'Team' };
const work = { id: 'a1', name: 'Work' };
const side = { id: 'a2', name: 'Side' };
const workOrg = asAccountOrg({ uuid: 'w-1', name: 'Work org', plan: 'Pro' }, work);
const sideOrg = asAccountOrg({ uuid: 's-1', name: 'Side org', plan: 'Pro' }, side);
const uuids = (orgs: Org[] = []) => orgs.map((o) => o.uuid);

describe('withAccountOrgs', () => {
  it("replaces one account's organisations, in the accounts' order after the browser's", () => {
    const state = { list: [sideOrg, own], discoveredAt: T0 };
    const fresh = asAccountOrg({ uuid: 'w-2', name: 'New', plan: 'Team' }, work);
    const next = withAccountOrgs(state, work.id, [fresh], [work, side], T0 + 5);
    expect(uuids(next.list)).toEqual(['p-1', 'a1/w-2', 'a2/s-1']);
    expect(next.accounts).toEqual({ a1: T0 + 5 });
    expect(next.discoveredAt).toBe(T0);
  });

  it('takes an organisation back out of the gone ones when it is read again', () => {
    const state = { list: [own, workOrg], discoveredAt: T0, gone: [sideOrg, team] };
    const next = withAccountOrgs(state, side.id, [sideOrg], [work, side], T0);
    expect(uuids(next.gone)).toEqual(['t-1']);
    expect(uuids(next.list)).toEqual(['p-1', 'a1/w-1', 'a2/s-1']);
  });
});

describe('isSameLogin', () => {
  const list = [own, team, workOrg];

  it("knows a key of the browser's own login, or of another added account", () => {
    const again = [own, team].map((o) => asAccountOrg(o, side));
    expect(isSameLogin(list, side.id, again)).toBe(true);
    expect(isSameLogin(list, side.id, [asAccountOrg({ ...workOrg, uuid: 'w-1' }, side)])).toBe(
      true,
    );
  });

  it('takes a login sharing only some organisations (a team) for another person', () => {
    expect(isSameLogin(list, side.id, [asAccountOrg(team, side)])).toBe(false);
  });

  it('never calls an account the same as itself (replacing its key)', () => {
    expect(isSameLogin([own, workOrg], work.id, [workOrg])).toBe(false);
  });
});

describe('withoutAccount', () => {
  const live = {
    orgs: {
      list: [own, workOrg, sideOrg],
      discoveredAt: T0,
      gone: [asAccountOrg({ uuid: 'w-0', name: 'Old', plan: null }, work)],
      accounts: { a1: T0, a2: T0 },
    },
    latest: { 'p-1': fakeReading(1), 'a1/w-1': fakeReading(2), 'a2/s-1': fakeReading(3) },
    byOrg: { 'a1/w-1': { lastSuccessAt: T0, lastError: null } },
  };

  it('drops its organisations, readings and statuses, naming every organisation it had', () => {
    const left = withoutAccount(live, work.id, false);
    expect(uuids(left.orgs.list)).toEqual(['p-1', 'a2/s-1']);
    expect(left.orgs.gone).toEqual([]);
    expect(left.orgs.accounts).toEqual({ a2: T0 });
    expect(Object.keys(left.latest)).toEqual(['p-1', 'a2/s-1']);
    expect(left.byOrg).toEqual({});
    expect(left.orgKeys).toEqual(['a1/w-1', 'a1/w-0']);
  });

  it('keeps its organisations among the gone when its history is kept', () => {
    const left = withoutAccount(live, work.id, true);
    expect(uuids(left.orgs.gone)).toContain('a1/w-1');
    expect(uuids(left.orgs.list)).toEqual(['p-1', 'a2/s-1']);
  });
});
