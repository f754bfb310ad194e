/** Helpers for tests of added logins (lib/accounts.ts). */

/** Real-looking claude.ai session keys (made up). */
export const KEY =
  'sk-ant-sid01-Qx7vN2kLp9sT4wE1rY6uI3oP8aS5dF0gH2jK7lZ4xC9vB1nM6qW3eR8tY5uI0oP2aS7dF4gH9jK1lZ6xC-3vB8nMAA';
export const KEY_B =
  'sk-ant-sid01-Zm4nB7vC2xL9kJ5hG8fD3sA6pO1iU4yT7rE0wQ3zM6nB9vC2xL5kJ8hG1fD4sA7pO0iU3yT6rE9wQ2zM-5nB8vCAA';
export const KEY_C =
  'sk-ant-sid01-Lk3jH6gF9dS2aP5oI8uY1tR4eW7qZ0xC3vB6nM9lK2jH5gF8dS1aP4oI7uY0tR3eW6qZ9xC2vB5nM8lK1j-H4gF7dAA';

/**
 * Whether a declarativeNetRequest `urlFilter` matches a URL: `|` anchors at either end, `*` is
 * any text, `^` a separator; everything else is literal (Chromium's syntax, as used here).
 */
export function ruleMatches(urlFilter: string, url: string): boolean {
  let f = urlFilter;
  const start = f.startsWith('|') && !f.startsWith('||');
  const end = f.endsWith('|');
  if (start) f = f.slice(1);
  if (end) f = f.slice(0, -1);
  const body = f
    .split('')
    .map((c) =>
      c === '*' ? '.*' : c === '^' ? '(?:[^\\w.%-]|$)' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`${start ? '^' : ''}${body}${end ? '$' : ''}`).test(url);
}

/** The browser's own login in `keyedServer`: requests with `credentials: 'include'`. */
export const BROWSER = 'browser-cookie';

/** A declarativeNetRequest session rule as the fake browser keeps it. */
interface Rule {
  id: number;
  action: { requestHeaders: { value: string }[] };
  condition: { urlFilter: string };
}

/** The browser's session rules: lost on restart (`clear`), refusing a duplicate id as Chromium does. */
export function fakeRules<R extends Rule>() {
  let list: R[] = [];
  return {
    get list() {
      return list;
    },
    clear: () => void (list = []),
    updates: 0,
    async getSessionRules() {
      return structuredClone(list);
    },
    async updateSessionRules(change: { removeRuleIds: number[]; addRules: R[] }) {
      this.updates++;
      const kept = list.filter((r) => !change.removeRuleIds.includes(r.id));
      for (const r of change.addRules)
        if (kept.some((k) => k.id === r.id)) throw new Error(`Rule with id ${r.id} exists`);
      list = [...kept, ...structuredClone(change.addRules)];
    },
  };
}

type Reply = { status?: number; body: unknown; headers?: Record<string, string> };
/** What claude.ai answers one login: its organisations, each one's usage, or one reply to all. */
export interface Login {
  orgs?: { uuid: string; name: string }[];
  usage?: Record<string, unknown>;
  all?: Reply;
}

export const signedOut: Reply = {
  status: 401,
  body: {
    type: 'error',
    error: { type: 'permission_error', details: { error_code: 'account_session_invalid' } },
  },
};

/**
 * A fake claude.ai that tells logins apart by the cookie a request would carry: the browser's
 * own with `credentials: 'include'`, or the key a session rule sets on a marked request (with
 * `credentials: 'omit'`, as an added login's must be). Unknown keys are signed out.
 */
export function keyedServer(rules: { list: Rule[] }) {
  const logins = new Map<string, Login>();
  const requests: { path: string; cookie: string | null; url: string }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const { pathname, searchParams } = new URL(url);
    const marked = searchParams.has('cum_account');
    if (marked && init?.credentials !== 'omit') throw new Error('a marked request with cookies');
    const rule = rules.list.find((r) => ruleMatches(r.condition.urlFilter, url));
    const cookie = rule
      ? rule.action.requestHeaders[0]!.value.replace(/^sessionKey=/, '')
      : init?.credentials === 'include'
        ? BROWSER
        : null;
    requests.push({ path: pathname, cookie, url });
    const login = cookie ? logins.get(cookie) : undefined;
    const reply = login?.all ?? answer(login, pathname);
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status ?? 200, headers: reply.headers });
  };
  const answer = (login: Login | undefined, path: string): Reply => {
    if (!login) return signedOut;
    if (path === '/api/organizations')
      return {
        body: (login.orgs ?? []).map((o) => ({
          ...o,
          capabilities: ['chat', 'raven'],
          raven_type: 'team',
          rate_limit_tier: 'default_raven',
        })),
      };
    const uuid = /^\/api\/organizations\/([^/]+)\/usage$/.exec(path)?.[1];
    const usage = uuid && login.usage?.[decodeURIComponent(uuid)];
    return usage ? { body: usage } : { status: 404, body: 'not found' };
  };
  return { fetch: fetch as typeof globalThis.fetch, logins, requests };
}
