/** Tolerant readers for the values of an undocumented payload: they return a clean value or null. */

/** A plain object (not an array, not null). */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * A percentage as the server sent it: a finite number, or a numeric string. Negative values are
 * not a usage and read as null; values over 100 are kept (clamped only for display).
 */
export function readPercent(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && NUMERIC.test(value)) n = Number(value);
  else return null;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** A finite non-negative amount of money in minor units, or null. */
export function readAmount(value: unknown): number | null {
  return readPercent(value);
}

// `resets_at` carries microseconds ("…59.966454+00:00"); trim to milliseconds so every engine parses it.
const FRACTION = /(\.\d{3})\d+/;

/** An ISO-8601 time as epoch ms, or null when missing or unparsable. */
export function readTime(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const ms = Date.parse(value.replace(FRACTION, '$1'));
  return Number.isFinite(ms) ? ms : null;
}

/** A trimmed non-empty string of reasonable length, or null. */
export function readText(value: unknown, maxLength = 200): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text.length > 0 ? text.slice(0, maxLength) : null;
}
