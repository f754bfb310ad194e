import type { Snapshot } from '../storage/db';
import type { Settings } from '../settings';

export const EXPORT_FORMAT = 'claude-usage-meter';
export const EXPORT_VERSION = 1;

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  settings: Settings;
  readings: Snapshot[];
}

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list), and
 * their full-width forms, which some spreadsheets fold to the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One text cell of a CSV: a leading formula character is neutralised with `'` (OWASP), then RFC
 * 4180 quoting for a comma, quote or line break, quotes doubled. Text from the server (organisation
 * names a Team admin sets, limit labels) goes through here, so opening the export never runs it. Pure.
 */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell: a plain finite number, never neutralised (a percent stays a number). Pure. */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** The largest time `Date` can show: anything beyond it is written as an empty cell, not a throw. */
const MAX_DATE_MS = 8.64e15;

/** An ISO time cell, empty for null or a time no date can show (damaged history never breaks it). */
function csvTime(ms: number | null): string {
  return ms !== null && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS
    ? new Date(ms).toISOString()
    : '';
}

/**
 * One row per reading and limit: ISO time, organisation, limit id, label, percent, resets_at.
 * Text cells are neutralised (`csvText`), numbers stay numbers. Pure; never throws.
 */
export function toCsv(
  readings: readonly Snapshot[],
  orgNames: Record<string, string> = {},
): string {
  const rows = ['time,organization,limit_id,label,percent,resets_at'];
  for (const r of readings) {
    const org = csvText(Object.hasOwn(orgNames, r.orgId) ? orgNames[r.orgId]! : r.orgId);
    for (const l of r.limits) {
      rows.push(
        [
          csvTime(r.at),
          org,
          csvText(l.id),
          csvText(l.label),
          csvNumber(l.percent),
          csvTime(l.resetsAt),
        ].join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The whole history and the settings, in a versioned format that `parseImport` reads back. Pure. */
export function toJsonExport(
  readings: readonly Snapshot[],
  settings: Settings,
  now: number,
): JsonExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    readings: [...readings],
  };
}
