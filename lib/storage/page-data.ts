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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `next`, with every part that reads the same as in `previous` (each organisation's reading, each
 * other item) kept as `previous` had it, and `previous` itself when nothing changed: a read that
 * changed nothing leaves the page's memos, and the chart they feed, as they were. Pure.
 */
export function sharedWith(previous: PopupData, next: PopupData): PopupData {
  const latest = Object.fromEntries(
    Object.entries(next.latest).map(([org, reading]) => {
      const before = previous.latest[org];
      return [org, before && same(before, reading) ? before : reading];
    }),
  );
  const out: PopupData = {
    ...next,
    latest: same(previous.latest, latest) ? previous.latest : latest,
  };
  let changed = false;
  for (const key of Object.keys(out) as (keyof PopupData)[]) {
    if (key !== 'latest' && same(previous[key], out[key]))
      Object.assign(out, { [key]: previous[key] });
    changed ||= out[key] !== previous[key];
  }
  return changed ? out : previous;
}
