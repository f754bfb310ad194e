import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { latestItem, orgsItem, statusItem } from '../../../lib/storage/items';
import { createPollStore } from '../../../lib/storage/poll-store';
import { fakeReading, fakeStatus, ORG, T0 } from '../support/builders';

describe('createPollStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a partial settings object as complete settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { badgeOrg: 'team' } });
    const { settings } = await createPollStore().read();
    expect(settings.badgeOrg).toBe('team');
    expect(settings.badge.warnAt).toBe(75);
  });

  it('reads what the storage items hold, and their fallbacks on a fresh install', async () => {
    const store = createPollStore();
    expect(await store.read()).toMatchObject({
      orgs: await orgsItem.getValue(),
      latest: {},
      status: await statusItem.getValue(),
    });
    await latestItem.setValue({ [ORG]: fakeReading(48) });
    expect((await store.read()).latest[ORG]!.limits[0]!.percent).toBe(48);
  });

  it('writes only the parts given, in one storage call', async () => {
    const store = createPollStore();
    await latestItem.setValue({ [ORG]: fakeReading(10) });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const orgs = { list: [{ uuid: ORG, name: 'Acme', plan: 'Max' }], discoveredAt: T0 };
    await store.write({ status: fakeStatus({ lastSuccessAt: T0 }), orgs });
    expect(set).toHaveBeenCalledTimes(1);
    const read = await store.read();
    expect([read.status.lastSuccessAt, read.orgs]).toEqual([T0, orgs]);
    expect(read.latest[ORG]!.limits[0]!.percent).toBe(10);
  });
});
