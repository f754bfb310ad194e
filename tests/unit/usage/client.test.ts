import { describe, expect, it } from 'vitest';
import { createClaudeClient } from '../../../lib/usage/client';
import { fixture, fixtureText } from '../support/fixtures';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const JSON_TYPE = { 'content-type': 'application/json' };
const HTML_TYPE = { 'content-type': 'text/html; charset=utf-8' };

/** A fetch that records each request and answers `body` as JSON. */
function recording(body: unknown) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return new Response(JSON.stringify(body), { headers: JSON_TYPE });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

describe('the client on the browser login', () => {
  it('sends the browser session (credentials include) to claude.ai, with no marker', async () => {
    const server = recording(fixture('max-sep-2026.json'));
    const client = createClaudeClient({ fetch: server.fetch, now: () => NOW });
    const res = await client.usage('org 1');
    expect(res.ok).toBe(true);
    expect(server.calls.map((c) => c.url)).toEqual([
      'https://claude.ai/api/organizations/org%201/usage',
    ]);
    expect(server.calls[0]!.init).toMatchObject({
      credentials: 'include',
      cache: 'no-store',
      redirect: 'manual',
    });
  });

  it('reads the organisation list, and a list that is not one as a bad payload', async () => {
    const good = createClaudeClient({
      fetch: recording(fixture('organizations.json')).fetch,
      now: () => NOW,
    });
    const orgs = await good.organizations();
    expect(orgs.ok && orgs.value.length).toBeGreaterThan(0);
    const bad = createClaudeClient({ fetch: recording({ nope: 1 }).fetch, now: () => NOW });
    const res = await bad.organizations();
    expect(res.ok ? 'ok' : res.failure.kind).toBe('bad_payload');
  });

  it('reads a usage answer it cannot parse as a bad payload, never as numbers', async () => {
    const client = createClaudeClient({ fetch: recording('nonsense').fetch, now: () => NOW });
    const res = await client.usage('org-1');
    expect(res.ok ? 'ok' : res.failure.kind).toBe('bad_payload');
  });
});

describe('the client on an added login', () => {
  it('puts its marker in the address and sends no cookie of the browser', async () => {
    const server = recording(fixture('max-sep-2026.json'));
    const client = createClaudeClient({
      fetch: server.fetch,
      now: () => NOW,
      marker: 'cum_account=acc-7',
    });
    await client.usage('org-1');
    await client.organizations();
    expect(server.calls.map((c) => c.url)).toEqual([
      'https://claude.ai/api/organizations/org-1/usage?cum_account=acc-7',
      'https://claude.ai/api/organizations?cum_account=acc-7',
    ]);
    expect(server.calls.map((c) => c.init?.credentials)).toEqual(['omit', 'omit']);
  });

  it('keeps the marker on the follow of a redirect', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const client = createClaudeClient({
      fetch: async (input, init) => {
        calls.push([String(input), init]);
        if (init?.redirect === 'manual') {
          const res = new Response(null, { status: 200 });
          Object.defineProperty(res, 'type', { value: 'opaqueredirect' });
          return res;
        }
        return new Response(fixtureText('max-sep-2026.json'), { headers: JSON_TYPE });
      },
      now: () => NOW,
      marker: 'cum_account=acc-7',
    });
    await client.usage('org-1');
    expect(
      calls.map(([url, init]) => [url.endsWith('?cum_account=acc-7'), init?.credentials]),
    ).toEqual([
      [true, 'omit'],
      [true, 'omit'],
    ]);
  });
});

describe('the client on a redirect', () => {
  const answer = (body: string, init: { status?: number; url: string; redirected: boolean }) => {
    const res = new Response(body, { status: init.status ?? 200, headers: HTML_TYPE });
    Object.defineProperty(res, 'url', { value: init.url });
    Object.defineProperty(res, 'redirected', { value: init.redirected });
    return res;
  };

  it('reports region_blocked when the request ended on the region page', async () => {
    const client = createClaudeClient({
      fetch: async () =>
        answer('<html>Claude</html>', {
          url: 'https://claude.com/app-unavailable-in-region',
          redirected: true,
        }),
      now: () => NOW,
    });
    const res = await client.usage('org-1');
    expect(res.ok ? 'ok' : res.failure.kind).toBe('region_blocked');
  });

  it('reports a plain HTML answer without a redirect as something else', async () => {
    const client = createClaudeClient({
      fetch: async () =>
        answer('<html>Oops</html>', {
          status: 502,
          url: 'https://claude.ai/api/organizations/org-1/usage',
          redirected: false,
        }),
      now: () => NOW,
    });
    const res = await client.usage('org-1');
    expect(res.ok ? 'ok' : res.failure.kind).toBe('server');
  });

  const opaqueRedirect = () => {
    const res = new Response(null, { status: 200 });
    Object.defineProperty(res, 'type', { value: 'opaqueredirect' });
    return res;
  };

  it('reports region_blocked when a redirect cannot be followed off claude.ai', async () => {
    const modes: (RequestRedirect | undefined)[] = [];
    const client = createClaudeClient({
      fetch: async (_url, init) => {
        modes.push(init?.redirect);
        if (init?.redirect === 'manual') return opaqueRedirect();
        throw new TypeError('Failed to fetch');
      },
      now: () => NOW,
    });
    const res = await client.usage('org-1');
    expect(res.ok ? 'ok' : res.failure.kind).toBe('region_blocked');
    expect(modes).toEqual(['manual', 'follow']);
  });

  it('follows a redirect it can follow and reads the answer where it ended', async () => {
    const modes: (RequestRedirect | undefined)[] = [];
    const client = createClaudeClient({
      fetch: async (_url, init) => {
        modes.push(init?.redirect);
        if (init?.redirect === 'manual') return opaqueRedirect();
        return new Response(fixtureText('max-sep-2026.json'), { headers: JSON_TYPE });
      },
      now: () => NOW,
    });
    const res = await client.usage('org-1');
    expect(res.ok && res.value.limits.map((l) => l.percent)).toEqual([48, 64, 2]);
    expect(modes).toEqual(['manual', 'follow']);
  });

  it('asks once for a plain answer, and reads a failed connection as the network', async () => {
    for (const [reply, kind] of [
      [() => Promise.resolve(new Response(fixtureText('max-sep-2026.json'))), 'ok'],
      [() => Promise.reject(new TypeError('Failed to fetch')), 'network'],
    ] as const) {
      let calls = 0;
      const client = createClaudeClient({
        fetch: async () => {
          calls++;
          return reply();
        },
        now: () => NOW,
      });
      const res = await client.usage('org-1');
      expect([res.ok ? 'ok' : res.failure.kind, calls]).toEqual([kind, 1]);
    }
  });

  it('does not look twice after a timeout', async () => {
    let calls = 0;
    const client = createClaudeClient({
      fetch: async () => {
        calls++;
        throw new DOMException('timed out', 'TimeoutError');
      },
      now: () => NOW,
    });
    const res = await client.usage('org-1');
    expect([res.ok ? 'ok' : res.failure.kind, calls]).toEqual(['timeout', 1]);
  });
});
