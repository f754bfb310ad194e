/**
 * The extension's stored state read with the browser's own storage API, for pages that must not
 * carry the storage library and the polyfill: the in-page meter on every claude.ai page, the
 * popup's first paint, and the popup's and dashboard's full read (`page-data.ts`). The keys are those of the items in `items.ts`, which take their names
 * from here; values are raw, so callers migrate them (`migrateSettings`).
 */

export const STORED_KEYS = {
  settings: 'settings',
  latest: 'latest',
  orgs: 'orgs',
  selectedOrg: 'selectedOrg',
  status: 'status',
  alertState: 'alertState',
  resetReminders: 'resetReminders',
  alertRoutes: 'alertRoutes',
  deliveryLog: 'deliveryLog',
  /** Where the in-page meter's floating pill was dragged to (the content script writes it). */
  meterPlace: 'meterPlace',
  /** Added logins as pages may see them: names and masked keys. */
  accounts: 'accounts',
  /** Their session keys: read by the worker only, never exported or shown. */
  accountKeys: 'accountKeys',
  /** The in-page meter's texts in the browser's language, made by the worker (`prepareText`). */
  pageText: 'pageText',
} as const;

export type StoredKey = (typeof STORED_KEYS)[keyof typeof STORED_KEYS];

interface StorageChange {
  newValue?: unknown;
}

/** The part of `browser`/`chrome` this needs: promise-based in Chromium MV3 and Firefox alike. */
export interface ExtensionApi {
  storage: {
    local: {
      get(keys: string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    onChanged: {
      addListener(cb: (changes: Record<string, StorageChange>, area: string) => void): void;
      removeListener(cb: (changes: Record<string, StorageChange>, area: string) => void): void;
    };
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** The extension API of this context (Firefox's `browser`, else Chromium's `chrome`). */
export function extensionApi(): ExtensionApi {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (g.browser ?? g.chrome)!;
}

/** The given keys' raw values, in one storage call; a missing key is absent. */
export function readStored(api: ExtensionApi, keys: StoredKey[]): Promise<Record<string, unknown>> {
  return api.storage.local.get(keys);
}

/** Write raw values under the given keys, in one storage call. */
export function writeStored(
  api: ExtensionApi,
  values: Partial<Record<StoredKey, unknown>>,
): Promise<void> {
  return api.storage.local.set(values);
}

/** Call `onChange` when any of the keys changes in local storage; returns the unsubscribe. */
export function watchStored(
  api: ExtensionApi,
  keys: StoredKey[],
  onChange: () => void,
): () => void {
  const wanted = new Set<string>(keys);
  const listener = (changes: Record<string, StorageChange>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((k) => wanted.has(k))) onChange();
  };
  api.storage.onChanged.addListener(listener);
  return () => api.storage.onChanged.removeListener(listener);
}

/**
 * The organisation chosen in the popup, written as the `selectedOrg` item of `items.ts` stores it
 * (it has no version, so its value is stored as is): the popup carries no storage library for it.
 */
export function storeSelectedOrg(api: ExtensionApi, uuid: string): Promise<void> {
  return writeStored(api, { [STORED_KEYS.selectedOrg]: uuid });
}
