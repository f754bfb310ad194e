import { DEFAULT_SETTINGS, type Settings } from './settings';

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
  if (!whole(s.pollMinutes, 1, 60))
    errors.pollMinutes = 'Between 1 and 60 minutes, in whole minutes.';
  if (!whole(s.badge.warnAt, 1, 99)) errors['badge.warnAt'] = 'A whole percent from 1 to 99.';
  if (!whole(s.badge.criticalAt, 1, 100))
    errors['badge.criticalAt'] = 'A whole percent from 1 to 100.';
  else if (whole(s.badge.warnAt, 1, 99) && s.badge.criticalAt <= s.badge.warnAt) {
    errors['badge.criticalAt'] = 'Must be above the warning level.';
  }
  const t = s.notifications.thresholds;
  if (
    t.length === 0 ||
    t.length > 5 ||
    !t.every((x) => whole(x, 1, 99)) ||
    t.some((x, i) => i > 0 && x <= t[i - 1]!)
  ) {
    errors['notifications.thresholds'] =
      'One to five rising percents from 1 to 99, e.g. 75, 90, 95.';
  }
  if (!whole(s.notifications.resetAfterPercent, 1, 100)) {
    errors['notifications.resetAfterPercent'] = 'A whole percent from 1 to 100.';
  }
  if (!whole(s.notifications.cooldownHours, 0, 48))
    errors['notifications.cooldownHours'] = 'From 0 to 48 hours.';
  if (!TIME.test(s.notifications.quietHours.start))
    errors['notifications.quietHours.start'] = 'A time like 22:00.';
  if (!TIME.test(s.notifications.quietHours.end))
    errors['notifications.quietHours.end'] = 'A time like 07:00.';
  if (!whole(s.history.rawDays, 1, 90)) errors['history.rawDays'] = 'From 1 to 90 days.';
  if (!whole(s.history.totalDays, 7, 3650)) errors['history.totalDays'] = 'From 7 to 3,650 days.';
  else if (whole(s.history.rawDays, 1, 90) && s.history.totalDays < s.history.rawDays) {
    errors['history.totalDays'] = 'Must be at least the raw days.';
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
