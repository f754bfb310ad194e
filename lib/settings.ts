/**
 * The settings' shape, defaults, validation and migration: pure, apart from their storage item
 * (`lib/storage/items.ts`), so any module can use them without pulling in extension storage.
 */
import type { LimitKind, Org, PollStatus } from './usage/types';
import { t } from './i18n';

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
}

// Validation and migration: what the options page may save, and what any stored shape becomes.

export type SettingsErrors = Partial<Record<string, string>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function whole(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Check every field; an error names the field (its path) and says what is allowed. A settings
 * object with any error is never saved. Pure.
 */
export function validateSettings(s: Settings): SettingsErrors {
  const errors: SettingsErrors = {};
  if (!whole(s.pollMinutes, 1, 60)) errors.pollMinutes = t('validPollMinutes');
  if (!whole(s.badge.warnAt, 1, 99)) errors['badge.warnAt'] = t('validPercent1to99');
  if (!whole(s.badge.criticalAt, 1, 100)) errors['badge.criticalAt'] = t('validPercent1to100');
  else if (whole(s.badge.warnAt, 1, 99) && s.badge.criticalAt <= s.badge.warnAt) {
    errors['badge.criticalAt'] = t('validAboveWarning');
  }
  const levels = s.notifications.thresholds;
  if (
    levels.length === 0 ||
    levels.length > 5 ||
    !levels.every((x) => whole(x, 1, 99)) ||
    levels.some((x, i) => i > 0 && x <= levels[i - 1]!)
  ) {
    errors['notifications.thresholds'] = t('validThresholds');
  }
  if (!whole(s.notifications.resetAfterPercent, 1, 100)) {
    errors['notifications.resetAfterPercent'] = t('validPercent1to100');
  }
  if (!whole(s.notifications.cooldownHours, 0, 48))
    errors['notifications.cooldownHours'] = t('validCooldown');
  const unused = s.notifications.useItOrLoseIt;
  if (!whole(unused.hoursBefore, 1, 72))
    errors['notifications.useItOrLoseIt.hoursBefore'] = t('validUnusedHours');
  if (!whole(unused.belowPercent, 1, 99))
    errors['notifications.useItOrLoseIt.belowPercent'] = t('validPercent1to99');
  if (!TIME.test(s.notifications.quietHours.start))
    errors['notifications.quietHours.start'] = t('validTime', '22:00');
  if (!TIME.test(s.notifications.quietHours.end))
    errors['notifications.quietHours.end'] = t('validTime', '07:00');
  if (!whole(s.history.rawDays, 1, 90)) errors['history.rawDays'] = t('validRawDays');
  if (!whole(s.history.totalDays, 7, 3650)) errors['history.totalDays'] = t('validTotalDays');
  else if (whole(s.history.rawDays, 1, 90) && s.history.totalDays < s.history.rawDays) {
    errors['history.totalDays'] = t('validAtLeastRaw');
  }
  return errors;
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `base` with every field of `patch` whose type matches; anything else keeps the default. */
function mergeTyped<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) {
    if (Array.isArray(base))
      return (
        Array.isArray(patch) && patch.every((x) => typeof x === typeof base[0]) ? patch : base
      ) as T;
    return (typeof patch === typeof base ? patch : base) as T;
  }
  const out: Plain = { ...base };
  for (const key of Object.keys(base))
    if (key in patch) out[key] = mergeTyped(base[key], patch[key]);
  return out as T;
}

/**
 * Settings from anything stored or imported: an older version, a partial object, or the flat
 * first shape `{ pollMinutes, warnAt, criticalAt }`. Unknown or mistyped fields take their
 * defaults; a result that does not validate falls back to the defaults as a whole. Pure.
 */
export function migrateSettings(stored: unknown): Settings {
  const input = isPlain(stored) ? { ...stored } : {};
  if ('warnAt' in input || 'criticalAt' in input) {
    input.badge = {
      ...(isPlain(input.badge) ? input.badge : {}),
      warnAt: input.warnAt,
      criticalAt: input.criticalAt,
    };
  }
  const merged = mergeTyped(structuredClone(DEFAULT_SETTINGS), input);
  return Object.keys(validateSettings(merged)).length === 0
    ? merged
    : structuredClone(DEFAULT_SETTINGS);
}
