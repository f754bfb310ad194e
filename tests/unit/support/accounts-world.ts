import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KeyRule } from '../../../lib/accounts/accounts';
import { createAccounts, type AccountsDeps } from '../../../lib/accounts/accounts-run';
import { createPollStore } from '../../../lib/storage/poll-store';
import {
  accountKeysItem,
  accountsItem,
  latestItem,
  orgsItem,
  statusItem,
} from '../../../lib/storage/items';
import { createClaudeClient } from '../../../lib/usage/client';
import { fakeRules, KEY, KEY_B, keyedServer } from './accounts';
import { fakeReading, fakeStatus, ORG, T0, usagePayload } from './builders';

export const HOST = 'abcdefghijklmnopabcdefghijklmnop';
export const ACME = '1a2b3c4d-0000-4000-8000-00000000ac3e';
export const BETA = '2b3c4d5e-0000-4000-8000-0000000000be';

export type AccountsWorld = Awaited<ReturnType<typeof accountsWorld>>;

/**
 * A fresh browser for `createAccounts`: the browser's own organisation, reading and status
 * (which no account change may touch), a fake claude.ai that knows `KEY` (Acme) and `KEY_B`
 * (Beta), the browser's session rules, and a record of polls, forgotten orgs and deleted history.
 */
export async function accountsWorld() {
  fakeBrowser.reset();
  const rules = fakeRules<KeyRule>();
  const server = keyedServer(rules);
  server.logins.set(KEY, {
    orgs: [{ uuid: ACME, name: 'Acme' }],
    usage: { [ACME]: usagePayload(20, 30) },
  });
  server.logins.set(KEY_B, { orgs: [{ uuid: BETA, name: 'Beta' }] });
  await orgsItem.setValue({
    list: [{ uuid: ORG, name: 'Personal', plan: 'Max 5x' }],
    discoveredAt: T0 - 1,
  });
  await latestItem.setValue({ [ORG]: fakeReading(40) });
  await statusItem.setValue(
    fakeStatus({
      lastSuccessAt: T0 - 1,
      byOrg: { [ORG]: { lastSuccessAt: T0 - 1, lastError: null } },
    }),
  );
  let seed = 0;
  const w = {
    clock: T0,
    rules,
    server,
    markers: [] as string[],
    polls: 0,
    forgotten: [] as string[][],
    deleted: [] as string[],

    make(overrides: Partial<AccountsDeps> = {}) {
      return createAccounts({
        accounts: accountsItem,
        keys: accountKeysItem,
        rules,
        extensionHost: HOST,
        makeClient: (marker) => {
          w.markers.push(marker);
          return createClaudeClient({ fetch: server.fetch, now: () => w.clock, marker });
        },
        store: createPollStore(),
        exclusively: (fn) => fn(),
        poll: async () => void w.polls++,
        forget: async (keys) => void w.forgotten.push(keys),
        deleteHistory: async (prefix) => void w.deleted.push(prefix),
        random: () => new Uint8Array(8).fill(++seed),
        now: () => w.clock,
        ...overrides,
      });
    },

    /** Every stored value but the keys item, as text: where a key must never be. */
    async storedWithoutKeys(): Promise<string> {
      const all = await fakeBrowser.storage.local.get(null);
      const rest = Object.entries(all).filter(([k]) => !k.startsWith('accountKeys'));
      expect(rest.length).toBeGreaterThan(3);
      return JSON.stringify(rest);
    },

    /** All of storage as text, to see that nothing changed. */
    async snapshot(): Promise<string> {
      return JSON.stringify(await fakeBrowser.storage.local.get(null));
    },
  };
  return w;
}
