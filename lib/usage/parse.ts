import { t } from '../i18n';
import type { ExtraUsage, Limit, LimitKind } from './types';
import { asRecord, readAmount, readPercent, readText, readTime } from './values';

export type ParsedUsage =
  { ok: true; limits: Limit[]; extra: ExtraUsage | null } | { ok: false; detail: string };

interface WindowDef {
  id: string;
  kind: LimitKind;
  label: string;
}

/**
 * Flat window keys we know the meaning of. Code-named keys (`nimbus_quill`, `iguana_necktie`, ...)
 * and surfaces without a clear name (`seven_day_omelette`) are left out on purpose: a key we cannot
 * name must never become a row. Built per parse, so labels are in the browser's language (a
 * reading stores the label it was read with); product names stay as they are.
 */
function flatWindows(): Record<string, WindowDef> {
  const weekly = (name: string) => t('limitWeeklyNamed', name);
  return {
    five_hour: { id: 'session', kind: 'session', label: t('limitSession') },
    seven_day: { id: 'weekly', kind: 'weekly', label: t('limitWeekly') },
    seven_day_opus: { id: 'weekly:opus', kind: 'weekly_model', label: weekly('Opus') },
    seven_day_sonnet: { id: 'weekly:sonnet', kind: 'weekly_model', label: weekly('Sonnet') },
    seven_day_oauth_apps: {
      id: 'other:oauth_apps',
      kind: 'other',
      label: weekly(t('limitSurfaceOauthApps')),
    },
    seven_day_cowork: { id: 'other:cowork', kind: 'other', label: weekly('Cowork') },
    seven_day_routines: { id: 'other:routines', kind: 'other', label: weekly('Routines') },
  };
}

/** The windows every plan has: when one of them is present but unreadable, the payload is broken. */
const CORE_KEYS = ['five_hour', 'seven_day'];

const KIND_ORDER: Record<LimitKind, number> = { session: 0, weekly: 1, weekly_model: 2, other: 3 };

/** `weekly:<slug>` for a model's display name, so "Sonnet" here and `seven_day_sonnet` agree. */
function modelWindow(displayName: string): WindowDef {
  const slug = displayName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    id: `weekly:${slug || 'model'}`,
    kind: 'weekly_model',
    label: t('limitWeeklyNamed', displayName),
  };
}

/** The window a `limits[]` entry describes, or null for kinds we do not know. */
function windowOfLimitEntry(
  entry: Record<string, unknown>,
  flat: Record<string, WindowDef>,
): WindowDef | null {
  switch (entry.kind) {
    case 'session':
      return flat.five_hour!;
    case 'weekly_all':
      return flat.seven_day!;
    case 'weekly_scoped': {
      const model = asRecord(asRecord(entry.scope)?.model);
      const name = readText(model?.display_name, 60);
      return name ? modelWindow(name) : null;
    }
    default:
      return null;
  }
}

function parseExtra(payload: Record<string, unknown>): ExtraUsage | null {
  const spend = asRecord(payload.spend);
  if (spend) {
    if (spend.enabled === false) return null;
    const used = asRecord(spend.used);
    const usedMinor = readAmount(used?.amount_minor);
    if (used && usedMinor !== null) {
      const limit = asRecord(spend.limit);
      return {
        usedMinor,
        limitMinor: readAmount(limit?.amount_minor),
        currency: readText(used.currency, 3) ?? 'USD',
        exponent: readExponent(used.exponent),
      };
    }
  }
  const extra = asRecord(payload.extra_usage);
  if (!extra || extra.is_enabled !== true) return null;
  return {
    usedMinor: readAmount(extra.used_credits) ?? 0,
    limitMinor: readAmount(extra.monthly_limit),
    currency: readText(extra.currency, 3) ?? 'USD',
    exponent: readExponent(extra.decimal_places),
  };
}

function readExponent(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4
    ? value
    : 2;
}

/**
 * Turn a usage payload into limits, tolerating the many shapes seen in the wild (see
 * shared/docs/claude-api.md). Both vocabularies are read: the flat window keys first, then
 * `limits[]`, which is authoritative where both name the same limit. Pure; never throws.
 */
export function parseUsage(payload: unknown): ParsedUsage {
  const root = asRecord(payload);
  if (!root) return { ok: false, detail: 'usage payload is not an object' };
  const hasFlat = 'five_hour' in root || 'seven_day' in root;
  const entries = Array.isArray(root.limits) ? root.limits : null;
  if (!hasFlat && !entries) return { ok: false, detail: 'usage payload has no known limit keys' };

  const byId = new Map<string, Limit>();
  const flat = flatWindows();
  for (const [key, def] of Object.entries(flat)) {
    if (root[key] === null || root[key] === undefined) continue;
    const window = asRecord(root[key]);
    const percent = readPercent(window?.utilization);
    if (!window || percent === null) {
      // Other windows come and go; a broken session or weekly window means the payload is not to be
      // trusted, and the last good numbers are worth more than a partial reading.
      if (CORE_KEYS.includes(key))
        return { ok: false, detail: `${key} has no readable utilization` };
      continue;
    }
    byId.set(def.id, { ...def, percent, resetsAt: readTime(window.resets_at) });
  }
  for (const raw of entries ?? []) {
    const entry = asRecord(raw);
    const def = entry && windowOfLimitEntry(entry, flat);
    if (!entry || !def) continue;
    const percent = readPercent(entry.percent);
    const garbled = percent === null && entry.percent !== null && entry.percent !== undefined;
    if (garbled && def.kind !== 'weekly_model') {
      return { ok: false, detail: `limits[] ${String(entry.kind)} has no readable percent` };
    }
    const known = byId.get(def.id);
    if (percent === null && !known) continue;
    byId.set(def.id, {
      ...def,
      // A model's label from `limits[]` keeps the server's spelling; flat keys keep ours.
      label: known?.label ?? def.label,
      percent: percent ?? known!.percent,
      resetsAt: readTime(entry.resets_at) ?? known?.resetsAt ?? null,
    });
  }

  const limits = [...byId.values()]
    .map((limit, index) => ({ limit, index }))
    .sort((a, b) => KIND_ORDER[a.limit.kind] - KIND_ORDER[b.limit.kind] || a.index - b.index)
    .map(({ limit }) => limit);
  if (limits.length === 0 && (entries?.length ?? 0) > 0 && !hasFlat) {
    return { ok: false, detail: 'usage payload has no limit we can read' };
  }
  return { ok: true, limits, extra: parseExtra(root) };
}
