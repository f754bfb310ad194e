import type { Snapshot } from './db';
import type { Settings } from './settings';

export const EXPORT_FORMAT = 'claude-usage-meter';
export const EXPORT_VERSION = 1;

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  settings: Settings;
  readings: Snapshot[];
}

/** RFC 4180: quote a field with a comma, quote or line break; double the quotes inside. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One row per reading and limit: ISO time, organisation, limit id, label, percent, resets_at. Pure. */
export function toCsv(
  readings: readonly Snapshot[],
  orgNames: Record<string, string> = {},
): string {
  const rows = ['time,organization,limit_id,label,percent,resets_at'];
  for (const r of readings) {
    for (const l of r.limits) {
      rows.push(
        [
          new Date(r.at).toISOString(),
          orgNames[r.orgId] ?? r.orgId,
          l.id,
          l.label,
          String(l.percent),
          l.resetsAt === null ? '' : new Date(l.resetsAt).toISOString(),
        ]
          .map(csvField)
          .join(','),
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
