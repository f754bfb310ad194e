import type { UsageWindow } from './windows';

/** A text cell a spreadsheet would read as a formula: `=`, `+`, `-`, `@`, tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula gets a leading `'`; numbers stay
 * numbers (a negative number is a number, not a formula). RFC 4180 quoting. Pure.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The windows table as CSV: limit, kind, start and end (ISO), peak percent, whether it reached
 * 100 %, minutes at the limit. Rows in the order given. Pure.
 */
export function windowsToCsv(windows: readonly UsageWindow[]): string {
  const rows = ['limit,kind,start,end,peak_percent,reached_limit,minutes_at_limit'];
  for (const w of windows) {
    rows.push(
      [
        w.label,
        w.kind,
        new Date(w.start).toISOString(),
        new Date(w.end).toISOString(),
        w.peak,
        w.reachedLimit ? 'yes' : 'no',
        Math.round(w.atLimitMs / 60_000),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
