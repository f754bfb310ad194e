import { formatDuration } from './duration';
import { preparedPercent, t, uiLocale } from './i18n';
import type { Balance, ExtraUsage } from '../usage/types';

/** "2 h 11 min", "59 s", "Resetting…" once due, "Not started" for a window that has not begun. */
export function formatCountdown(resetsAt: number | null, now: number): string {
  if (resetsAt === null) return t('countdownNotStarted');
  const left = resetsAt - now;
  return left > 0 ? formatDuration(left) : t('countdownResetting');
}

/** How often a countdown must redraw: every second in its last minute, else on the minute. */
export function nextTickIn(resetsAt: number | null, now: number): number | null {
  if (resetsAt === null) return null;
  const left = resetsAt - now;
  if (left <= 0) return null;
  // The text rounds up, so it changes exactly when `left` crosses a whole second (or minute).
  if (left <= 60_000) return left % 1000 || 1000;
  return left % 60_000 || 60_000;
}

/**
 * A whole percent that never claims what the raw value has not reached: 99.6 stays 99, since
 * "100%" reads as "limit reached". Elsewhere the nearest whole number.
 */
function honestRound(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return percent >= 99 && percent < 100 ? 99 : Math.round(percent);
}

// Making an Intl formatter loads the locale's data, a few milliseconds in a fresh page (the
// in-page meter starts in one on every claude.ai load): make each one once.
const percentFormats = new Map<string | undefined, Intl.NumberFormat>();

/** The raw percent as text in the locale's style ("48%", "48 %"): whole numbers, kept over 100. */
export function formatPercent(percent: number, locale = uiLocale()): string {
  const whole = honestRound(percent);
  const ready = preparedPercent(whole, locale);
  if (ready !== undefined) return ready;
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(locale, format);
  }
  return format.format(whole / 100);
}

/** A whole number in the locale's style: "1,234", "1.234", "1 234". */
export function formatCount(value: number, locale = uiLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Percent clamped for a bar (0–100), rounded as `formatPercent` rounds (99.6 → 99). */
export function barValue(percent: number): number {
  return Math.min(100, Math.max(0, honestRound(percent)));
}

/** Minor units in the account's currency, by the browser's locale. */
export function formatMoney(
  minor: number,
  currency: string,
  exponent: number,
  locale = uiLocale(),
): string {
  const amount = minor / 10 ** exponent;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(exponent)} ${currency}`;
  }
}

/**
 * What was spent against the monthly cap: "$12.50 of your $50.00 monthly cap", or
 * "$3.10 · no monthly cap". Never a balance: that is `formatBalance`.
 */
export function formatExtra(extra: ExtraUsage, locale = uiLocale()): string {
  const used = formatMoney(extra.usedMinor, extra.currency, extra.exponent, locale);
  if (extra.limitMinor === null) return t('extraNoCap', used);
  return t('extraOfCap', [
    used,
    formatMoney(extra.limitMinor, extra.currency, extra.exponent, locale),
  ]);
}

/** The prepaid money left, said as a balance so it is not taken for the cap: "balance $3.66". */
export function formatBalance(balance: Balance, locale = uiLocale()): string {
  return t(
    'extraBalance',
    formatMoney(balance.amountMinor, balance.currency, balance.exponent, locale),
  );
}

/** A local wall-clock time: "14:05"; with the weekday when not today: "Tue 14:05". */
export function formatClock(at: number, now: number, locale = uiLocale()): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { weekday: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** The exact local time, for a tooltip: "Tuesday, 24 November, 14:05:00". */
export function formatExact(at: number, locale = uiLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(at);
}

/** "just now", "1 min ago", "3 hours ago", by the browser's locale. */
export function formatAgo(at: number, now: number, locale = uiLocale()): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return t('agoJustNow');
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}
