import { describe, expect, it } from 'vitest';
import {
  classifyResponse,
  classifyThrown,
  parseRetryAfter,
  type RawResponse,
} from '../../../lib/usage/errors';
import { fixtureText } from '../support/fixtures';

const NOW = Date.parse('2026-09-05T12:00:00Z');

function response(status: number, body: string, headers: Record<string, string> = {}): RawResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, body, header: (name) => lower[name.toLowerCase()] ?? null };
}

const kindOf = (res: RawResponse) => {
  const c = classifyResponse(res, NOW);
  return c.ok ? 'ok' : c.failure.kind;
};

describe('classifyResponse', () => {
  it.each([
    [401, 'error-session-invalid.json', 'signed_out'],
    [403, 'error-session-invalid.json', 'signed_out'],
    [403, 'error-org-forbidden.json', 'org_forbidden'],
    [429, 'error-rate-limited.json', 'rate_limited'],
  ])('reads %s with %s as %s', (status, name, kind) => {
    expect(
      kindOf(response(status, fixtureText(name), { 'content-type': 'application/json' })),
    ).toBe(kind);
  });

  it('reads the Cloudflare page as a challenge, never as signed out', () => {
    const html = fixtureText('cloudflare-challenge.html');
    expect(kindOf(response(403, html, { 'content-type': 'text/html; charset=UTF-8' }))).toBe(
      'challenge',
    );
    expect(kindOf(response(403, '', { 'cf-mitigated': 'challenge' }))).toBe('challenge');
    expect(kindOf(response(200, html))).toBe('challenge');
  });

  it('treats a 401 or 403 without account_session_invalid as something other than signed out', () => {
    expect(kindOf(response(401, '{"error":{"message":"nope"}}'))).toBe('server');
    expect(kindOf(response(403, '<html>Forbidden</html>'))).toBe('server');
  });

  it.each([500, 502, 503, 404])('reads %s as a server error', (status) => {
    expect(
      kindOf(response(status, '<html>Bad gateway</html>', { 'content-type': 'text/html' })),
    ).toBe('server');
  });

  it('reads a 200 that is not JSON as a bad payload', () => {
    expect(kindOf(response(200, '{"five_hour": {"utilization": 4'))).toBe('bad_payload');
  });

  it('hands back the JSON of a 200', () => {
    expect(classifyResponse(response(200, '{"a":1}'), NOW)).toEqual({ ok: true, json: { a: 1 } });
  });

  it('keeps the Retry-After of a 429 as an absolute time', () => {
    const c = classifyResponse(response(429, '', { 'Retry-After': '120' }), NOW);
    expect(c.ok ? null : c.failure.retryAt).toBe(NOW + 120_000);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', NOW + 120_000],
    ['Sat, 05 Sep 2026 12:05:00 GMT', Date.parse('2026-09-05T12:05:00Z')],
    ['Sat, 05 Sep 2026 11:00:00 GMT', NOW],
    ['9999999', NOW + 6 * 3600_000],
    ['soon', undefined],
    [null, undefined],
  ])('reads %s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('classifyThrown', () => {
  it('tells our timeout from a network failure', () => {
    expect(classifyThrown(new DOMException('t', 'TimeoutError')).kind).toBe('timeout');
    expect(classifyThrown(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(classifyThrown('weird').kind).toBe('network');
  });
});
