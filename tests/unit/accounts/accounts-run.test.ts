import { beforeEach, describe, expect, it } from 'vitest';
import {
  accountKeysItem,
  accountsItem,
  latestItem,
  orgsItem,
  statusItem,
} from '../../../lib/storage/items';
import { fakeReading, fakeStatus, ORG, T0 } from '../support/builders';
import { KEY, KEY_B, KEY_C } from '../support/accounts';
import { ACME, accountsWorld, type AccountsWorld } from '../support/accounts-world';

describe('adding an account', () => {
  let w: AccountsWorld;
  beforeEach(async () => {
    w = await accountsWorld();
  });

  it('adds a working key: the key in the keys item only, the account masked, its orgs keyed, then a poll', async () => {
    const result = await w.make().add(' Work ', `"sessionKey=${KEY}"`);
    expect(result).toEqual({ ok: true, id: expect.stringMatching(/^a[0-9a-z]{8}$/), orgs: 1 });
    const id = (result as { id: string }).id;
    expect(await accountKeysItem.getValue()).toEqual({ [id]: KEY });
    expect(await accountsItem.getValue()).toEqual([
      { id, name: 'Work', masked: `sk-ant-…•••${KEY.slice(-4)}`, addedAt: T0 },
    ]);
    const orgs = await orgsItem.getValue();
    expect(orgs.list.map((o) => o.uuid)).toEqual([ORG, `${id}/${ACME}`]);
    expect(orgs.list[1]!.account).toEqual({ id, name: 'Work' });
    expect(orgs.accounts).toEqual({ [id]: T0 });
    // The key was asked with, by the rule, on a marked request without the browser's cookie.
    expect(w.server.requests).toEqual([
      {
        path: '/api/organizations',
        cookie: KEY,
        url: `https://claude.ai/api/organizations?cum_account=${id}`,
      },
    ]);
    expect(w.markers).toContain(`cum_account=${id}`);
    expect(w.rules.list).toHaveLength(1);
    expect(w.rules.list[0]!.condition.urlFilter).toContain(id);
    expect(w.polls).toBe(1);
    expect(await w.storedWithoutKeys()).not.toContain(KEY.slice(13, 40));
    // The browser's own data is as it was.
    expect((await latestItem.getValue())[ORG]).toEqual(fakeReading(40));
  });

  it('refuses a wrong or expired key and keeps nothing of it, not even its rule', async () => {
    const before = await w.snapshot();
    expect(await w.make().add('Work', KEY_C)).toEqual({
      ok: false,
      error: 'rejected',
      until: undefined,
    });
    expect(w.server.requests).toHaveLength(1);
    expect(w.server.requests[0]!.cookie).toBe(KEY_C);
    expect(await w.snapshot()).toBe(before);
    expect(w.rules.list).toEqual([]);
    expect(w.polls).toBe(0);
  });

  it('sends nothing for a key that is not a session key, nor for a bad name', async () => {
    const before = await w.snapshot();
    expect(await w.make().add('Work', 'sk-ant-api03-abcdefghijklmnop')).toEqual({
      ok: false,
      error: 'format',
    });
    expect(await w.make().add('\u202e', KEY)).toEqual({ ok: false, error: 'name' });
    expect(w.server.requests).toEqual([]);
    expect(w.rules.updates).toBe(0);
    expect(await w.snapshot()).toBe(before);
  });

  it('refuses a key already added, and more than eight logins', async () => {
    const accounts = w.make();
    expect((await accounts.add('Work', KEY)).ok).toBe(true);
    w.server.requests.length = 0;
    expect(await accounts.add('Again', ` ${KEY} `)).toEqual({ ok: false, error: 'duplicate' });
    expect(w.server.requests).toEqual([]);
    const many = Array.from({ length: 8 }, (_, i) => ({
      id: `a0000000${i}`,
      name: `N${i}`,
      masked: 'x',
      addedAt: 0,
    }));
    await accountsItem.setValue(many);
    expect(await accounts.add('Ninth', KEY_B)).toEqual({ ok: false, error: 'too_many' });
    expect(w.server.requests).toEqual([]);
  });

  it('waits out a Retry-After already known, sending nothing', async () => {
    const until = T0 + 5 * 60_000;
    await statusItem.setValue(
      fakeStatus({ lastError: { kind: 'rate_limited', retryAt: until, at: T0 - 1 } }),
    );
    expect(await w.make().add('Work', KEY)).toEqual({ ok: false, error: 'rate_limited', until });
    expect(w.server.requests).toEqual([]);
    expect(await accountsItem.getValue()).toEqual([]);
  });

  it('keeps claude.ai’s Retry-After for everyone when the check is rate limited', async () => {
    w.server.logins.set(KEY, { all: { status: 429, body: {}, headers: { 'retry-after': '120' } } });
    const result = await w.make().add('Work', KEY);
    expect(result).toEqual({ ok: false, error: 'rate_limited', until: T0 + 120_000 });
    expect((await statusItem.getValue()).lastError).toMatchObject({
      kind: 'rate_limited',
      retryAt: T0 + 120_000,
    });
    expect(await accountKeysItem.getValue()).toEqual({});
    expect(w.rules.list).toEqual([]);
  });

  it('says so when a working key has no chat organisation, keeping nothing', async () => {
    w.server.logins.set(KEY, { orgs: [] });
    expect(await w.make().add('Work', KEY)).toMatchObject({ ok: false, error: 'no_chat_org' });
    expect(await accountsItem.getValue()).toEqual([]);
    expect(w.rules.list).toEqual([]);
  });

  it('refuses where no key can be attached safely', async () => {
    expect(await w.make({ rules: null }).add('Work', KEY)).toEqual({
      ok: false,
      error: 'unsupported',
    });
    expect(w.server.requests).toEqual([]);
  });
});
