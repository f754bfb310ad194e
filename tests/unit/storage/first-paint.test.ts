import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPopupData } from '../../../lib/storage/page-data';
import {
  FIRST_READ_GLOBAL,
  FIRST_READ_KEYS,
  readFirstPaint,
} from '../../../lib/storage/first-paint';
import { STORED_KEYS } from '../../../lib/storage/raw';
import { routesItem } from '../../../lib/storage/items';
import {
  latestItem,
  orgsItem,
  selectedOrgItem,
  settingsItem,
  statusItem,
} from '../../../lib/storage/items';
import { fakeReading, fakeSettings, fakeStatus, ORG } from '../support/builders';

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
    expect(await readFirstPaint(fakeBrowser as never)).toEqual(await readPopupData());
  });

  it('falls back to the defaults on a fresh install', async () => {
    expect(await readFirstPaint(fakeBrowser as never)).toMatchObject({
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
    const data = await readFirstPaint(fakeBrowser as never);
    expect(data.orgs.list).toEqual([]);
    expect(data.latest).toEqual({});
    expect(data.settings.badge.warnAt).toBe(75);
  });
});

describe('the early read the popup HTML starts (public/popup-read.js)', () => {
  const script = readFileSync(new URL('../../../public/popup-read.js', import.meta.url), 'utf8');
  const global = globalThis as Record<string, unknown>;
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => delete global[FIRST_READ_GLOBAL]);

  it("reads the storage items' own keys", () => {
    for (const key of FIRST_READ_KEYS) expect(Object.values(STORED_KEYS)).toContain(key);
  });

  it('asks storage for exactly the keys the first paint reads, and leaves the read for it', () => {
    const asked: unknown[] = [];
    const read = Promise.resolve({});
    const sandbox: Record<string, unknown> = {
      chrome: { storage: { local: { get: (keys: unknown) => (asked.push(keys), read) } } },
    };
    sandbox.globalThis = sandbox;
    runInNewContext(script, sandbox);
    expect(asked).toEqual([[...FIRST_READ_KEYS]]);
    expect(sandbox[FIRST_READ_GLOBAL]).toBe(read);
  });

  it('paints from the early read when there is one', async () => {
    global[FIRST_READ_GLOBAL] = Promise.resolve({ selectedOrg: 'early-org' });
    await selectedOrgItem.setValue('stored-org');
    expect((await readFirstPaint(fakeBrowser as never)).selected).toBe('early-org');
  });

  it('reads storage itself when the early read failed', async () => {
    global[FIRST_READ_GLOBAL] = Promise.reject(new Error('gone'));
    await selectedOrgItem.setValue('stored-org');
    expect((await readFirstPaint(fakeBrowser as never)).selected).toBe('stored-org');
  });
});
