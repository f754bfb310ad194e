import { uiLocale } from './i18n';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One date formatter per set of options, in the person's language: making one costs Chromium far
 * more than using it (a table of a year of sessions made thousands, seconds of work).
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${uiLocale() ?? ''}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(uiLocale(), options)));
  return format;
}

const numbers = new Map<string, Intl.NumberFormat>();

/** One number formatter per set of options, in the person's language (see `dateFormat`). */
export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${uiLocale() ?? ''}|${JSON.stringify(options)}`;
  let format = numbers.get(key);
  if (!format) numbers.set(key, (format = new Intl.NumberFormat(uiLocale(), options)));
  return format;
}

/** "48%", "48 %": whole percent in the person's style, as `formatPercent` says it, made once. */
export function percentText(percent: number): string {
  return Number.isFinite(percent)
    ? numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(Math.round(percent) / 100)
    : '–';
}
