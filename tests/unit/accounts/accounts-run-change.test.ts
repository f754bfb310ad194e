import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  accountKeysItem,
  accountsItem,
  latestItem,
  orgsItem,
  statusItem,
} from '../../../lib/storage/items';
import { fakeReading, fakeStatus, ORG, T0 } from '../support/builders';
import { KEY, KEY_B, KEY_C } from '../support/accounts';
import { ACME, BETA, accountsWorld, type AccountsWorld } from '../support/accounts-world';

describe('changing and removing accounts', () => {
  let w: AccountsWorld;
  beforeEach(async () => {
    w = await accountsWorld();
  });

  describe('with two accounts', () => {
    let work: string;
    let home: string;
    beforeEach(async () => {
      const accounts = w.make();
      work = ((await accounts.add('Work', KEY)) as { id: string }).id;
      home = ((await accounts.add('Home', KEY_B)) as { id: string }).id;
      const state = await orgsItem.getValue();
      await latestItem.setValue({
        [ORG]: fakeReading(40),
        [`${work}/${ACME}`]: fakeReading(10, 10, { orgId: `${work}/${ACME}` }),
        [`${home}/${BETA}`]: fakeReading(70, 10, { orgId: `${home}/${BETA}` }),
      });
      const ok = { lastSuccessAt: T0, lastError: null };
      await statusItem.setValue(
        fakeStatus({ byOrg: { [ORG]: ok, [`${work}/${ACME}`]: ok, [`${home}/${BETA}`]: ok } }),
      );
      expect(state.list.map((o) => o.uuid)).toEqual([ORG, `${work}/${ACME}`, `${home}/${BETA}`]);
      w.server.requests.length = 0;
    });

    it('removes one: its key first, its rule, its orgs, readings and statuses, then forgets it', async () => {
      const order: string[] = [];
      const accounts = w.make({
        keys: {
          getValue: () => accountKeysItem.getValue(),
          setValue: async (v) => void (order.push('keys'), await accountKeysItem.setValue(v)),
        },
        accounts: {
          getValue: () => accountsItem.getValue(),
          setValue: async (v) => void (order.push('accounts'), await accountsItem.setValue(v)),
        },
      });
      expect(await accounts.remove(work, false)).toEqual({ ok: true });
      expect(order).toEqual(['keys', 'accounts']);
      expect(await accountKeysItem.getValue()).toEqual({ [home]: KEY_B });
      expect((await accountsItem.getValue()).map((a) => a.id)).toEqual([home]);
      expect(w.rules.list.map((r) => r.action.requestHeaders[0]!.value)).toEqual([
        `sessionKey=${KEY_B}`,
      ]);
      const orgs = await orgsItem.getValue();
      expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${home}/${BETA}`]);
      expect(orgs.gone ?? []).toEqual([]);
      expect(Object.keys(orgs.accounts ?? {})).toEqual([home]);
      expect(Object.keys(await latestItem.getValue()).sort()).toEqual(
        [ORG, `${home}/${BETA}`].sort(),
      );
      expect(Object.keys((await statusItem.getValue()).byOrg ?? {}).sort()).toEqual(
        [ORG, `${home}/${BETA}`].sort(),
      );
      expect(w.forgotten).toEqual([[`${work}/${ACME}`]]);
      expect(w.deleted).toEqual([`${work}/`]);
      const all = JSON.stringify(await fakeBrowser.storage.local.get(null));
      expect(all).not.toContain(KEY.slice(13, 40));
      expect(all).toContain(KEY_B.slice(13, 40));
      expect(w.server.requests).toEqual([]);
    });

    it('keeps the history when asked: its orgs move to gone with their names', async () => {
      expect(await w.make().remove(work, true)).toEqual({ ok: true });
      expect(w.deleted).toEqual([]);
      const orgs = await orgsItem.getValue();
      expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${home}/${BETA}`]);
      expect(orgs.gone).toEqual([
        {
          uuid: `${work}/${ACME}`,
          name: 'Acme',
          plan: 'Team',
          account: { id: work, name: 'Work' },
        },
      ]);
      expect(w.forgotten).toEqual([[`${work}/${ACME}`]]);
      expect(await accountKeysItem.getValue()).toEqual({ [home]: KEY_B });
    });

    it('keeps the names of organisations that had already left the account too', async () => {
      const left = {
        uuid: `${work}/old`,
        name: 'Old team',
        plan: 'Team',
        account: { id: work, name: 'Work' },
      };
      const browsers = { uuid: 'browser-old', name: 'Mine', plan: null };
      await orgsItem.setValue({ ...(await orgsItem.getValue()), gone: [left, browsers] });
      await w.make().remove(work, true);
      const gone = (await orgsItem.getValue()).gone ?? [];
      expect(gone).toHaveLength(3);
      expect(gone).toEqual(
        expect.arrayContaining([
          left,
          browsers,
          expect.objectContaining({ uuid: `${work}/${ACME}` }),
        ]),
      );
      expect(w.forgotten).toEqual([[`${work}/${ACME}`, `${work}/old`]]);
      await w.make().remove(home, false);
      expect((await orgsItem.getValue()).gone).toHaveLength(3);
    });

    it('says an unknown account is unknown, changing nothing', async () => {
      const before = await w.snapshot();
      expect(await w.make().remove('a99999999', false)).toEqual({
        ok: false,
        error: 'unknown_account',
      });
      expect(await w.make().rename('a99999999', 'X')).toEqual({
        ok: false,
        error: 'unknown_account',
      });
      expect(await w.make().replaceKey('a99999999', KEY_C)).toEqual({
        ok: false,
        error: 'unknown_account',
      });
      expect(await w.snapshot()).toBe(before);
      expect(w.forgotten).toEqual([]);
    });

    it('gives an account a new key under the same id, so its history goes on', async () => {
      w.server.logins.set(KEY_C, { orgs: [{ uuid: ACME, name: 'Acme' }] });
      expect(await w.make().replaceKey(work, KEY_C)).toEqual({ ok: true, id: work, orgs: 1 });
      expect(await accountKeysItem.getValue()).toEqual({ [work]: KEY_C, [home]: KEY_B });
      const accounts = await accountsItem.getValue();
      expect(accounts.map((a) => a.id)).toEqual([work, home]);
      expect(accounts[0]!.masked).toBe(`sk-ant-…•••${KEY_C.slice(-4)}`);
      expect((await orgsItem.getValue()).list.map((o) => o.uuid)).toEqual([
        ORG,
        `${work}/${ACME}`,
        `${home}/${BETA}`,
      ]);
      expect(
        w.rules.list.find((r) => r.condition.urlFilter.includes(work))!.action.requestHeaders[0]!
          .value,
      ).toBe(`sessionKey=${KEY_C}`);
    });

    it('keeps the name of an organisation the new key no longer opens, for its history', async () => {
      w.server.logins.set(KEY_C, { orgs: [{ uuid: 'other-uuid', name: 'Other' }] });
      expect(await w.make().replaceKey(work, KEY_C)).toEqual({ ok: true, id: work, orgs: 1 });
      const orgs = await orgsItem.getValue();
      expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${work}/other-uuid`, `${home}/${BETA}`]);
      expect(orgs.gone).toEqual([
        {
          uuid: `${work}/${ACME}`,
          name: 'Acme',
          plan: 'Team',
          account: { id: work, name: 'Work' },
        },
      ]);
    });

    it('refuses a new key that fails, keeping the old one and its rule', async () => {
      const before = await w.snapshot();
      const rulesBefore = structuredClone(w.rules.list);
      expect(await w.make().replaceKey(work, 'sk-ant-sid01-wrongwrongwrong')).toMatchObject({
        ok: false,
        error: 'rejected',
      });
      expect(await w.make().replaceKey(work, KEY_B)).toEqual({ ok: false, error: 'duplicate' });
      expect(await w.snapshot()).toBe(before);
      expect(w.rules.list).toEqual(rulesBefore);
    });

    it('renames an account and its organisations', async () => {
      expect(await w.make().rename(work, '  Office ')).toEqual({ ok: true });
      expect((await accountsItem.getValue()).map((a) => a.name)).toEqual(['Office', 'Home']);
      const orgs = await orgsItem.getValue();
      expect(orgs.list.map((o) => o.account?.name)).toEqual([undefined, 'Office', 'Home']);
      expect(await w.make().rename(work, '')).toEqual({ ok: false, error: 'name' });
    });

    it('drops the key of an account that is gone, and rebuilds rules the browser lost', async () => {
      await accountsItem.setValue((await accountsItem.getValue()).filter((a) => a.id !== work));
      w.rules.clear();
      const logins = await w.make().logins();
      expect(logins.map((l) => l.account.id)).toEqual([home]);
      expect(await accountKeysItem.getValue()).toEqual({ [home]: KEY_B });
      expect(w.rules.list.map((r) => r.action.requestHeaders[0]!.value)).toEqual([
        `sessionKey=${KEY_B}`,
      ]);
      // The client it gives reads with that key.
      const orgs = await logins[0]!.client.organizations();
      expect(orgs).toMatchObject({ ok: true, value: [{ uuid: `${home}/${BETA}` }] });
      expect(w.server.requests.at(-1)!.cookie).toBe(KEY_B);
      const updates = w.rules.updates;
      await w.make().logins();
      expect(w.rules.updates).toBe(updates);
    });
  });
});

describe('deleting an account’s history', () => {
  it('deletes the readings and day packs of that account only', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { createSnapshotRepo, openUsageDb } = await import('../../../lib/storage/db');
    const db = await openUsageDb(new IDBFactory());
    const repo = createSnapshotRepo(db);
    const orgIds = [ORG, `a11111111/${ACME}`, `a11111112/${ACME}`, `a22222222/${BETA}`];
    await repo.addMany(
      orgIds.flatMap((orgId) =>
        [0, 1, 30].map((d) => fakeReading(50, 10, { orgId, at: T0 + d * 86_400_000 })),
      ),
    );
    await repo.deletePrefix('a11111111/');
    const left = new Set((await db.getAll('snapshots')).map((s) => s.orgId));
    expect([...left].sort()).toEqual([ORG, `a11111112/${ACME}`, `a22222222/${BETA}`].sort());
    expect(await repo.count()).toBe(9);
    const packs = new Set((await db.getAll('days')).map((d) => d.orgId));
    expect([...packs].sort()).toEqual([...left].sort());
  });
});
