import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, EMPTY_STATUS, type OrgsState, type Settings } from './settings-defaults';
import { migrateSettings } from './settings-validate';
import type { PollStatus, Reading } from './usage/types';

export {
  DEFAULT_SETTINGS,
  EMPTY_STATUS,
  type OrgsState,
  type AlertKind,
  type BadgeLimitChoice,
  type Settings,
  type Theme,
} from './settings-defaults';

/**
 * User settings; the UI writes, the worker watches. Version 2 fills fields an older or partial
 * object lacks (and reads the flat first shape), see `migrateSettings`.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: (stored: unknown) => migrateSettings(stored) },
});

/** The last good reading of each organisation, by org uuid: the popup's first paint and the badge. */
export const latestItem = storage.defineItem<Record<string, Reading>>('local:latest', {
  fallback: {},
  version: 1,
});

/** The organisations of the session, and when they were last discovered. */
export const orgsItem = storage.defineItem<OrgsState>('local:orgs', {
  fallback: { list: [], discoveredAt: null },
  version: 1,
});

/** The organisation shown in the popup (uuid), or null for the first one. */
export const selectedOrgItem = storage.defineItem<string | null>('local:selectedOrg', {
  fallback: null,
});

/** The poller's status. */
export const statusItem = storage.defineItem<PollStatus>('local:status', {
  fallback: EMPTY_STATUS,
  version: 1,
});
