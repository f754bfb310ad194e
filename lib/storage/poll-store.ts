import { storage } from 'wxt/utils/storage';
import { accountsItem, latestItem, orgsItem, settingsItem, statusItem } from './items';
import type { Account } from '../accounts/accounts';
import { type OrgsState, type Settings } from '../settings';
import { migrateSettings } from '../settings/validate';
import type { PollStatus, Reading } from '../usage/types';

/** Everything a poll reads: one storage round trip instead of one per item. */
export interface PollState {
  settings: Settings;
  status: PollStatus;
  orgs: OrgsState;
  latest: Record<string, Reading>;
  /** The added logins (never their keys), read in the same call: a poll asks for no more. */
  accounts?: Account[];
}

export type PollStatePatch = Partial<Omit<PollState, 'settings' | 'accounts'>>;

export interface PollStore {
  read(): Promise<PollState>;
  /** Write the given parts together, in one storage call. */
  write(patch: PollStatePatch): Promise<void>;
}

/**
 * The poll's view of extension storage, batched: the worker wakes every few minutes on laptops on
 * battery, and each storage call is a message to the browser process.
 */
export function createPollStore(): PollStore {
  return {
    async read() {
      // Settings through their item, which waits for any pending migration of an older version.
      const [settings, [status, orgs, latest, accounts]] = await Promise.all([
        settingsItem.getValue(),
        storage.getItems([statusItem, orgsItem, latestItem, accountsItem]),
      ]);
      return {
        // Whatever is stored, a poll works with complete, valid settings.
        settings: migrateSettings(settings),
        status: status!.value as PollStatus,
        orgs: orgs!.value as OrgsState,
        latest: latest!.value as Record<string, Reading>,
        accounts: accounts!.value as Account[],
      };
    },
    async write(patch) {
      const values = [
        patch.status && { item: statusItem, value: patch.status },
        patch.orgs && { item: orgsItem, value: patch.orgs },
        patch.latest && { item: latestItem, value: patch.latest },
      ].filter((v) => v !== undefined);
      if (values.length > 0) await storage.setItems(values);
    },
  };
}
