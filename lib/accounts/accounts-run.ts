import {
  accountClient,
  accountMarker,
  cleanKey,
  cleanName,
  keyRules,
  maskKey,
  MAX_ACCOUNTS,
  newAccountId,
  type Account,
  type AccountError,
  type AddedLogin,
  type KeyRule,
} from './accounts';
import type { AccountResult } from '../messages';
import { isSameLogin, withAccountOrgs, withoutAccount } from './account-orgs';
import { retryAfterOf } from '../poll/poll-gate';
import type { PollStore } from '../storage/poll-store';
import type { ClaudeClient } from '../usage/client';
import type { Failure, Org } from '../usage/types';

interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** The part of `declarativeNetRequest` the key rules need. */
export interface SessionRules {
  getSessionRules(): Promise<{ id: number }[]>;
  updateSessionRules(change: { removeRuleIds: number[]; addRules: KeyRule[] }): Promise<void>;
}

export interface AccountsDeps {
  accounts: Item<Account[]>;
  keys: Item<Record<string, string>>;
  /** Null where a key cannot be attached safely (Firefox): nothing can be added there. */
  rules: SessionRules | null;
  /** The extension's own host, the only initiator a key rule matches. */
  extensionHost: string;
  /** A client whose requests carry `marker` and no browser cookie. */
  makeClient: (marker: string) => ClaudeClient;
  store: PollStore;
  /** Run `fn` with no poll running or starting meanwhile (`poller.exclusively`). */
  exclusively: <T>(fn: () => Promise<T>) => Promise<T>;
  /** A poll that reads every login, the new one included. */
  poll: () => Promise<unknown>;
  /** Drop what else remembers these organisations (alerts, reminders, choices). */
  forget: (orgKeys: string[], accountId: string) => Promise<void>;
  /** Delete the history of every organisation whose key starts with this (`<id>/`). */
  deleteHistory: (prefix: string) => Promise<void>;
  random: () => Uint8Array;
  now: () => number;
}

/** JSON with every object's keys sorted, so equal rules compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** claude.ai's answer to a key, as the person is told it. */
function errorOf(failure: Failure): AccountError {
  if (failure.kind === 'signed_out') return 'rejected';
  if (failure.kind === 'rate_limited') return 'rate_limited';
  if (failure.kind === 'no_chat_org') return 'no_chat_org';
  return 'unreachable';
}

/**
 * Added logins in the worker: their key rules kept in step with storage (session rules are lost
 * when the browser restarts), the clients a poll reads them with, and adding, re-keying,
 * renaming and removing them. A key is checked with claude.ai before anything is kept.
 */
export function createAccounts(deps: AccountsDeps) {
  const { store, now } = deps;
  /** Known to hold no rule (checked in this worker's life, and none written since). */
  let noRules = false;
  /** Known to hold no key (checked in this worker's life while no account exists). */
  let keysClean = false;

  /** Make the browser's session rules exactly one per account with a key. */
  async function syncRules(accounts: Account[], keys: Record<string, string>): Promise<void> {
    if (!deps.rules) return;
    const want = keyRules(accounts, keys, deps.extensionHost);
    // With no account, the browser is asked once per worker life: a poll costs nothing more.
    if (want.length === 0 && noRules) return;
    const have = await deps.rules.getSessionRules();
    // The browser hands rules back with their keys in its own order: compare them sorted.
    if (canonical(have) !== canonical(want))
      await deps.rules.updateSessionRules({ removeRuleIds: have.map((r) => r.id), addRules: want });
    noRules = want.length === 0;
  }

  const clientOf = (account: Pick<Account, 'id' | 'name'>) =>
    accountClient(deps.makeClient(accountMarker(account.id)), account);

  /** Ask claude.ai for the organisations a key opens, with the key's rule in place only meanwhile. */
  async function check(
    account: Pick<Account, 'id' | 'name'>,
    key: string,
    accounts: Account[],
    keys: Record<string, string>,
  ): Promise<{ ok: true; orgs: Org[] } | { ok: false; result: AccountResult }> {
    const { status } = await store.read();
    const until = retryAfterOf(status, now());
    if (until !== null) return { ok: false, result: { ok: false, error: 'rate_limited', until } };
    const trying = accounts.some((a) => a.id === account.id)
      ? accounts
      : [...accounts, { ...account, masked: '', addedAt: 0 }];
    await syncRules(trying, { ...keys, [account.id]: key });
    const res = await clientOf(account).organizations();
    if (res.ok && res.value.length > 0) return { ok: true, orgs: res.value };
    await syncRules(accounts, keys);
    if (!res.ok && res.failure.retryAt) {
      // claude.ai's wait holds for every request of ours, the schedule's too.
      const latest = await store.read();
      await store.write({
        status: { ...latest.status, lastError: { ...res.failure, at: now() } },
      });
    }
    const error = res.ok ? 'no_chat_org' : errorOf(res.failure);
    return { ok: false, result: { ok: false, error, until: res.ok ? null : res.failure.retryAt } };
  }

  /** Put one account's organisations in the stored list, replacing its old ones. */
  async function storeOrgs(id: string, orgs: Org[], accounts: Account[]): Promise<void> {
    const state = await store.read();
    await store.write({ orgs: withAccountOrgs(state.orgs, id, orgs, accounts, now()) });
  }

  /**
   * Add an account (`id` null, with its name) or give one a new key: the key is checked with
   * claude.ai first, and kept only when it opens at least one chat organisation.
   */
  async function keyed(
    id: string | null,
    rawName: string | null,
    rawKey: string,
  ): Promise<AccountResult> {
    if (!deps.rules) return { ok: false, error: 'unsupported' };
    const name = rawName === null ? '' : cleanName(rawName);
    if (name === null) return { ok: false, error: 'name' };
    const key = cleanKey(rawKey);
    if (!key) return { ok: false, error: 'format' };
    const result = await deps.exclusively(async (): Promise<AccountResult> => {
      const [accounts, keys] = await Promise.all([deps.accounts.getValue(), deps.keys.getValue()]);
      const known = accounts.find((a) => a.id === id);
      if (id !== null && !known) return { ok: false, error: 'unknown_account' };
      if (!known && accounts.length >= MAX_ACCOUNTS) return { ok: false, error: 'too_many' };
      if (Object.entries(keys).some(([other, k]) => k === key && other !== id))
        return { ok: false, error: 'duplicate' };
      const account: Account = {
        ...(known ?? { id: newAccountId(deps.random()), name, addedAt: now() }),
        masked: maskKey(key),
      };
      const checked = await check(account, key, accounts, keys);
      if (!checked.ok) return checked.result;
      if (isSameLogin((await store.read()).orgs.list, account.id, checked.orgs)) {
        await syncRules(accounts, keys);
        return { ok: false, error: 'duplicate' };
      }
      const next = known
        ? accounts.map((a) => (a.id === account.id ? account : a))
        : [...accounts, account];
      // The key first: an account is never listed without one.
      await deps.keys.setValue({ ...keys, [account.id]: key });
      await deps.accounts.setValue(next);
      await storeOrgs(account.id, checked.orgs, next);
      return { ok: true, id: account.id, orgs: checked.orgs.length };
    });
    if (result.ok) await deps.poll();
    return result;
  }

  return {
    /** The added logins to poll, with their rules in place; keys of removed accounts are dropped. */
    /**
     * The added logins to poll, with their rules in place; keys of removed accounts are dropped.
     * `stored` is the accounts list when the poll has read it already. With none added, a poll
     * reads nothing more (the keys are checked for orphans once per worker life).
     */
    async logins(stored?: Account[]): Promise<AddedLogin[]> {
      const accounts = stored ?? (await deps.accounts.getValue());
      if (accounts.length === 0 && keysClean) {
        await syncRules([], {});
        return [];
      }
      const keys = await deps.keys.getValue();
      const orphans = Object.keys(keys).filter((id) => !accounts.some((a) => a.id === id));
      if (orphans.length > 0) {
        for (const id of orphans) delete keys[id];
        await deps.keys.setValue(keys);
      }
      keysClean = accounts.length === 0;
      if (!deps.rules) return [];
      await syncRules(accounts, keys);
      return accounts.filter((a) => keys[a.id]).map((a) => ({ account: a, client: clientOf(a) }));
    },

    add: (name: string, key: string) => keyed(null, name, key),

    /** A new key for an account (its old one expired); the account, and so its history, stay. */
    replaceKey: (id: string, key: string) => keyed(id, null, key),

    async rename(
      id: string,
      rawName: string,
    ): Promise<{ ok: true } | { ok: false; error: AccountError }> {
      const name = cleanName(rawName);
      if (!name) return { ok: false, error: 'name' };
      return deps.exclusively(async () => {
        const accounts = await deps.accounts.getValue();
        if (!accounts.some((a) => a.id === id)) return { ok: false, error: 'unknown_account' };
        await deps.accounts.setValue(accounts.map((a) => (a.id === id ? { ...a, name } : a)));
        const { orgs } = await store.read();
        const renamed = (o: Org) => (o.account?.id === id ? { ...o, account: { id, name } } : o);
        await store.write({
          orgs: { ...orgs, list: orgs.list.map(renamed), gone: orgs.gone?.map(renamed) },
        });
        return { ok: true };
      });
    },

    /** The key goes first and at once; the history stays unless the person said otherwise. */
    async remove(
      id: string,
      keepHistory: boolean,
    ): Promise<{ ok: true } | { ok: false; error: AccountError }> {
      return deps.exclusively(async () => {
        const [accounts, keys] = await Promise.all([
          deps.accounts.getValue(),
          deps.keys.getValue(),
        ]);
        if (!accounts.some((a) => a.id === id) && !keys[id])
          return { ok: false, error: 'unknown_account' };
        const rest = accounts.filter((a) => a.id !== id);
        const restKeys = { ...keys };
        delete restKeys[id];
        await deps.keys.setValue(restKeys);
        await syncRules(rest, restKeys);
        await deps.accounts.setValue(rest);

        const state = await store.read();
        const live = { orgs: state.orgs, latest: state.latest, byOrg: state.status.byOrg };
        const { orgs, latest, byOrg, orgKeys } = withoutAccount(live, id, keepHistory);
        await store.write({ orgs, latest, status: { ...state.status, byOrg } });
        await deps.forget(orgKeys, id);
        if (!keepHistory) await deps.deleteHistory(`${id}/`);
        return { ok: true };
      });
    },
  };
}
