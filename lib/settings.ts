import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, EMPTY_STATUS } from './settings-defaults';
import { migrateSettings } from './settings-validate';
import type { LimitKind, Org, PollStatus, Reading } from './usage/types';

export type BadgeLimitChoice = 'tightest' | 'session' | 'weekly';
export type Theme = 'system' | 'light' | 'dark';
export type AlertKind = Exclude<LimitKind, 'other'>;

export interface Settings {
  /** Minutes between polls, 1–60. */
  pollMinutes: number;
  /** Poll every minute while the last readings changed. */
  pollFasterWhileRising: boolean;
  badge: {
    limit: BadgeLimitChoice;
    /** Amber from this percent. */
    warnAt: number;
    /** Red from this percent. */
    criticalAt: number;
    showPercentSign: boolean;
  };
  notifications: {
    enabled: boolean;
    kinds: Record<AlertKind, boolean>;
    /** Ascending percents, each 1–99. */
    thresholds: number[];
    limitReached: boolean;
    resetAlerts: boolean;
    /** A reset is announced only for windows that had reached this percent. */
    resetAfterPercent: number;
    cooldownHours: number;
    quietHours: { enabled: boolean; start: string; end: string };
    /** "At this pace you will hit the limit" alerts for the session limit. */
    forecast: boolean;
  };
  history: {
    /** Keep every raw reading this many days, then compact. */
    rawDays: number;
    /** Drop everything older than this many days. */
    totalDays: number;
  };
  theme: Theme;
  /** Which organisation the badge follows: the tightest one, or a fixed org uuid. */
  badgeOrg: 'tightest' | string;
}

// The defaults live in a module without the storage wrapper, so the popup's first paint can use
// them without loading it.
export { DEFAULT_SETTINGS, EMPTY_STATUS };

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

export interface OrgsState {
  /** The chat-capable organisations of the session, in the server's order. */
  list: Org[];
  discoveredAt: number | null;
  /** Organisations seen before that have gone (left, or another person signed in); history keeps them. */
  gone?: Org[];
}

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
