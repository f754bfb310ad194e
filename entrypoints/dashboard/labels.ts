import type { RangeId } from '@/lib/chart/dashboard-ranges';
import { dateFormat } from '@/lib/display/intl-cache';
import { t, type MessageKey } from '@/lib/display/i18n';

/** Monday 1 January 2024, a fixed Monday to name weekdays by. */
const A_MONDAY = Date.UTC(2024, 0, 1);

/** The weekday's name, 0 = Monday, in the person's language. */
export function weekdayName(weekday: number, width: 'long' | 'short' = 'long'): string {
  return dateFormat({ weekday: width, timeZone: 'UTC' }).format(A_MONDAY + weekday * 86_400_000);
}

/** "14:00" (or "2 PM") for an hour of the day, in the person's language. */
export function hourName(hour: number): string {
  return dateFormat({ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    A_MONDAY + hour * 3_600_000,
  );
}

/** "in the last 30 days", as a sentence uses it. */
export function periodPhrase(id: RangeId): string {
  const keys: Record<RangeId, MessageKey> = {
    '6h': 'dashPeriod6h',
    '24h': 'dashPeriod24h',
    '7d': 'dashPeriod7d',
    '30d': 'dashPeriod30d',
    '90d': 'dashPeriod90d',
    '1y': 'dashPeriod1y',
  };
  return t(keys[id]);
}

/** The range button's text: "6 h", "7 d", "1 y". */
export function rangeLabel(id: RangeId): string {
  const n = Number.parseInt(id, 10);
  if (id.endsWith('h')) return t('durationHours', n);
  if (id.endsWith('d')) return t('durationDays', n);
  return t('dashRangeYear');
}

/** Date and time, short, for tables and the CSV's readers alike. */
export function formatWhen(at: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/**
 * Date and time as two parts that may wrap apart, for the windows table: the time alone when
 * `sameDayAs` falls on the same day (the row's start already names it).
 */
export function whenParts(at: number, sameDayAs?: number): { date: string | null; time: string } {
  const day = dateFormat({ dateStyle: 'medium' });
  const date = day.format(at);
  const time = dateFormat({ timeStyle: 'short' }).format(at);
  return { date: sameDayAs !== undefined && day.format(sameDayAs) === date ? null : date, time };
}
