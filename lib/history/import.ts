import type { Snapshot } from '../storage/db';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { t } from '../display/i18n';
import { checkReading, type ImportBounds } from './import-check';

export { importBounds, type ImportBounds } from './import-check';

/** More readings than ten years of one-minute polls of a few organisations: not an export of ours. */
export const MAX_READINGS = 2_000_000;
/** How many readings are checked between two pauses, so a page can stay responsive. */
export const CHECK_BATCH = 2_000;

/** The readings to write, and how many were left out as older than the history keeps. */
export type CheckedImport =
  { ok: true; readings: Snapshot[]; tooOld: number } | { ok: false; reason: string };

/** A file that is ours and of a version we read: its readings, not yet checked. */
export type ImportFile = { ok: true; entries: unknown[] } | { ok: false; reason: string };

/**
 * The outside of a JSON export: JSON, our format, a version we read, a list of readings. The
 * readings themselves are checked by `checkImport`. Pure.
 */
export function readImportFile(text: string): ImportFile {
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
  if (Object.hasOwn(root, '__proto__')) {
    return { ok: false, reason: t('importUnsafeKey', '__proto__') };
  }
  if (typeof root.version !== 'number' || root.version > EXPORT_VERSION) {
    return { ok: false, reason: t('importNewer', String(root.version)) };
  }
  if (!Array.isArray(root.readings)) return { ok: false, reason: t('importNoReadings') };
  if (root.readings.length > MAX_READINGS) {
    return { ok: false, reason: t('importNotList', ['readings', String(MAX_READINGS)]) };
  }
  return { ok: true, entries: root.readings };
}

/**
 * Check every reading, yielding how many are done after each batch so a caller can pause, show
 * progress or stop. The first bad field refuses the whole file, named by its path
 * (`readings[12].limits[0].percent`); two readings of one organisation at one time refuse it too.
 * Readings older than `bounds.keepFrom` are left out and counted. Pure.
 */
export function* checkImport(
  entries: readonly unknown[],
  bounds: ImportBounds,
  batch = CHECK_BATCH,
): Generator<number, CheckedImport, void> {
  const readings: Snapshot[] = [];
  const seen = new Map<string, number>();
  let tooOld = 0;
  for (let i = 0; i < entries.length; i++) {
    if (i > 0 && i % batch === 0) yield i;
    const checked = checkReading(entries[i], `readings[${i}]`, bounds);
    if (!checked.ok) return checked;
    const { reading } = checked;
    const key = `${reading.orgId}\n${reading.at}`;
    const first = seen.get(key);
    if (first !== undefined) {
      return { ok: false, reason: t('importDuplicate', [`readings[${i}]`, `readings[${first}]`]) };
    }
    seen.set(key, i);
    if (reading.at < bounds.keepFrom) tooOld++;
    else readings.push(reading);
  }
  return { ok: true, readings, tooOld };
}

/** `readImportFile` and `checkImport` in one go, without pauses (small files, tests). Pure. */
export function parseImport(text: string, bounds: ImportBounds): CheckedImport {
  const file = readImportFile(text);
  if (!file.ok) return file;
  const steps = checkImport(file.entries, bounds);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The stored readings an import would accept, and how many it would refuse: damage left by an
 * earlier version's import (a time of 1e300, a percent of 1e308). Exports write only the sound
 * ones, so an export always imports again. Pure.
 */
export function sortOutDamaged(
  readings: readonly Snapshot[],
  bounds: ImportBounds,
): { sound: Snapshot[]; damaged: number } {
  const sound = readings.filter((r) => checkReading(r, '', bounds).ok);
  return { sound, damaged: readings.length - sound.length };
}
