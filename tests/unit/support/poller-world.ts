import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  accountClient,
  accountMarker,
  keyRules,
  type Account,
  type AddedLogin,
  type KeyRule,
} from '../../../lib/accounts/accounts';
import { createSnapshotRepo, openUsageDb } from '../../../lib/storage/db';
import { createPoller, type PollerDeps } from '../../../lib/poll/poller';
import { createPollStore } from '../../../lib/storage/poll-store';
import { createClaudeClient } from '../../../lib/usage/client';
import type { Failure } from '../../../lib/usage/types';
import { BROWSER, fakeRules, KEY, keyedServer } from './accounts';
import { ORG, T0, usagePayload } from './builders';

export const HOST = 'abcdefghijklmnopabcdefghijklmnop';
export const WORK: Account = {
  id: 'a0w0r0k00',
  name: 'Work',
  masked: 'sk-ant-…•••AAAA',
  addedAt: T0,
};
export const ACME = '1a2b3c4d-0000-4000-8000-00000000ac3e';
export const ACME_KEY = `${WORK.id}/${ACME}`;

export type PollerWorld = Awaited<ReturnType<typeof pollerWorld>>;

/**
 * A fresh browser and fake claude.ai for a poller with one added login, Work (key `KEY`, one
 * organisation, Acme, at 70 %), beside the browser's own (Personal, at 40 %); its key rule in
 * place; alarms and `onPolled` failures recorded.
 */
export async function pollerWorld() {
  fakeBrowser.reset();
  const rules = fakeRules<KeyRule>();
  await rules.updateSessionRules({
    removeRuleIds: [],
    addRules: keyRules([WORK], { [WORK.id]: KEY }, HOST),
  });
  const server = keyedServer(rules);
  server.logins.set(BROWSER, {
    orgs: [{ uuid: ORG, name: 'Personal' }],
    usage: { [ORG]: usagePayload(40, 10) },
  });
  server.logins.set(KEY, {
    orgs: [{ uuid: ACME, name: 'Acme' }],
    usage: { [ACME]: usagePayload(70, 20) },
  });
  const repo = createSnapshotRepo(await openUsageDb(new IDBFactory()));
  const w = {
    clock: T0,
    rules,
    server,
    repo,
    alarms: [] as { when: number }[],
    polled: [] as Failure[][],

    /** An added login as the worker gives it to the poller: its keyed client on its marker. */
    login(account: Account = WORK): AddedLogin {
      const client = createClaudeClient({
        fetch: server.fetch,
        now: () => w.clock,
        marker: accountMarker(account.id),
      });
      return { account, client: accountClient(client, account) };
    },

    makePoller(overrides: Partial<PollerDeps> = {}) {
      return createPoller({
        client: createClaudeClient({ fetch: server.fetch, now: () => w.clock }),
        openRepo: async () => repo,
        store: createPollStore(),
        scheduleAlarm: async (_name, info) => void w.alarms.push(info),
        afterPoll: async () => undefined,
        onPolled: async (_state, _readings, failures) => void w.polled.push(failures),
        accounts: async () => [w.login()],
        spacingMs: 0,
        now: () => w.clock,
        ...overrides,
      });
    },
  };
  return w;
}
