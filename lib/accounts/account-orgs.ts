import type { OrgsState } from '../settings';
import type { Org, OrgStatus, Reading } from '../usage/types';
import { accountOfKey, serverUuid, type Account } from './accounts';

/**
 * The stored organisations with one account's replaced by `orgs` (just read with its key), in
 * the accounts' order after the browser's own, and when they were read. Pure.
 */
export function withAccountOrgs(
  state: OrgsState,
  id: string,
  orgs: Org[],
  accounts: readonly Pick<Account, 'id'>[],
  now: number,
): OrgsState {
  const order = (o: Org) => (o.account ? accounts.findIndex((a) => a.id === o.account!.id) + 1 : 0);
  const list = [...state.list.filter((o) => o.account?.id !== id), ...orgs].sort(
    (a, b) => order(a) - order(b),
  );
  const gone = (state.gone ?? []).filter((o) => !orgs.some((n) => n.uuid === o.uuid));
  return { ...state, list, gone, accounts: { ...state.accounts, [id]: now } };
}

/**
 * Whether `orgs` (read with a key for account `id`) are a login already here: exactly the same
 * organisations as the browser's own or another account's. A personal organisation is one
 * person's, so two logins never share them all. Pure.
 */
export function isSameLogin(list: readonly Org[], id: string, orgs: readonly Org[]): boolean {
  const uuids = (of: readonly Org[]) => of.map(serverUuid).sort().join();
  const mine = uuids(orgs);
  const logins = new Set(list.filter((o) => o.account?.id !== id).map((o) => o.account?.id));
  return [...logins].some((login) => uuids(list.filter((o) => o.account?.id === login)) === mine);
}

export interface LiveState {
  orgs: OrgsState;
  latest: Record<string, Reading>;
  byOrg: Record<string, OrgStatus> | undefined;
}

/**
 * The live view without one account: its organisations leave the list (kept among the gone when
 * its history is kept, so the dashboard and exports still say whose it was), its latest readings
 * and statuses go. `orgKeys` are every organisation it had, for what else remembers them. Pure.
 */
export function withoutAccount(
  live: LiveState,
  id: string,
  keepHistory: boolean,
): LiveState & { orgKeys: string[] } {
  const mine = (key: string) => accountOfKey(key) === id;
  const { list, gone = [] } = live.orgs;
  const others = (of: Org[]) => of.filter((o) => !mine(o.uuid));
  const dropKeys = <T>(record: Record<string, T> = {}) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => !mine(key)));
  const seen = { ...live.orgs.accounts };
  delete seen[id];
  return {
    orgs: {
      ...live.orgs,
      list: others(list),
      gone: keepHistory ? [...others(gone), ...list.filter((o) => mine(o.uuid))] : others(gone),
      accounts: seen,
    },
    latest: dropKeys(live.latest),
    byOrg: dropKeys(live.byOrg),
    orgKeys: [...list, ...gone].filter((o) => mine(o.uuid)).map((o) => o.uuid),
  };
}
