/**
 * Added logins ("accounts"): a name and a pasted claude.ai session key, beside the browser's own
 * login, which needs no setup and is never an account here. Pure: validation, masking, the keys
 * of an account's organisations, and the request rule that attaches its key. The worker wires
 * them (`lib/accounts-run.ts`); the key itself lives only in `storage.local` (`accountKeysItem`).
 */
import type { ClaudeClient } from '../usage/client';
import type { OrgsState } from '../settings';
import type { FailureKind, Org } from '../usage/types';

/** What pages may know of an added login: never its key. */
export interface Account {
  /** `a` and eight base-36 characters; also the marker in its requests' address. */
  id: string;
  name: string;
  /** The key as shown: `sk-ant-…•••4f2a`. */
  masked: string;
  addedAt: number;
}

/** How many logins may be added beside the browser's own (each is one more set of requests). */
export const MAX_ACCOUNTS = 8;
export const MAX_ACCOUNT_NAME = 40;

/** Why a pasted key or name was not taken. */
export type AccountError =
  /** Not a claude.ai session key at all (checked before any request). */
  | 'format'
  | 'name'
  /** claude.ai does not know this key (wrong, expired or signed out). */
  | 'rejected'
  /** The key works, but the login has no chat organisation. */
  | 'no_chat_org'
  /** This key, or a login with the same organisations, is already here. */
  | 'duplicate'
  | 'too_many'
  /** claude.ai asked us to wait (`Retry-After`) or did not answer: try again later. */
  | 'rate_limited'
  | 'unreachable'
  /** This browser cannot attach a key safely (see the README's Accounts section). */
  | 'unsupported'
  | 'unknown_account';

const KEY = /^sk-ant-sid\d{2}-[A-Za-z0-9_-]{8,512}$/;

/**
 * The session key as a person pastes it, cleaned: surrounding spaces and quotes, and a
 * `sessionKey=` copied with it, go; what is left must look like a claude.ai session key. Null
 * when it does not (nothing is sent for it).
 */
export function cleanKey(pasted: string): string | null {
  let key = pasted.trim().replace(/^["']|["';]$/g, '');
  key = key.replace(/^sessionKey=/i, '').trim();
  return KEY.test(key) ? key : null;
}

/** The key as it may be shown anywhere: its family and its last four characters. */
export function maskKey(key: string): string {
  return `sk-ant-…•••${key.slice(-4)}`;
}

/** A person's name for an account, trimmed and without control characters; null when empty or too long. */
export function cleanName(name: string): string | null {
  const clean = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return clean.length > 0 && [...clean].length <= MAX_ACCOUNT_NAME ? clean : null;
}

/** A new account id from random bytes (`crypto.getRandomValues` in the worker). */
export function newAccountId(random: Uint8Array): string {
  return `a${[...random.slice(0, 8)].map((b) => (b % 36).toString(36)).join('')}`;
}

export const ACCOUNT_ID = /^a[0-9a-z]{8}$/;

/** The query marker of an account's requests; the rule attaching its key matches only this. */
export const accountMarker = (id: string) => `cum_account=${id}`;

/** The key of an account's organisation everywhere in the extension: `<account id>/<uuid>`. */
export const accountOrgKey = (accountId: string, uuid: string) => `${accountId}/${uuid}`;

/** claude.ai's own uuid of an organisation, whichever login it belongs to. */
export function serverUuid(org: Pick<Org, 'uuid' | 'account'>): string {
  return org.account ? org.uuid.slice(org.account.id.length + 1) : org.uuid;
}

/** The account id in an organisation key, or null for the browser's own login. */
export function accountOfKey(orgKey: string): string | null {
  const slash = orgKey.indexOf('/');
  return slash > 0 ? orgKey.slice(0, slash) : null;
}

/** An organisation as read with an account's key, keyed and named for that account. */
export function asAccountOrg(org: Org, account: Pick<Account, 'id' | 'name'>): Org {
  return {
    ...org,
    uuid: accountOrgKey(account.id, org.uuid),
    account: { id: account.id, name: account.name },
  };
}

/** How an organisation is named to a person: with its account's name when it is not the browser's. */
export function orgTitle(org: Pick<Org, 'name' | 'account'>): string {
  return org.account ? `${org.account.name} · ${org.name}` : org.name;
}

/** The part of a declarativeNetRequest session rule this extension writes. */
export interface KeyRule {
  id: number;
  priority: number;
  action: {
    type: 'modifyHeaders';
    requestHeaders: { header: 'cookie'; operation: 'set'; value: string }[];
  };
  condition: {
    urlFilter: string;
    tabIds: number[];
    initiatorDomains: string[];
    resourceTypes: 'xmlhttprequest'[];
  };
}

/**
 * The rule that gives one account's requests its key, and nothing else: only requests of this
 * extension (`initiatorDomains`), from no tab (`tabIds: [-1]`, the worker), to claude.ai's API,
 * carrying this account's marker. The worker sends them with `credentials: 'omit'`, so the
 * browser's own cookie is never sent with them and an answer's `Set-Cookie` is never stored.
 */
export function keyRule(
  ruleId: number,
  accountId: string,
  key: string,
  extensionHost: string,
): KeyRule {
  return {
    id: ruleId,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'cookie', operation: 'set', value: `sessionKey=${key}` }],
    },
    condition: {
      urlFilter: `|https://claude.ai/api/*?${accountMarker(accountId)}|`,
      tabIds: [-1],
      initiatorDomains: [extensionHost],
      resourceTypes: ['xmlhttprequest'],
    },
  };
}

/** Every account's rule, ids 1…n in the accounts' order; accounts without a key get none. */
export function keyRules(
  accounts: readonly Pick<Account, 'id'>[],
  keys: Readonly<Record<string, string>>,
  extensionHost: string,
): KeyRule[] {
  return accounts.flatMap((a, i) => {
    const key = keys[a.id];
    return key ? [keyRule(i + 1, a.id, key, extensionHost)] : [];
  });
}

/**
 * One added login's client, as the poll run reads it: organisations come back keyed and named
 * for the account, and calls by organisation key ask claude.ai by its own uuid. `client` is made
 * with the account's marker (`createClaudeClient({ marker })`).
 */
export function accountClient(
  client: ClaudeClient,
  account: Pick<Account, 'id' | 'name'>,
): ClaudeClient {
  const uuid = (key: string) => serverUuid({ uuid: key, account });
  return {
    async organizations(options) {
      const res = await client.organizations(options);
      return res.ok ? { ok: true, value: res.value.map((o) => asAccountOrg(o, account)) } : res;
    },
    usage: (orgKey, options) => client.usage(uuid(orgKey), options),
    credits: (orgKey, options) => client.credits(uuid(orgKey), options),
  };
}

/**
 * Failures that belong to one login and say nothing about claude.ai or the network: an added
 * login's key that stopped working must not slow the others down.
 */
export const LOGIN_FAILURES: ReadonlySet<FailureKind> = new Set([
  'signed_out',
  'no_chat_org',
  'org_forbidden',
]);

/** An added login as the poll run reads it: the account and its keyed client (`accountClient`). */
export interface AddedLogin {
  account: Account;
  client: ClaudeClient;
}

/**
 * The stored organisations split by login: the browser's own, and each added login's with the
 * account's current name (a rename shows at once). Organisations of logins no longer added are
 * left out: the live view forgets them, their history stays in IndexedDB.
 */
export function splitOrgs(
  orgs: OrgsState,
  added: readonly { account: Pick<Account, 'id' | 'name'> }[],
) {
  const mine = (id: string | undefined) => (o: Org) => o.account?.id === id;
  return {
    own: {
      list: orgs.list.filter(mine(undefined)),
      discoveredAt: orgs.discoveredAt,
      gone: orgs.gone?.filter(mine(undefined)),
    } as OrgsState,
    of(id: string): OrgsState {
      const name = added.find((a) => a.account.id === id)?.account.name ?? id;
      const rename = (o: Org) => ({ ...o, account: { id, name } });
      return {
        list: orgs.list.filter(mine(id)).map(rename),
        discoveredAt: orgs.accounts?.[id] ?? null,
        gone: orgs.gone?.filter(mine(id)).map(rename),
      };
    },
  };
}

/**
 * One organisations state again from the browser's (first) and each added login's, in the
 * accounts' order. Without added logins it is exactly the browser's, as before accounts existed.
 */
export function joinOrgs(
  parts: OrgsState[],
  added: readonly { account: Pick<Account, 'id'> }[],
): OrgsState {
  const [own, ...others] = parts as [OrgsState, ...OrgsState[]];
  if (others.length === 0) return own;
  const gone = parts.flatMap((p) => p.gone ?? []);
  return {
    list: parts.flatMap((p) => p.list),
    discoveredAt: own.discoveredAt,
    ...(gone.length > 0 ? { gone } : {}),
    accounts: Object.fromEntries(
      added.map((a, i) => [a.account.id, others[i]?.discoveredAt ?? null]),
    ),
  };
}
