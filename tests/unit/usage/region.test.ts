import { describe, expect, it } from 'vitest';
import { computeBadge } from '../../../lib/badge/badge';
import { nextAfterFailure } from '../../../lib/poll/schedule';
import { classifyResponse, type RawResponse } from '../../../lib/usage/errors';
import { fakeReading, fakeSettings, fakeStatus, ORG } from '../support/builders';
import { fixture, fixtureText } from '../support/fixtures';

const NOW = Date.parse('2026-11-30T12:00:00Z');

function response(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  url?: string,
): RawResponse {
  return { status, body, header: (name) => headers[name.toLowerCase()] ?? null, url };
}

const kindOf = (res: RawResponse) => {
  const c = classifyResponse(res, NOW);
  return c.ok ? 'ok' : c.failure.kind;
};

const JSON_TYPE = { 'content-type': 'application/json' };
const HTML_TYPE = { 'content-type': 'text/html; charset=utf-8' };

describe('classifyResponse: claude.ai refusing this network or region', () => {
  it.each([
    ['https://claude.com/app-unavailable-in-region'],
    ['https://www.anthropic.com/app-unavailable-in-region?from=claude.ai'],
    ['https://claude.ai/app-unavailable-in-region'],
  ])('reads a redirect to %s as region_blocked', (url) => {
    expect(kindOf(response(200, '<html><body>Not here</body></html>', HTML_TYPE, url))).toBe(
      'region_blocked',
    );
  });

  it('does not trust a region path on some other host', () => {
    const res = response(
      200,
      JSON.stringify(fixture('max-sep-2026.json')),
      JSON_TYPE,
      'https://evil.example/app-unavailable-in-region',
    );
    expect(kindOf(res)).toBe('ok');
  });

  it('reads a 451 as region_blocked, whatever the body', () => {
    expect(kindOf(response(451, ''))).toBe('region_blocked');
    expect(kindOf(response(451, '{"error":{"message":"x"}}', JSON_TYPE))).toBe('region_blocked');
  });

  it.each([200, 403])(
    'reads an HTML page naming the region page (HTTP %s) as region_blocked',
    (status) => {
      expect(
        kindOf(response(status, fixtureText('variant-region-unavailable.html'), HTML_TYPE)),
      ).toBe('region_blocked');
    },
  );

  it('never reads a region block as signed out or as a server error', () => {
    for (const res of [
      response(451, fixtureText('error-session-invalid.json'), JSON_TYPE),
      response(403, fixtureText('variant-region-unavailable.html'), HTML_TYPE),
    ]) {
      expect(kindOf(res)).toBe('region_blocked');
    }
  });

  it('still reads a good usage answer and a Cloudflare page as before', () => {
    expect(kindOf(response(200, fixtureText('max-nov-2026-design.json'), JSON_TYPE))).toBe('ok');
    expect(kindOf(response(403, fixtureText('cloudflare-challenge.html'), HTML_TYPE))).toBe(
      'challenge',
    );
  });
});

describe('a region block, once read', () => {
  it('keeps the number on the badge and says why it is not updating', () => {
    const reading = fakeReading(48, 64, { at: NOW - 60_000 });
    const view = computeBadge({
      reading,
      org: { uuid: ORG, name: 'Alex', plan: 'Pro' },
      status: fakeStatus({
        lastSuccessAt: NOW - 60_000,
        lastError: { kind: 'region_blocked', status: 451, at: NOW },
      }),
      settings: fakeSettings(),
      now: NOW,
    });
    expect(view.text).toBe('64%');
    expect(view.title.split('\n').at(-1)).toBe(
      'claude.ai is not available from this network or region (often a VPN exit). The last numbers are kept; another network may help.',
    );
  });

  it('backs off like any other failure, not like a sign-out', () => {
    const settings = fakeSettings({ pollMinutes: 5 });
    const waits = [1, 2, 3, 4].map(
      (n) => nextAfterFailure(settings, { kind: 'region_blocked' }, n, NOW) - NOW,
    );
    expect(waits).toEqual(
      [1, 2, 3, 4].map((n) => nextAfterFailure(settings, { kind: 'server' }, n, NOW) - NOW),
    );
    expect(waits[3]!).toBeGreaterThan(waits[0]!);
  });
});
