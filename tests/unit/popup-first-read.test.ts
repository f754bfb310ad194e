import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPopupData } from '../../lib/storage/page-data';
import { readFirstPaint } from '../../entrypoints/popup/first-read';
import { routesItem } from '../../lib/storage/items';
import {
  latestItem,
  orgsItem,
  selectedOrgItem,
  settingsItem,
  statusItem,
} from '../../lib/storage/items';
import { fakeReading, fakeSettings, fakeStatus, ORG } from './support/builders';

describe('readFirstPaint (the popup before its storage module loads)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the storage items wrote, as the full read does', async () => {
    await settingsItem.setValue(fakeSettings({ pollMinutes: 5, theme: 'dark' }));
    await latestItem.setValue({ [ORG]: fakeReading(48) });
    await orgsItem.setValue({
      list: [{ uuid: ORG, name: 'Max', plan: 'Max 5x' }],
      discoveredAt: 1,
    });
    await selectedOrgItem.setValue(ORG);
    await statusItem.setValue(fakeStatus({ lastSuccessAt: 7 }));
    await routesItem.setValue({ ...(await routesItem.getValue()), channels: [] });
    expect(await readFirstPaint()).toEqual(await readPopupData());
  });

  it('falls back to the defaults on a fresh install', async () => {
    expect(await readFirstPaint()).toMatchObject({
      settings: (await readPopupData()).settings,
      latest: {},
      orgs: { list: [] },
      selected: null,
      status: (await readPopupData()).status,
      deliveries: [],
    });
  });

  it('survives odd stored values without throwing', async () => {
    await fakeBrowser.storage.local.set({ settings: 'x', orgs: { list: 3 }, latest: [1] });
    const data = await readFirstPaint();
    expect(data.orgs.list).toEqual([]);
    expect(data.latest).toEqual({});
    expect(data.settings.badge.warnAt).toBe(75);
  });
});
