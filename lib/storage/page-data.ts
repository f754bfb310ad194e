import { DEFAULT_ROUTES, type AlertRoutes } from '../channels/types';
import { migrateSettings } from '../settings/validate';
import { FIRST_READ_KEYS, pageDataOf, type PopupData, type Raw } from './first-paint';
import { extensionApi, readStored, watchStored, type ExtensionApi } from './raw';

export type { PopupData };

const isRoutes = (v: unknown): v is AlertRoutes =>
  typeof v === 'object' && v !== null && Array.isArray((v as AlertRoutes).channels);

/**
 * Everything the pages show, in one storage call, read raw as the first paint is: the pages
 * only read these keys (the worker, the options page and the storage items in `items.ts`
 * write and migrate them), so they carry no storage library. The settings are validated in
 * full (`migrateSettings`: a stored value that fails is replaced by the defaults).
 */
export async function readPopupData(api: ExtensionApi = extensionApi()): Promise<PopupData> {
  const raw: Raw = await readStored(api, [...FIRST_READ_KEYS]);
  const data = pageDataOf(raw);
  return {
    ...data,
    settings: migrateSettings(raw.settings),
    routes: isRoutes(raw.alertRoutes) ? raw.alertRoutes : DEFAULT_ROUTES,
  };
}

/** Call `onChange` whenever the worker (or the options page) writes any of them. */
export function watchPopupData(
  onChange: () => void,
  api: ExtensionApi = extensionApi(),
): () => void {
  return watchStored(api, [...FIRST_READ_KEYS], onChange);
}

/** `after`, or `before` when the two read the same. */
const keep = <T>(before: T | undefined, after: T): T =>
  before !== undefined && JSON.stringify(before) === JSON.stringify(after) ? before : after;

/**
 * `next`, with every part that reads the same as in `previous` (each item, and each
 * organisation's reading) kept as `previous` had it, and `previous` itself when nothing changed:
 * a read that changed nothing leaves the page's memos, and the chart they feed, as they were. Pure.
 */
export function sharedWith(previous: PopupData, next: PopupData): PopupData {
  const out = { ...next };
  for (const key of Object.keys(next) as (keyof PopupData)[])
    Object.assign(out, { [key]: keep(previous[key], next[key]) });
  if (out.latest !== previous.latest)
    out.latest = Object.fromEntries(
      Object.entries(next.latest).map(([org, reading]) => [
        org,
        keep(previous.latest[org], reading),
      ]),
    );
  const changed = (Object.keys(out) as (keyof PopupData)[]).some((k) => out[k] !== previous[k]);
  return changed ? out : previous;
}
