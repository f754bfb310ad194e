import type { Snapshot } from '../storage/db';
import { t } from '../display/i18n';
import type { Settings } from '../settings';
import type { ExtraUsage, Limit, LimitKind } from '../usage/types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** No Claude plan limit was read before this: an earlier time is not a reading of ours. */
export const EARLIEST_TIME = Date.UTC(2023, 0, 1);
/** How far a reading may lie in the future: another computer's clock may be a little ahead. */
export const CLOCK_SKEW_MS = 5 * MINUTE;
/** A reset further ahead than this is no window Claude has (the longest is a week or a month). */
const RESET_HORIZON_MS = 400 * DAY;
export const MAX_PERCENT = 1000;
/** A trillion minor units (ten billion dollars): more than any monthly cap, far below 2^53. */
export const MAX_MINOR = 1e12;
const MAX_LIMITS = 50;
const MAX_LABEL = 200;
const KINDS: readonly LimitKind[] = ['session', 'weekly', 'weekly_model', 'other'];
const TIERS = [0, 10, 60];
/** The shapes the extension itself writes: org uuids, limit ids like `weekly:sonnet`. */
/** claude.ai's org uuid, or an added login's `<account id>/<uuid>` (`lib/accounts.ts`). */
const ORG_ID = /^(?:a[0-9a-z]{8}\/)?[A-Za-z0-9-]{1,64}$/;
const LIMIT_ID = /^[A-Za-z0-9_:.-]{1,100}$/;
/** Keys that would reach an object's prototype if anything ever merged the object. */
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** What an import accepts, fixed once per import from the clock and the history settings. */
export interface ImportBounds {
  /** Times before this are no time of ours: the file is refused. */
  earliest: number;
  /** The latest reading time accepted: now plus a small clock skew. */
  latestAt: number;
  /** The latest `resetsAt` accepted. */
  latestReset: number;
  /** Readings before this are older than the history keeps: left out (and counted), not refused. */
  keepFrom: number;
}

/** The bounds of an import made at `now` into a history kept `history.totalDays`. Pure. */
export function importBounds(now: number, history: Settings['history']): ImportBounds {
  return {
    earliest: EARLIEST_TIME,
    latestAt: now + CLOCK_SKEW_MS,
    latestReset: now + RESET_HORIZON_MS,
    keepFrom: Math.max(EARLIEST_TIME, now - history.totalDays * DAY),
  };
}

/** Thrown inside a check with the message a person reads; caught at the reading's boundary. */
class Refusal extends Error {}

/** The value as a short quote for a message; text is isolated so right-to-left names stay put. */
function shown(value: unknown): string {
  if (value === undefined) return t('importValueMissing');
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return typeof value === 'string' ? `\u2068${short}\u2069` : short;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoMinute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Refusal(t('importNotObject', path));
  }
  const x = value as Record<string, unknown>;
  const unsafe = UNSAFE_KEYS.find((key) => Object.hasOwn(x, key));
  if (unsafe) throw new Refusal(t('importUnsafeKey', `${path}.${unsafe}`));
  return x;
}

function number(x: Record<string, unknown>, key: string, path: string, min: number, max: number) {
  const v = x[key];
  if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
  throw new Refusal(
    key === 'percent'
      ? t('importBadPercent', [`${path}.${key}`, shown(v)])
      : t('importBadAmount', [`${path}.${key}`, shown(v), String(max)]),
  );
}

function text(x: Record<string, unknown>, key: string, path: string, pattern: RegExp | number) {
  const v = x[key];
  if (typeof v === 'string') {
    if (typeof pattern === 'number' ? v.length >= 1 && v.length <= pattern : pattern.test(v)) {
      return v;
    }
  }
  throw new Refusal(
    typeof pattern === 'number'
      ? t('importBadText', [`${path}.${key}`, shown(v), String(pattern)])
      : t('importBadId', [`${path}.${key}`, shown(v)]),
  );
}

function choice<T>(x: Record<string, unknown>, key: string, path: string, allowed: readonly T[]) {
  const v = x[key] as T;
  if (allowed.includes(v)) return v;
  throw new Refusal(t('importBadChoice', [`${path}.${key}`, shown(v), allowed.join(', ')]));
}

function time(
  x: Record<string, unknown>,
  key: string,
  path: string,
  from: number,
  to: number,
  nullable: boolean,
): number | null {
  const v = x[key];
  if (nullable && v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v) && v >= from && v <= to) return v;
  const where = `${path}.${key}`;
  throw new Refusal(
    nullable
      ? t('importBadResetTime', [where, shown(v), isoDay(from), isoDay(to)])
      : t('importBadTime', [where, shown(v), isoDay(from), isoMinute(to)]),
  );
}

function limit(value: unknown, path: string, bounds: ImportBounds): Limit {
  const x = record(value, path);
  return {
    id: text(x, 'id', path, LIMIT_ID),
    kind: choice(x, 'kind', path, KINDS),
    label: text(x, 'label', path, MAX_LABEL),
    percent: number(x, 'percent', path, 0, MAX_PERCENT),
    resetsAt: time(x, 'resetsAt', path, bounds.earliest, bounds.latestReset, true),
    // The model's own name, from files of versions that keep it; older files have none.
    ...(x.name !== undefined && { name: text(x, 'name', path, MAX_LABEL) }),
  };
}

function extra(value: unknown, path: string): ExtraUsage | null {
  if (value === null || value === undefined) return null;
  const x = record(value, path);
  const cap = x.limitMinor === null ? null : number(x, 'limitMinor', path, 0, MAX_MINOR);
  const exponent = choice(x, 'exponent', path, [0, 1, 2, 3, 4]);
  return {
    usedMinor: number(x, 'usedMinor', path, 0, MAX_MINOR),
    limitMinor: cap,
    currency: text(x, 'currency', path, 3),
    exponent,
  };
}

/**
 * One reading of an import, every field within sane bounds, as a fresh object holding only the
 * fields a reading has; or the first bad field's path and why. Pure.
 */
export function checkReading(
  value: unknown,
  path: string,
  bounds: ImportBounds,
): { ok: true; reading: Snapshot } | { ok: false; reason: string } {
  try {
    const x = record(value, path);
    const orgId = text(x, 'orgId', path, ORG_ID);
    const at = time(x, 'at', path, bounds.earliest, bounds.latestAt, false)!;
    if (!Array.isArray(x.limits) || x.limits.length > MAX_LIMITS) {
      throw new Refusal(t('importNotList', [`${path}.limits`, String(MAX_LIMITS)]));
    }
    const limits = x.limits.map((l, i) => limit(l, `${path}.limits[${i}]`, bounds));
    const reading: Snapshot = { orgId, at, limits, extra: extra(x.extra, `${path}.extra`) };
    if (x.tier !== undefined) reading.tier = choice(x, 'tier', path, TIERS);
    return { ok: true, reading };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}
