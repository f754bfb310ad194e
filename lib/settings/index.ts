/**
 * The settings module (this folder): their shape and defaults here, their validation and
 * migration in `validate.ts`, apart so the popup's first paint carries no validation. Pure, and
 * apart from their storage item (`lib/storage/items.ts`).
 */
import type { LimitKind, Org, PollStatus } from '../usage/types';

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
    /** "Use it or lose it": before a weekly reset, say how much is left unused. Opt-in. */
    useItOrLoseIt: {
      enabled: boolean;
      /** How long before the reset, in hours (1–72). */
      hoursBefore: number;
      /** Only while less than this percent is used (1–99). */
      belowPercent: number;
    };
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
  /** The small meter beside claude.ai's message box. */
  inPageMeter: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  pollMinutes: 2,
  pollFasterWhileRising: true,
  badge: { limit: 'tightest', warnAt: 75, criticalAt: 90, showPercentSign: true },
  notifications: {
    enabled: true,
    kinds: { session: true, weekly: true, weekly_model: true },
    thresholds: [75, 90, 95],
    limitReached: true,
    resetAlerts: true,
    resetAfterPercent: 90,
    cooldownHours: 4,
    quietHours: { enabled: false, start: '22:00', end: '07:00' },
    forecast: true,
    useItOrLoseIt: { enabled: false, hoursBefore: 12, belowPercent: 50 },
  },
  history: { rawDays: 7, totalDays: 365 },
  theme: 'system',
  badgeOrg: 'tightest',
  inPageMeter: true,
};

/** The poller's status before any poll. */
export const EMPTY_STATUS: PollStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  nextPollAt: null,
  consecutiveFailures: 0,
  pollingSince: null,
};

export interface OrgsState {
  /** The chat-capable organisations of the session, in the server's order. */
  list: Org[];
  discoveredAt: number | null;
  /** Organisations seen before that have gone (left, or another person signed in); history keeps them. */
  gone?: Org[];
  /** When each added login's organisations were last discovered (theirs are in `list` too). */
  accounts?: Record<string, number | null>;
}
