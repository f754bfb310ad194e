import { existsSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { fixtureJson, startFakeClaude, type FakeClaude } from '../fixtures/fake-claude';
import { expect, SESSION_COOKIE_VALUE, snap, test, type ChromeApi } from './harness';

// Only inside `evaluate` callbacks, which run in the extension.
declare const chrome: ChromeApi;

/**
 * The plumbing the product tests stand on, proven without relying on the worker's behaviour:
 * the fake claude.ai answers as scripted, the browser reaches it as https://claude.ai with the
 * session cookie, and a profile survives a restart.
 */

const SIGNED_OUT = fixtureJson('error-session-invalid.json');

/** One request to the fake from Node (its certificate is self-signed, so unchecked here). */
function get(
  server: FakeClaude,
  path: string,
  cookie?: string,
): Promise<{ status: number; type: string | undefined; body: string; setCookie?: string[] }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        servername: 'claude.ai',
        rejectUnauthorized: false,
        headers: cookie ? { cookie } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            body,
            setCookie: res.headers['set-cookie'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test.describe('the fake claude.ai', () => {
  let server: FakeClaude;
  const cookie = `sessionKey=${SESSION_COOKIE_VALUE}`;
  const usagePath = '/api/organizations/5f6a7b8c-1111-4111-8111-00000000c4a7/usage';

  test.beforeEach(async () => {
    server = await startFakeClaude();
  });
  test.afterEach(async () => {
    await server.close();
  });

  test('answers a request without a session cookie with the signed-out error', async () => {
    const res = await get(server, '/api/organizations');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual(SIGNED_OUT);
    expect(server.requests).toEqual([
      {
        method: 'GET',
        path: '/api/organizations',
        cookie: undefined,
        at: expect.any(Number),
        headers: expect.any(Object),
        body: '',
      },
    ]);
  });

  test('serves the sample organisations and usage by default, as JSON', async () => {
    const orgs = await get(server, '/api/organizations', cookie);
    expect(orgs.type).toBe('application/json');
    expect(JSON.parse(orgs.body)).toEqual(fixtureJson('organizations.json'));
    const usage = await get(server, usagePath, cookie);
    expect(JSON.parse(usage.body)).toEqual(fixtureJson('max-sep-2026.json'));
    expect(server.requests.map((r) => r.cookie)).toEqual([cookie, cookie]);
  });

  test('plays a queue of answers in order and repeats the last one', async () => {
    server.setUsage('*', [{ status: 503, body: 'down' }, { status: 429 }, { body: { n: 1 } }]);
    server.setUsage('9d8e7f6a-2222-4222-8222-0000000071ea', { status: 418 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(server, usagePath, cookie)).status);
    expect(statuses).toEqual([503, 429, 200, 200]);
    const team = await get(
      server,
      '/api/organizations/9d8e7f6a-2222-4222-8222-0000000071ea/usage',
      cookie,
    );
    expect(team.status).toBe(418);
  });

  test('resets the connection, delays, and serves custom paths', async () => {
    server.setUsage('*', [{ reset: true }, { delayMs: 300, body: { late: true } }]);
    await expect(get(server, usagePath, cookie)).rejects.toThrow(/socket hang up|ECONNRESET/);
    const started = Date.now();
    expect(JSON.parse((await get(server, usagePath, cookie)).body)).toEqual({ late: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    server.setHandler('/hook-test', (r) => ({ status: 204, headers: { 'x-seen': r.method } }));
    expect((await get(server, '/hook-test')).status).toBe(204);
  });

  test('gives an added login its own organisations and usage, expires it alone, and sets each asked key', async () => {
    const workKey = 'sk-ant-sid02-work-login';
    const workOrgs = [{ uuid: 'w0rk', name: 'Work Co', capabilities: ['chat'] }];
    server.addLogin(workKey, { organizations: workOrgs, usage: { w0rk: { body: { work: 1 } } } });
    const work = `lastActiveOrg=x; sessionKey=${workKey}`;
    const orgs = await get(server, '/api/organizations?cum_account=a12345678', work);
    expect(JSON.parse(orgs.body)).toEqual(workOrgs);
    expect(orgs.setCookie).toEqual([
      `sessionKey=${workKey}; Domain=claude.ai; Path=/; Max-Age=2592000; Secure; HttpOnly; SameSite=Lax`,
    ]);
    expect(JSON.parse((await get(server, '/api/organizations/w0rk/usage', work)).body)).toEqual({
      work: 1,
    });
    // Every other key still gets the defaults, and its own cookie back.
    const own = await get(server, '/api/organizations', cookie);
    expect(JSON.parse(own.body)).toEqual(fixtureJson('organizations.json'));
    expect(own.setCookie?.[0]).toMatch(new RegExp(`^${cookie};`));
    // Pages and signed-out answers set nothing: there is no key to give back.
    expect((await get(server, '/new', cookie)).setCookie).toBeUndefined();
    expect((await get(server, '/api/organizations')).setCookie).toBeUndefined();

    server.expireLogin(workKey);
    const expired = await get(server, '/api/organizations', work);
    expect([expired.status, JSON.parse(expired.body)]).toEqual([401, SIGNED_OUT]);
    expect(expired.setCookie?.[0]).toContain(`sessionKey=${workKey};`);
    expect((await get(server, usagePath, cookie)).status).toBe(200);
  });

  test('waits for a request that has not happened yet, and closes despite a hanging one', async () => {
    server.setUsage('*', { hang: true });
    const waiting = server.waitForRequest((r) => r.path.endsWith('/usage'), 2_000);
    void get(server, usagePath, cookie).catch(() => undefined);
    expect((await waiting).cookie).toBe(cookie);
    await expect(server.waitForRequest((r) => r.path === '/never', 100)).rejects.toThrow(
      /no matching request/,
    );
  });
});

test.describe('the browser harness', () => {
  test('reaches the fake as https://claude.ai from an extension page, with the cookie after signIn', async ({
    server,
    signIn,
    openPopup,
  }) => {
    const popup = await openPopup();
    const fetchOrgs = () =>
      popup.evaluate(async () => {
        const res = await fetch('https://claude.ai/api/organizations', { credentials: 'include' });
        return { status: res.status, body: (await res.json()) as unknown };
      });
    const before = await fetchOrgs();
    expect(before).toEqual({ status: 401, body: SIGNED_OUT });

    await signIn();
    const mark = server.requests.length;
    const after = await fetchOrgs();
    expect(after).toEqual({ status: 200, body: fixtureJson('organizations.json') });
    const ours = server.requests.slice(mark).filter((r) => r.path === '/api/organizations');
    expect(ours.length).toBeGreaterThan(0);
    for (const r of ours) expect(r.cookie).toContain(`sessionKey=${SESSION_COOKIE_VALUE}`);
    expect(existsSync(await snap(popup, 'harness-popup'))).toBe(true);
  });

  test('keeps the extension id, the cookie and extension storage across a restart', async ({
    server,
    extensionId,
    signIn,
    sw,
    storageGet,
    restart,
    currentContext,
  }) => {
    await signIn();
    await (await sw()).evaluate(() => chrome.storage.local.set({ harnessMarker: 42 }));
    await restart();
    const worker = await sw();
    expect(new URL(worker.url()).host).toBe(extensionId);
    expect(await storageGet('harnessMarker')).toBe(42);
    const cookies = await currentContext().cookies('https://claude.ai');
    expect(cookies.map((c) => `${c.name}=${c.value}`)).toContain(
      `sessionKey=${SESSION_COOKIE_VALUE}`,
    );
    const status = await worker.evaluate(async () => {
      const res = await fetch('https://claude.ai/api/organizations', { credentials: 'include' });
      return res.status;
    });
    expect(status).toBe(200);
    expect(server.requests.at(-1)?.cookie).toContain(`sessionKey=${SESSION_COOKIE_VALUE}`);
  });

  test('stops the service worker and starts it again on demand', async ({ sw, stopWorker }) => {
    await (
      await sw()
    ).evaluate(() => {
      (globalThis as { harnessMarker?: number }).harnessMarker = 1;
    });
    await stopWorker();
    const marker = await (
      await sw()
    ).evaluate(() => (globalThis as { harnessMarker?: number }).harnessMarker ?? null);
    expect(marker).toBeNull();
  });
});
