import { t } from '../display/i18n';
import { limitLabel } from './labels';
import { parseExtra } from './money';
import type { ExtraUsage, Limit, LimitKind } from './types';
import { asRecord, readPercent, readText, readTime } from './values';

export type ParsedUsage =
  { ok: true; limits: Limit[]; extra: ExtraUsage | null } | { ok: false; detail: string };

interface WindowDef {
  id: string;
  kind: LimitKind;
  label: string;
  name?: string;
}

/** A limit named by a product or model: its name is kept, so its label can be made again. */
const named = (id: string, kind: LimitKind, name: string): WindowDef => {
  const def = { id, kind, name, label: '' };
  return { ...def, label: limitLabel(def) };
};

/**
 * Flat window keys we know the meaning of. Code-named keys (`nimbus_quill`, `iguana_necktie`, ...)
 * are left out on purpose: a key we cannot name must never become a row. Built per parse, so
 * labels are in the browser's language; named limits keep their name (product names stay as they
 * are), so a stored reading's label can be made again in another language.
 */
function flatWindows(): Record<string, WindowDef> {
  return {
    five_hour: { id: 'session', kind: 'session', label: t('limitSession') },
    seven_day: { id: 'weekly', kind: 'weekly', label: t('limitWeekly') },
    seven_day_opus: modelWindow('Opus'),
    seven_day_sonnet: modelWindow('Sonnet'),
    // The same limit as the `weekly_scoped` entry named "Fable": one id, so never two rows.
    seven_day_fable: modelWindow('Fable'),
    seven_day_oauth_apps: {
      id: 'other:oauth_apps',
      kind: 'other',
      label: limitLabel({ id: 'other:oauth_apps', label: '' }),
    },
    seven_day_cowork: named('other:cowork', 'other', 'Cowork'),
    seven_day_routines: named('other:routines', 'other', 'Routines'),
    // "omelette" is Claude Design's code name, as the public peers that show this cap call it.
    seven_day_omelette: named('surface:design', 'other', 'Claude Design'),
  };
}

/** Surfaces `limits[]` may name that are the same limit as a flat key (by the slug of the name). */
const SURFACE_ALIASES: Record<string, string> = {
  design: 'seven_day_omelette',
  'claude-design': 'seven_day_omelette',
  omelette: 'seven_day_omelette',
  routines: 'seven_day_routines',
  cowork: 'seven_day_cowork',
  'oauth-apps': 'seven_day_oauth_apps',
};

/** The windows every plan has: when one of them is present but unreadable, the payload is broken. */
const CORE_IDS = new Set(['session', 'weekly']);

const KIND_ORDER: Record<LimitKind, number> = { session: 0, weekly: 1, weekly_model: 2, other: 3 };

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `weekly:<slug>` for a model's display name, so "Sonnet" here and `seven_day_sonnet` agree. */
function modelWindow(displayName: string): WindowDef {
  return named(`weekly:${slugOf(displayName) || 'model'}`, 'weekly_model', displayName);
}

/**
 * A surface's window (`scope.surface`: a name, or an object with one). A surface we know keeps its
 * id; its label is the server's when the server gives a display name, else ours.
 */
function surfaceWindow(surface: unknown, flat: Record<string, WindowDef>): WindowDef | null {
  const record = asRecord(surface);
  const displayName = readText(record?.display_name, 60) ?? readText(record?.name, 60);
  const name = displayName ?? readText(surface, 60) ?? readText(record?.id, 60);
  if (!name) return null;
  const slug = slugOf(name);
  const known = SURFACE_ALIASES[slug] ?? SURFACE_ALIASES[slugOf(readText(record?.id, 60) ?? '')];
  const def = known ? flat[known] : undefined;
  if (def) return displayName ? named(def.id, def.kind, displayName) : def;
  return named(`surface:${slug || 'surface'}`, 'other', name);
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
      const scope = asRecord(entry.scope);
      const name = readText(asRecord(scope?.model)?.display_name, 60);
      // The server's spelling of a model it names, e.g. "Fable".
      if (name) return modelWindow(name);
      return scope?.surface ? surfaceWindow(scope.surface, flat) : null;
    }
    default:
      return null;
  }
}

/** A value that is there but is no percent: not missing, not `null`, just wrong. */
const garbled = (value: unknown, percent: number | null) =>
  percent === null && value !== null && value !== undefined;

/**
 * Turn a usage payload into limits, tolerating the many shapes seen in the wild (see
 * shared/docs/claude-api.md). Both vocabularies are read: the flat window keys first, then
 * `limits[]`, which is authoritative where both name the same limit with a readable percent; a
 * percent readable in only one of them is taken from that one. No limit at all (the Free plan) is
 * a good reading with no rows. Pure; never throws.
 */
export function parseUsage(payload: unknown): ParsedUsage {
  const root = asRecord(payload);
  if (!root) return { ok: false, detail: 'usage payload is not an object' };
  const hasFlat = 'five_hour' in root || 'seven_day' in root;
  const entries = Array.isArray(root.limits) ? root.limits : null;
  if (!hasFlat && !entries) return { ok: false, detail: 'usage payload has no known limit keys' };

  const byId = new Map<string, Limit>();
  // Session or weekly windows that arrived unreadable: fatal unless the other vocabulary reads them.
  const broken = new Map<string, string>();
  const flat = flatWindows();
  for (const [key, def] of Object.entries(flat)) {
    if (root[key] === null || root[key] === undefined) continue;
    const window = asRecord(root[key]);
    const percent = readPercent(window?.utilization);
    if (!window || percent === null) {
      if (CORE_IDS.has(def.id)) broken.set(def.id, `${key} has no readable utilization`);
      continue;
    }
    byId.set(def.id, { ...def, percent, resetsAt: readTime(window.resets_at) });
  }
  let recognised = 0;
  for (const raw of entries ?? []) {
    const entry = asRecord(raw);
    const def = entry && windowOfLimitEntry(entry, flat);
    if (!entry || !def) continue;
    recognised++;
    const percent = readPercent(entry.percent);
    const known = byId.get(def.id);
    if (percent === null) {
      if (garbled(entry.percent, percent) && CORE_IDS.has(def.id) && !known) {
        broken.set(def.id, `limits[] ${String(entry.kind)} has no readable percent`);
      }
      // Never a row the server gave no number for; a readable flat twin stays as it was.
      if (!known) continue;
    }
    broken.delete(def.id);
    byId.set(def.id, {
      ...def,
      percent: percent ?? known!.percent,
      resetsAt: readTime(entry.resets_at) ?? known?.resetsAt ?? null,
    });
  }
  // Other windows come and go; a broken session or weekly window means the payload is not to be
  // trusted, and the last good numbers are worth more than a partial reading.
  const fatal = [...broken.values()][0];
  if (fatal) return { ok: false, detail: fatal };

  const limits = [...byId.values()]
    .map((limit, index) => ({ limit, index }))
    .sort((a, b) => KIND_ORDER[a.limit.kind] - KIND_ORDER[b.limit.kind] || a.index - b.index)
    .map(({ limit }) => limit);
  if (recognised === 0 && (entries?.length ?? 0) > 0 && !hasFlat) {
    return { ok: false, detail: 'usage payload has no limit we can read' };
  }
  return { ok: true, limits, extra: parseExtra(root) };
}
