import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { latestItem, orgsItem, settingsItem, statusItem } from '../../../lib/storage/items';
import { readStored, STORED_KEYS, watchStored, type ExtensionApi } from '../../../lib/storage/raw';

describe('stored state for the in-page meter', () => {
  beforeEach(() => fakeBrowser.reset());
  const api = fakeBrowser as unknown as ExtensionApi;

  it('reads the very keys the storage items write', async () => {
    await latestItem.setValue({});
    await statusItem.setValue({ ...(await statusItem.getValue()), consecutiveFailures: 3 });
    await orgsItem.setValue({ list: [], discoveredAt: 5 });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), pollMinutes: 7 });
    const raw = await readStored(api, [
      STORED_KEYS.settings,
      STORED_KEYS.status,
      STORED_KEYS.orgs,
      STORED_KEYS.latest,
    ]);
    expect((raw.settings as { pollMinutes: number }).pollMinutes).toBe(7);
    expect((raw.status as { consecutiveFailures: number }).consecutiveFailures).toBe(3);
    expect(raw.orgs).toEqual({ list: [], discoveredAt: 5 });
    expect(raw.latest).toEqual({});
  });

  it('tells of a change to a watched key only', async () => {
    let calls = 0;
    const stop = watchStored(api, [STORED_KEYS.status], () => calls++);
    await fakeBrowser.storage.local.set({ other: 1 });
    await statusItem.setValue({ ...(await statusItem.getValue()), consecutiveFailures: 1 });
    stop();
    await statusItem.setValue({ ...(await statusItem.getValue()), consecutiveFailures: 2 });
    expect(calls).toBe(1);
  });
});
