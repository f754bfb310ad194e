import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyRule } from '../../../lib/accounts/accounts';
import type { SessionRules } from '../../../lib/accounts/accounts-run';
import { KEY } from '../support/accounts';
import { accountsWorld, type AccountsWorld } from '../support/accounts-world';

/** Keys in reverse order at every level, as a browser may hand its rules back. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reordered(v)]),
  );
}

describe('the key rules as the worker keeps them', () => {
  let w: AccountsWorld;
  beforeEach(async () => {
    w = await accountsWorld();
  });

  it('asks the browser for its rules once per worker life while no account exists', async () => {
    let asked = 0;
    const rules: SessionRules = {
      getSessionRules: async () => (asked++, w.rules.getSessionRules()),
      updateSessionRules: (change) => w.rules.updateSessionRules(change),
    };
    const accounts = w.make({ rules });
    for (let poll = 0; poll < 3; poll++) expect(await accounts.logins()).toEqual([]);
    expect(asked).toBe(1);
    expect(w.rules.updates).toBe(0);
  });

  it('reads no storage of its own for a poll that brings the (empty) accounts list', async () => {
    let reads = 0;
    const counted = <T>(item: { getValue(): Promise<T>; setValue(v: T): Promise<void> }) => ({
      getValue: () => (reads++, item.getValue()),
      setValue: (v: T) => item.setValue(v),
    });
    const { accountsItem, accountKeysItem } = await import('../../../lib/storage/items');
    const accounts = w.make({ accounts: counted(accountsItem), keys: counted(accountKeysItem) });
    await accounts.logins([]);
    const first = reads;
    expect(first).toBe(1); // the keys, checked once for any left by an interrupted add
    for (let poll = 0; poll < 3; poll++) expect(await accounts.logins([])).toEqual([]);
    expect(reads).toBe(first);
  });

  it('leaves rules alone that the browser hands back with their keys in another order', async () => {
    const rules: SessionRules = {
      getSessionRules: async () => reordered(await w.rules.getSessionRules()) as { id: number }[],
      updateSessionRules: (change) => w.rules.updateSessionRules(change),
    };
    const accounts = w.make({ rules });
    expect(await accounts.add('Work', KEY)).toMatchObject({ ok: true });
    const written = w.rules.updates;
    await accounts.logins();
    await accounts.logins();
    expect(w.rules.updates).toBe(written);
    expect((w.rules.list as KeyRule[]).map((r) => r.condition.tabIds)).toEqual([[-1]]);
  });
});
