import { csvNumber, csvText } from './export';
import type { UsageWindow } from './windows';

/**
 * One CSV field, by the export's own rules: text that a spreadsheet would run as a formula gets a
 * leading `'`, numbers stay numbers, RFC 4180 quoting. Pure.
 */
export function csvCell(value: string | number): string {
  return typeof value === 'number' ? csvNumber(value) : csvText(value);
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
