import { describe, expect, it, vi } from 'vitest';
import { createOrgReader, ORGS_MAX_AGE_MS } from '../../../lib/poll/poll-read';
import type { ClaudeClient, RequestOptions, Result } from '../../../lib/usage/client';
import type { Failure, Org } from '../../../lib/usage/types';
import { fakeLimit, T0 } from '../support/builders';

const A: Org = { uuid: 'org-a', name: 'A', plan: 'Max' };
const B: Org = { uuid: 'org-b', name: 'B', plan: 'Team' };
const C: Org = { uuid: 'org-c', name: 'C', plan: 'Team' };
const fail = (kind: Failure['kind']) => ({ ok: false, failure: { kind } }) as const;

/** A fake claude.ai client: organisation lists in turn (the last repeats), usage by org id. */
function fakeClient(lists: Result<Org[]>[], usage: Record<string, Failure['kind'] | 'ok'> = {}) {
  const asked: string[] = [];
  const timeouts: (number | undefined)[] = [];
  const client = {
    organizations: async (o: RequestOptions = {}) => {
      asked.push('orgs');
      timeouts.push(o.timeoutMs);
      return lists.length > 1 ? lists.shift()! : lists[0]!;
    },
    usage: async (id: string, o: RequestOptions = {}) => {
      asked.push(id);
      timeouts.push(o.timeoutMs);
      const kind = usage[id] ?? 'ok';
      return kind === 'ok'
        ? ({ ok: true, value: { limits: [fakeLimit()], extra: null } } as const)
        : fail(kind);
    },
    credits: async () => fail('server'),
  } as unknown as ClaudeClient;
  return { client, asked, timeouts };
}
const listed = (...orgs: Org[]) => ({ ok: true, value: orgs }) as const;
const ids = (results: { org: Org }[]) => results.map((r) => r.org.uuid);

function reader(client: ClaudeClient, over: Partial<Parameters<typeof createOrgReader>[0]> = {}) {
  let now = T0;
  const readAll = createOrgReader({
    client,
    spacingMs: 0,
    runBudgetMs: 20_000,
    now: () => now,
    ...over,
  });
  return { readAll, at: (t: number) => void (now = t) };
}

describe('createOrgReader', () => {
  it('discovers the organisations when none are known, then reads each', async () => {
    const fake = fakeClient([listed(A, B)]);
    const out = await reader(fake.client).readAll({ list: [], discoveredAt: null });
    expect(fake.asked).toEqual(['orgs', 'org-a', 'org-b']);
    expect(out.orgs).toEqual({ list: [A, B], discoveredAt: T0, gone: [] });
    expect(out.results.map((r) => r.ok && r.reading.orgId)).toEqual(['org-a', 'org-b']);
  });

  it('asks for the list only once a day', async () => {
    const fake = fakeClient([listed(A)]);
    const { readAll } = reader(fake.client);
    await readAll({ list: [A], discoveredAt: T0 - ORGS_MAX_AGE_MS + 1 });
    expect(fake.asked).toEqual(['org-a']);
    await readAll({ list: [A], discoveredAt: T0 - ORGS_MAX_AGE_MS });
    expect(fake.asked).toEqual(['org-a', 'orgs', 'org-a']);
  });

  it('re-discovers once when an organisation is refused, never in a loop', async () => {
    const fake = fakeClient([listed(A, C)], { 'org-b': 'org_forbidden', 'org-c': 'org_forbidden' });
    const out = await reader(fake.client).readAll({ list: [A, B], discoveredAt: T0 });
    expect(fake.asked).toEqual(['org-a', 'org-b', 'orgs', 'org-c']);
    expect(ids(out.results)).toEqual(['org-a', 'org-c']);
    expect(out.orgs.gone).toEqual([B]);
  });

  it('says when the account has no chat organisation, or the list is refused', async () => {
    const none = await reader(fakeClient([listed()]).client).readAll({
      list: [],
      discoveredAt: null,
    });
    expect(none.failure).toEqual({ kind: 'no_chat_org' });
    const out = await reader(fakeClient([fail('signed_out')]).client).readAll({
      list: [],
      discoveredAt: null,
    });
    expect(out).toEqual({
      orgs: { list: [], discoveredAt: null },
      results: [],
      failure: { kind: 'signed_out' },
    });
  });

  it('makes no request without host access', async () => {
    const fake = fakeClient([listed(A)]);
    const out = await reader(fake.client, { hasHostAccess: async () => false }).readAll({
      list: [A],
      discoveredAt: T0,
    });
    expect(fake.asked).toEqual([]);
    expect(out.failure).toEqual({ kind: 'no_access' });
  });

  it('gives every request what is left of one budget for the whole run', async () => {
    const fake = fakeClient([listed(A, B)]);
    const r = reader(fake.client, { runBudgetMs: 10_000 });
    const list = fake.client.organizations;
    fake.client.organizations = async (o) => {
      const res = await list(o);
      r.at(T0 + 4_000); // discovery took four seconds
      return res;
    };
    await r.readAll({ list: [], discoveredAt: null });
    expect(fake.timeouts).toEqual([10_000, 6_000, 6_000]);
  });

  it('spreads the starts over at most half the budget', async () => {
    vi.useFakeTimers();
    const starts: number[] = [];
    const fake = fakeClient([listed(A, B, C)]);
    const usage = fake.client.usage;
    fake.client.usage = async (id, o) => {
      starts.push(Date.now());
      return usage(id, o);
    };
    const t0 = Date.now();
    const run = reader(fake.client, { spacingMs: 5_000, runBudgetMs: 6_000 }).readAll({
      list: [A, B, C],
      discoveredAt: T0,
    });
    await vi.runAllTimersAsync();
    await run;
    vi.useRealTimers();
    expect(starts.map((s) => s - t0)).toEqual([0, 1_000, 2_000]);
  });

  it("reads an added login's organisations with its own client", async () => {
    const browser = fakeClient([listed(A)]);
    const added = fakeClient([listed(B)]);
    const out = await reader(browser.client).readAll(
      { list: [], discoveredAt: null },
      added.client,
    );
    expect([browser.asked, added.asked]).toEqual([[], ['orgs', 'org-b']]);
    expect(ids(out.results)).toEqual(['org-b']);
  });
});
