import { EMPTY_STATUS, type OrgsState, type Settings } from '@/lib/settings';
import { migrateSettings } from '@/lib/settings/validate';
import { readStored, STORED_KEYS, watchStored, type ExtensionApi } from '@/lib/storage/raw';
import type { PillPlace } from '@/lib/meter/page-meter';
import type { PollStatus, Reading } from '@/lib/usage/types';
import { readPreparedText, type PreparedText } from '@/lib/display/prepared-text';

/** What the in-page meter shows: only what the worker stored. It never asks claude.ai itself. */
export interface MeterData {
  settings: Settings;
  latest: Record<string, Reading>;
  orgs: OrgsState;
  status: PollStatus;
  /** The strip's texts as the worker made them, or null (then the browser is asked). */
  text: PreparedText | null;
  /** Where the pill was dragged to, if it was. */
  place: PillPlace | null;
}

const KEYS = [
  STORED_KEYS.settings,
  STORED_KEYS.latest,
  STORED_KEYS.orgs,
  STORED_KEYS.status,
  STORED_KEYS.pageText,
];

/** Where the pill was dragged to, from a storage read that holds `meterPlace` (clamped where used). */
export function pillPlaceOf(raw: Record<string, unknown>): PillPlace | null {
  return (raw[STORED_KEYS.meterPlace] as PillPlace | undefined) ?? null;
}

/** Everything the meter needs, in one storage call; what is missing takes its empty value. */
export async function readMeterData(api: ExtensionApi): Promise<MeterData> {
  const raw = await readStored(api, [...KEYS, STORED_KEYS.meterPlace]);
  const orgs = raw.orgs as OrgsState | undefined;
  return {
    settings: migrateSettings(raw.settings),
    latest: (raw.latest as Record<string, Reading> | undefined) ?? {},
    orgs: orgs && Array.isArray(orgs.list) ? orgs : { list: [], discoveredAt: null },
    status: { ...EMPTY_STATUS, ...(raw.status as Partial<PollStatus> | undefined) },
    text: readPreparedText(raw.pageText),
    place: pillPlaceOf(raw),
  };
}

/** Call `onChange` whenever the worker (or the options page) writes any of them. */
export function watchMeterData(api: ExtensionApi, onChange: () => void): () => void {
  return watchStored(api, KEYS, onChange);
}
