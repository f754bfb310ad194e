import { t } from './i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A compact, unambiguous duration: "3 d 4 h", "2 h 11 min", "7 min", "59 s" (in English; the
 * units come from the messages). Minutes are rounded up so a countdown never says "0 min" while
 * time remains.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return t('durationSeconds', 0);
  if (ms < MINUTE) return t('durationSeconds', Math.ceil(ms / 1000));
  const totalMinutes = Math.ceil(ms / MINUTE);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? t('durationDaysHours', [days, hours]) : t('durationDays', days);
  if (hours > 0)
    return minutes > 0 ? t('durationHoursMinutes', [hours, minutes]) : t('durationHours', hours);
  return t('durationMinutes', minutes);
}

/**
 * How far off a forecast is: whole minutes, at least one. A projection is never second-precise,
 * and one already due still reads "~1 min", never "~0 s".
 */
export function formatForecastIn(ms: number): string {
  return formatDuration(Math.max(MINUTE, Number.isFinite(ms) ? ms : MINUTE));
}

export const TIME = { MINUTE, HOUR, DAY } as const;
