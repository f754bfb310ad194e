import type { PollStatus } from './usage/types';
import type { Settings } from './settings';

/** Settings before a person changes any (re-exported by `lib/settings`). */
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
  },
  history: { rawDays: 7, totalDays: 365 },
  theme: 'system',
  badgeOrg: 'tightest',
};

/** The poll status before the first poll. */
export const EMPTY_STATUS: PollStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  nextPollAt: null,
  consecutiveFailures: 0,
  pollingSince: null,
};
