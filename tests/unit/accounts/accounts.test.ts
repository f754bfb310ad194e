import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID,
  accountClient,
  accountOfKey,
  accountOrgKey,
  asAccountOrg,
  cleanKey,
  cleanName,
  joinOrgs,
  keyRule,
  keyRules,
  LOGIN_FAILURES,
  maskKey,
  MAX_ACCOUNT_NAME,
  newAccountId,
  orgTitle,
  serverUuid,
  splitOrgs,
} from '../../../lib/accounts/accounts';
import type { OrgsState } from '../../../lib/settings';
import type { ClaudeClient } from '../../../lib/usage/client';
import type { Org } from '../../../lib/usage/types';
import { ORG, T0 } from '../support/builders';
import { KEY, KEY_B, ruleMatches } from '../support/accounts';

const HOST = 'abcdefghijklmnopabcdefghijklmnop';

describe('cleanKey', () => {
  it.each([
    ['as copied', KEY],
    ['with surrounding spaces and a newline', `  ${KEY}\n`],
    ['in double quotes', `"${KEY}"`],
    ['in single quotes', `'${KEY}'`],
    ['with the cookie name', `sessionKey=${KEY}`],
    ['with the cookie name and its separator', ` sessionKey=${KEY}; `],
    ['quoted with the cookie name', `"sessionKey=${KEY}"`],
  ])('takes a real-looking key %s', (_, pasted) => {
    expect(cleanKey(pasted)).toBe(KEY);
  });

  it.each([
    ['an API key', 'sk-ant-api03-' + 'A'.repeat(90)],
    ['nothing', ''],
    ['only spaces', '   '],
    ['an HTML page', '<html><body>Sign in</body></html>'],
    ['a key with a semicolon inside', KEY.slice(0, 30) + ';' + KEY.slice(30)],
    ['a key with a space inside', KEY.slice(0, 30) + ' ' + KEY.slice(30)],
    ['a key with another cookie after it', `${KEY}; other=1`],
    ['a key with a newline inside', KEY.slice(0, 30) + '\r\n' + KEY.slice(30)],
    ['a far too long key', 'sk-ant-sid01-' + 'a'.repeat(600)],
    ['the family alone', 'sk-ant-sid01-'],
  ])('refuses %s', (_, pasted) => {
    expect(cleanKey(pasted)).toBeNull();
  });
});

describe('maskKey', () => {
  it('shows the family and the last four characters only', () => {
    const masked = maskKey(KEY);
    expect(masked).toBe(`sk-ant-…•••${KEY.slice(-4)}`);
    // No five characters of the key's own part appear in it.
    const secret = KEY.slice('sk-ant-'.length);
    for (let i = 0; i + 5 <= secret.length; i++)
      expect(masked).not.toContain(secret.slice(i, i + 5));
    expect(maskKey(KEY_B)).not.toBe(masked);
  });
});

describe('cleanName', () => {
  it('trims and drops control and bidi characters, keeping the text', () => {
    expect(cleanName('  Work  ')).toBe('Work');
    expect(cleanName('Wo\u0000rk\u0007\u001b')).toBe('Work');
    expect(cleanName('\u202eWork\u202c\u2066x\u2069\u200f')).toBe('Workx');
  });

  it('keeps right-to-left text and other scripts', () => {
    expect(cleanName('עבודה')).toBe('עבודה');
    expect(cleanName('عمل')).toBe('عمل');
    expect(cleanName('仕事')).toBe('仕事');
  });

  it('refuses an empty name, or one longer than 40 characters counted as code points', () => {
    expect(cleanName('')).toBeNull();
    expect(cleanName(' \u202e\u0000 ')).toBeNull();
    expect(cleanName('a'.repeat(MAX_ACCOUNT_NAME))).toBe('a'.repeat(40));
    expect(cleanName('a'.repeat(41))).toBeNull();
    // 40 emoji are 80 UTF-16 units, still 40 characters.
    expect(cleanName('😀'.repeat(40))).toBe('😀'.repeat(40));
    expect(cleanName('😀'.repeat(41))).toBeNull();
  });
});

describe('account ids and organisation keys', () => {
  it('makes ids of the documented shape from random bytes', () => {
    const id = newAccountId(new Uint8Array([0, 35, 36, 255, 7, 100, 200, 1, 9]));
    expect(id).toMatch(ACCOUNT_ID);
    expect(id).toBe(
      'a0z03' + (7).toString(36) + (100 % 36).toString(36) + (200 % 36).toString(36) + '1',
    );
    expect(newAccountId(new Uint8Array(8).fill(1))).not.toBe(id);
  });

  it('keys an added login’s organisation apart, and finds claude.ai’s uuid again', () => {
    const key = accountOrgKey('a12345678', ORG);
    expect(key).toBe(`a12345678/${ORG}`);
    expect(accountOfKey(key)).toBe('a12345678');
    expect(accountOfKey(ORG)).toBeNull();
    expect(accountOfKey(`${key}|session`.split('|')[0]!)).toBe('a12345678');
    const org = asAccountOrg(
      { uuid: ORG, name: 'Acme', plan: 'Team' },
      { id: 'a12345678', name: 'Work' },
    );
    expect(org).toEqual({
      uuid: key,
      name: 'Acme',
      plan: 'Team',
      account: { id: 'a12345678', name: 'Work' },
    });
    expect(serverUuid(org)).toBe(ORG);
    expect(serverUuid({ uuid: ORG })).toBe(ORG);
    expect(orgTitle(org)).toBe('Work · Acme');
    expect(orgTitle({ name: 'Acme' })).toBe('Acme');
  });

  it('counts only a login’s own troubles as its own, never claude.ai’s pace', () => {
    expect([...LOGIN_FAILURES].sort()).toEqual(['no_chat_org', 'org_forbidden', 'signed_out']);
  });
});

describe('keyRule', () => {
  const rule = keyRule(3, 'a12345678', KEY, HOST);

  it('sets exactly this key as the cookie, for the worker’s own XHRs only', () => {
    expect(rule.id).toBe(3);
    expect(rule.action).toEqual({
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'cookie', operation: 'set', value: `sessionKey=${KEY}` }],
    });
    expect(rule.condition.tabIds).toEqual([-1]);
    expect(rule.condition.initiatorDomains).toEqual([HOST]);
    expect(rule.condition.resourceTypes).toEqual(['xmlhttprequest']);
    expect(Object.keys(rule.condition).sort()).toEqual([
      'initiatorDomains',
      'resourceTypes',
      'tabIds',
      'urlFilter',
    ]);
  });

  it('matches only requests to claude.ai’s API carrying this account’s marker', () => {
    const f = rule.condition.urlFilter;
    expect(ruleMatches(f, 'https://claude.ai/api/organizations?cum_account=a12345678')).toBe(true);
    expect(
      ruleMatches(f, `https://claude.ai/api/organizations/${ORG}/usage?cum_account=a12345678`),
    ).toBe(true);
    expect(ruleMatches(f, 'https://claude.ai/api/organizations')).toBe(false);
    expect(ruleMatches(f, 'https://claude.ai/api/organizations?cum_account=a87654321')).toBe(false);
    expect(ruleMatches(f, 'https://claude.ai/api/organizations?cum_account=a123456789')).toBe(
      false,
    );
    expect(ruleMatches(f, 'https://claude.ai/api/organizations?cum_account=a12345678&x=1')).toBe(
      false,
    );
    expect(ruleMatches(f, 'https://claude.ai/new?cum_account=a12345678')).toBe(false);
    expect(ruleMatches(f, 'https://evil.example/api/x?cum_account=a12345678')).toBe(false);
    expect(ruleMatches(f, 'https://claude.ai.evil.example/api/x?cum_account=a12345678')).toBe(
      false,
    );
  });

  it('gives each account with a key one rule with its own id, and none to one without', () => {
    const accounts = [{ id: 'a11111111' }, { id: 'a22222222' }, { id: 'a33333333' }];
    const rules = keyRules(accounts, { a11111111: KEY, a33333333: KEY_B }, HOST);
    expect(rules.map((r) => r.id)).toEqual([1, 3]);
    expect(rules.map((r) => r.action.requestHeaders[0]!.value)).toEqual([
      `sessionKey=${KEY}`,
      `sessionKey=${KEY_B}`,
    ]);
    expect(rules.some((r) => r.condition.urlFilter.includes('a22222222'))).toBe(false);
    const all = keyRules(accounts, { a11111111: KEY, a22222222: 'k', a33333333: KEY_B }, HOST);
    expect(all.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(keyRules([], { a11111111: KEY }, HOST)).toEqual([]);
  });
});

describe('accountClient', () => {
  it('keys the organisations for the account and asks claude.ai by its own uuid', async () => {
    const asked: string[] = [];
    const inner: ClaudeClient = {
      organizations: async () => ({ ok: true, value: [{ uuid: ORG, name: 'Acme', plan: 'Pro' }] }),
      usage: async (id) => (
        asked.push(`usage ${id}`),
        { ok: true, value: { limits: [], extra: null } }
      ),
      credits: async (id) => (
        asked.push(`credits ${id}`),
        { ok: false, failure: { kind: 'server' } }
      ),
    };
    const client = accountClient(inner, { id: 'a12345678', name: 'Work' });
    const orgs = await client.organizations();
    expect(orgs).toEqual({
      ok: true,
      value: [
        {
          uuid: `a12345678/${ORG}`,
          name: 'Acme',
          plan: 'Pro',
          account: { id: 'a12345678', name: 'Work' },
        },
      ],
    });
    await client.usage(`a12345678/${ORG}`);
    await client.credits(`a12345678/${ORG}`);
    expect(asked).toEqual([`usage ${ORG}`, `credits ${ORG}`]);
  });
});

describe('splitOrgs and joinOrgs', () => {
  const own: Org[] = [
    { uuid: ORG, name: 'Personal', plan: 'Max 5x' },
    { uuid: 'team-uuid', name: 'Team', plan: 'Team' },
  ];

  it('leave the browser’s organisations exactly as they are without added logins', () => {
    const state: OrgsState = {
      list: own,
      discoveredAt: T0,
      gone: [{ uuid: 'old', name: 'Old', plan: null }],
    };
    const split = splitOrgs(state, []);
    expect(split.own).toEqual(state);
    const joined = joinOrgs([split.own], []);
    expect(joined).toEqual(state);
    expect('accounts' in joined).toBe(false);
    const bare: OrgsState = { list: own, discoveredAt: T0 };
    expect(joinOrgs([splitOrgs(bare, []).own], [])).toEqual(bare);
  });

  it('split by login with the account’s current name, and join in the accounts’ order', () => {
    const work = { account: { id: 'a11111111', name: 'Work (renamed)' } };
    const mine = asAccountOrg(
      { uuid: 'x', name: 'Acme', plan: 'Team' },
      { id: 'a11111111', name: 'Work' },
    );
    const stray = asAccountOrg(
      { uuid: 'y', name: 'Gone', plan: null },
      { id: 'a99999999', name: 'Old' },
    );
    const state: OrgsState = {
      list: [own[0]!, mine, stray],
      discoveredAt: T0,
      accounts: { a11111111: T0 - 5, a99999999: T0 - 9 },
    };
    const split = splitOrgs(state, [work]);
    expect(split.own.list).toEqual([own[0]]);
    const theirs = split.of('a11111111');
    expect(theirs.list).toEqual([{ ...mine, account: work.account }]);
    expect(theirs.discoveredAt).toBe(T0 - 5);
    const joined = joinOrgs([split.own, theirs], [work]);
    // A login no longer added is left out of the live view.
    expect(joined.list.map((o) => o.uuid)).toEqual([ORG, 'a11111111/x']);
    expect(joined.accounts).toEqual({ a11111111: T0 - 5 });
    expect(joined.discoveredAt).toBe(T0);
  });
});
