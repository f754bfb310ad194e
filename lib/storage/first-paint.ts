import type { AlertRoutes, DeliveryRecord } from '../channels/types';
import { DEFAULT_SETTINGS, EMPTY_STATUS, type OrgsState, type Settings } from '../settings';
import type { PollStatus, Reading } from '../usage/types';

/** What the popup and the dashboard show: one batched read of extension storage. */
export interface PopupData {
  settings: Settings;
  latest: Record<string, Reading>;
  orgs: OrgsState;
  selected: string | null;
  status: PollStatus;
  /** Alert channels and their recent deliveries: a failing channel is said in the status. */
  routes: AlertRoutes;
  deliveries: DeliveryRecord[];
}

/**
 * What the bars need, by the keys of the items in `items.ts` (written out, so the popup's first
 * paint carries no key table; a unit test holds them to `STORED_KEYS`). The popup's HTML starts
 * reading them in `public/popup-read.js` before any module loads (a unit test holds the two
 * lists together).
 */
export const FIRST_READ_KEYS = [
  'settings',
  'latest',
  'orgs',
  'selectedOrg',
  'status',
  'alertRoutes',
  'deliveryLog',
] as const;

/** The one call of the extension API this needs. */
export interface FirstReadApi {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

export type Raw = Partial<Record<(typeof FIRST_READ_KEYS)[number], unknown>>;
/** The global `public/popup-read.js` leaves its read in. */
export const FIRST_READ_GLOBAL = 'popupFirstRead';
const isRecord = (v: unknown): v is Record<string, never> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** The stored value when it has the right outer shape, else the fallback. */
const or = <T>(value: unknown, fallback: T, ok = isRecord(value)): T =>
  ok ? (value as T) : fallback;

/**
 * The pages' data from a raw read of the first paint's keys, without the storage module: each
 * value with the right outer shape, else its default. Pure.
 */
export function pageDataOf(raw: Raw): PopupData {
  const settings = or<Partial<PopupData['settings']>>(raw.settings, {});
  const orgs = raw.orgs as PopupData['orgs'] | undefined;
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      ...settings,
      badge: { ...DEFAULT_SETTINGS.badge, ...or(settings.badge, {}) },
    },
    latest: or(raw.latest, {}),
    orgs: or(orgs, { list: [], discoveredAt: null }, Array.isArray(orgs?.list)),
    selected: or(raw.selectedOrg, null, typeof raw.selectedOrg === 'string'),
    status: or(raw.status, EMPTY_STATUS),
    // Only the status line reads these, and it loads after the first paint with the full read.
    routes: or(raw.alertRoutes, { desktop: {}, channels: [] } as unknown as PopupData['routes']),
    deliveries: or(raw.deliveryLog, [], Array.isArray(raw.deliveryLog)),
  };
}

/**
 * The bars' data in one read of `storage.local`, without the storage module: the first paint
 * comes from this, and the popup reads everything again through `readPopupData` right after
 * (which validates the settings in full and knows every default). Anything missing or odd falls
 * back.
 */
export async function readFirstPaint(api: FirstReadApi): Promise<PopupData> {
  // Started by the HTML before this module loaded; read here if that script is missing or failed.
  const early = (globalThis as Record<string, unknown>)[FIRST_READ_GLOBAL] as
    Promise<Raw> | undefined;
  const read = () => api.storage.local.get([...FIRST_READ_KEYS]);
  return pageDataOf(await (early ?? read()).catch(read));
}
