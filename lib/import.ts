import type { Snapshot } from './db';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { t } from './i18n';
import { migrateSettings } from './settings-validate';
import type { Settings } from './settings';
import type { Limit } from './usage/types';

export type ParsedImport =
  { ok: true; readings: Snapshot[]; settings: Settings } | { ok: false; reason: string };

const KINDS = new Set(['session', 'weekly', 'weekly_model', 'other']);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function validLimit(l: unknown): l is Limit {
  if (typeof l !== 'object' || l === null) return false;
  const x = l as Record<string, unknown>;
  return (
    typeof x.id === 'string' &&
    typeof x.label === 'string' &&
    KINDS.has(x.kind as string) &&
    finite(x.percent) &&
    (x.percent as number) >= 0 &&
    (x.resetsAt === null || finite(x.resetsAt))
  );
}

/**
 * Read a JSON export, checking all of it before anything is written: a file that is not ours, from
 * a newer version, or with one bad reading is refused whole, with the reason. Pure.
 */
export function parseImport(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: t('importNotJson') };
  }
  const root = data as Record<string, unknown> | null;
  if (typeof root !== 'object' || root === null || root.format !== EXPORT_FORMAT) {
    return { ok: false, reason: t('importNotOurs') };
  }
  if (typeof root.version !== 'number' || root.version > EXPORT_VERSION) {
    return {
      ok: false,
      reason: t('importNewer', String(root.version)),
    };
  }
  if (!Array.isArray(root.readings)) return { ok: false, reason: t('importNoReadings') };
  const readings: Snapshot[] = [];
  for (const [i, r] of root.readings.entries()) {
    const x = r as Record<string, unknown>;
    if (
      typeof x !== 'object' ||
      x === null ||
      typeof x.orgId !== 'string' ||
      !finite(x.at) ||
      !Array.isArray(x.limits) ||
      !x.limits.every(validLimit)
    ) {
      return { ok: false, reason: t('importDamaged', i + 1) };
    }
    readings.push({
      orgId: x.orgId,
      at: x.at,
      limits: x.limits as Limit[],
      extra: (x.extra as Snapshot['extra']) ?? null,
      ...(finite(x.tier) ? { tier: x.tier } : {}),
    });
  }
  return { ok: true, readings, settings: migrateSettings(root.settings) };
}
