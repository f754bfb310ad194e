import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { latestItem, routesItem, selectedOrgItem, settingsItem } from '../../../lib/storage/items';
import { readPopupData, sharedWith, watchPopupData } from '../../../lib/storage/page-data';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { DEFAULT_ROUTES } from '../../../lib/channels/types';
import { storeSelectedOrg } from '../../../lib/storage/raw';
import { fakeReading, fakeSettings, ORG } from '../support/builders';

describe('readPopupData', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives defaults on a fresh install, never undefined', async () => {
    const data = await readPopupData();
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect([data.latest, data.selected, data.deliveries]).toEqual([{}, null, []]);
    expect(data.routes).toEqual(await routesItem.getValue());
  });

  it('reads what was written, completing partial stored settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { pollMinutes: 10 } });
    await latestItem.setValue({ [ORG]: fakeReading(77) });
    await selectedOrgItem.setValue(ORG);
    const data = await readPopupData();
    expect(data.settings.pollMinutes).toBe(10);
    expect(data.settings.badge).toEqual(DEFAULT_SETTINGS.badge);
    expect(data.latest[ORG]!.limits[0]!.percent).toBe(77);
    expect(data.selected).toBe(ORG);
  });

  it('reads raw, so odd stored values give defaults, never a thrown read', async () => {
    await fakeBrowser.storage.local.set({
      settings: { pollMinutes: 'often', badge: 'x' },
      alertRoutes: { desktop: {}, channels: 'none' },
      deliveryLog: { 0: 'x' },
      orgs: null,
    });
    const data = await readPopupData();
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(data.routes).toEqual(DEFAULT_ROUTES);
    expect(data.deliveries).toEqual([]);
    expect(data.orgs.list).toEqual([]);
  });
});

describe('watchPopupData', () => {
  beforeEach(() => fakeBrowser.reset());

  it('calls back on a write of any item it reads, and not after it stops', async () => {
    let changes = 0;
    const stop = watchPopupData(() => changes++);
    await latestItem.setValue({ [ORG]: fakeReading(1) });
    await settingsItem.setValue(fakeSettings({ pollMinutes: 5 }));
    const seen = changes;
    stop();
    await selectedOrgItem.setValue(ORG);
    expect(seen).toBe(2);
    expect(changes).toBe(2);
  });
});

describe('storeSelectedOrg (the popup, without the storage library)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes what the selectedOrg item reads', async () => {
    await storeSelectedOrg(fakeBrowser as never, ORG);
    expect(await selectedOrgItem.getValue()).toBe(ORG);
    expect((await readPopupData()).selected).toBe(ORG);
  });
});

describe('sharedWith (a re-read that changed nothing changes nothing the page holds)', () => {
  beforeEach(() => fakeBrowser.reset());
  const OTHER = 'other-org';

  it('keeps the page data itself when a new read says the same', async () => {
    await latestItem.setValue({ [ORG]: fakeReading(48), [OTHER]: fakeReading(5) });
    const before = await readPopupData();
    expect(sharedWith(before, await readPopupData())).toBe(before);
  });

  it("keeps an organisation's reading when only another's changed", async () => {
    await latestItem.setValue({ [ORG]: fakeReading(48), [OTHER]: fakeReading(5) });
    const before = await readPopupData();
    await latestItem.setValue({ [ORG]: fakeReading(48), [OTHER]: fakeReading(6) });
    const after = sharedWith(before, await readPopupData());
    expect(after).not.toBe(before);
    expect(after.latest[ORG]).toBe(before.latest[ORG]);
    expect(after.latest[OTHER]!.limits[0]!.percent).toBe(6);
    expect(after.settings).toBe(before.settings);
  });

  it('takes what changed, and a reading that is gone is gone', async () => {
    await latestItem.setValue({ [ORG]: fakeReading(48), [OTHER]: fakeReading(5) });
    const before = await readPopupData();
    await latestItem.setValue({ [ORG]: fakeReading(49) });
    await settingsItem.setValue(fakeSettings({ pollMinutes: 10 }));
    const after = sharedWith(before, await readPopupData());
    expect(Object.keys(after.latest)).toEqual([ORG]);
    expect(after.latest[ORG]!.limits[0]!.percent).toBe(49);
    expect(after.settings.pollMinutes).toBe(10);
    expect(after.orgs).toBe(before.orgs);
  });
});
