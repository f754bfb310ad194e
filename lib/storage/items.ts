import { storage } from 'wxt/utils/storage';
import type { Account } from '../accounts/accounts';
import { EMPTY_ALERT_STATE, type AlertState } from '../alerts/state';
import type { Reminders } from '../alerts/reminder';
import { migrateRoutes, migrateRoutesV3 } from '../channels/migrate';
import { DEFAULT_ROUTES, type AlertRoutes, type DeliveryRecord } from '../channels/types';
import { DEFAULT_SETTINGS, EMPTY_STATUS, type OrgsState, type Settings } from '../settings';
import { migrateSettings } from '../settings/validate';
import type { PollStatus, Reading } from '../usage/types';
import type { PreparedText } from '../display/prepared-text';
import { STORED_KEYS } from './raw';

/**
 * Every item the extension keeps in `storage.local`, with its version and migrations: the one
 * place that declares them. `local:` only, never `sync`: nothing here leaves the browser. Pages
 * that only read them (the popup, the dashboard, the in-page meter) read the same keys raw
 * through `raw.ts`, and carry no storage library.
 */
const local = (key: string) => `local:${key}` as const;

/**
 * User settings; the UI writes, the worker watches. Version 2 fills fields an older or partial
 * object lacks (and reads the flat first shape), see `migrateSettings`.
 */
export const settingsItem = storage.defineItem<Settings>(local(STORED_KEYS.settings), {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: (stored: unknown) => migrateSettings(stored) },
});

/** The last good reading of each organisation, by org uuid: the popup's first paint and the badge. */
export const latestItem = storage.defineItem<Record<string, Reading>>(local(STORED_KEYS.latest), {
  fallback: {},
  version: 1,
});

/** The organisations of the session, and when they were last discovered. */
export const orgsItem = storage.defineItem<OrgsState>(local(STORED_KEYS.orgs), {
  fallback: { list: [], discoveredAt: null },
  version: 1,
});

/** The organisation shown in the popup (uuid), or null for the first one. */
export const selectedOrgItem = storage.defineItem<string | null>(local(STORED_KEYS.selectedOrg), {
  fallback: null,
});

/** The poller's status. */
export const statusItem = storage.defineItem<PollStatus>(local(STORED_KEYS.status), {
  fallback: EMPTY_STATUS,
  version: 1,
});

/** Alert memory: it survives the worker being stopped and browser restarts. */
export const alertStateItem = storage.defineItem<AlertState>(local(STORED_KEYS.alertState), {
  fallback: EMPTY_ALERT_STATE,
  version: 1,
});

/** "Notify me when it resets" reminders, so they survive the worker and restarts. */
export const remindersItem = storage.defineItem<Reminders>(local(STORED_KEYS.resetReminders), {
  fallback: {},
  version: 1,
});

/**
 * Where alerts go, with the channels' secrets: kept apart from the settings so that no export or
 * diagnostics text can carry them.
 */
export const routesItem = storage.defineItem<AlertRoutes>(local(STORED_KEYS.alertRoutes), {
  fallback: DEFAULT_ROUTES,
  // 2: each audience's own thresholds and limits (version 1 routes get the global ones).
  // 3: each audience's own organisations (all, as before) and the "use it or lose it" route.
  version: 3,
  migrations: { 2: migrateRoutes, 3: migrateRoutesV3 },
});

/** The last deliveries to channels, newest first. */
export const deliveryLogItem = storage.defineItem<DeliveryRecord[]>(
  local(STORED_KEYS.deliveryLog),
  {
    fallback: [],
    version: 1,
  },
);

/** Added logins, without their keys: what the options page and the popup may read. */
export const accountsItem = storage.defineItem<Account[]>(local(STORED_KEYS.accounts), {
  fallback: [],
  version: 1,
});

/**
 * Each added login's session key, by account id. `storage.local` only; the worker alone reads
 * it. Nothing exports, logs or shows it: pages see `Account.masked`.
 */
export const accountKeysItem = storage.defineItem<Record<string, string>>(
  local(STORED_KEYS.accountKeys),
  { fallback: {}, version: 1 },
);

/** The in-page meter's texts, made by the worker on install and on each browser start. */
export const pageTextItem = storage.defineItem<PreparedText | null>(local(STORED_KEYS.pageText), {
  fallback: null,
});
