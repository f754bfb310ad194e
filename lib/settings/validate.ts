// Validation and migration: what the options page may save, and what any stored shape becomes.
import { t } from '../display/i18n';
import { DEFAULT_SETTINGS, type Settings } from './index';

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
