import { describe, expect, it, vi } from 'vitest';
import {
  deliver,
  retryDelay,
  RETRY_DELAYS_MS,
  type AttemptResult,
} from '../../../lib/channels/deliver';
import type { HttpRequest } from '../../../lib/channels/types';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const request: HttpRequest = { url: 'https://h.test/in', method: 'POST', headers: {}, body: '{}' };

describe('retryDelay', () => {
  it.each<[string, AttemptResult, number | null]>([
    ['2xx: done', { kind: 'answer', status: 204 }, null],
    ['404: asking again will not help', { kind: 'answer', status: 404 }, null],
    ['401: nor will it', { kind: 'answer', status: 401 }, null],
    ['500: retried', { kind: 'answer', status: 500 }, RETRY_DELAYS_MS[0]],
    ['503: retried', { kind: 'answer', status: 503 }, RETRY_DELAYS_MS[0]],
    ['429 without Retry-After: backoff', { kind: 'answer', status: 429 }, RETRY_DELAYS_MS[0]],
    ['429 Retry-After: 7', { kind: 'answer', status: 429, retryAfter: '7' }, 7_000],
    ['429 Retry-After: 3600, cut', { kind: 'answer', status: 429, retryAfter: '3600' }, 30_000],
    [
      '429 Retry-After as a date',
      { kind: 'answer', status: 429, retryAfter: new Date(NOW + 20_000).toUTCString() },
      20_000,
    ],
    ['network error: retried', { kind: 'network', detail: 'reset' }, RETRY_DELAYS_MS[0]],
    ['timeout: retried', { kind: 'timeout' }, RETRY_DELAYS_MS[0]],
  ])('%s', (_, result, expected) => {
    expect(retryDelay(result, 1, NOW)).toBe(expected);
  });

  it('backs off further each time and stops after three retries', () => {
    const failure: AttemptResult = { kind: 'answer', status: 502 };
    expect([1, 2, 3, 4].map((n) => retryDelay(failure, n, NOW))).toEqual([
      ...RETRY_DELAYS_MS,
      null,
    ]);
  });
});

/** A fetch that answers each call with the next status (a number) or fails ('reset'). */
function scriptedFetch(script: (number | 'reset' | 'hang')[]) {
  const calls: RequestInit[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(init!);
    const step = script[Math.min(calls.length - 1, script.length - 1)];
    if (step === 'reset') throw new TypeError('Failed to fetch');
    if (step === 'hang') {
      return new Promise<Response>((_, reject) =>
        init!.signal!.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
      );
    }
    return new Response(null, { status: step });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const noSleep = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};

describe('deliver', () => {
  it('retries a 500 and succeeds on the next answer', async () => {
    const { fetch, calls } = scriptedFetch([500, 200]);
    const { sleep, waits } = noSleep();
    const result = await deliver(request, { fetch, sleep, now: () => NOW });
    expect(result).toEqual({ ok: true, status: 200, error: undefined, attempts: 2 });
    expect(waits).toEqual([RETRY_DELAYS_MS[0]]);
    // Never the person's cookies.
    expect(calls.every((c) => c.credentials === 'omit')).toBe(true);
  });

  it('gives up after three retries and says why', async () => {
    const { fetch, calls } = scriptedFetch(['reset']);
    const { sleep, waits } = noSleep();
    const result = await deliver(request, { fetch, sleep, now: () => NOW });
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([...RETRY_DELAYS_MS]);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Could not connect/);
  });

  it('does not retry a 400', async () => {
    const { fetch, calls } = scriptedFetch([400, 200]);
    const result = await deliver(request, { fetch, sleep: noSleep().sleep, now: () => NOW });
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, status: 400, error: 'HTTP 400', attempts: 1 });
  });

  it('gives up a request that never answers after the timeout', async () => {
    const { fetch } = scriptedFetch(['hang']);
    const result = await deliver(request, {
      fetch,
      sleep: noSleep().sleep,
      now: () => NOW,
      retries: 0,
      timeoutMs: 20,
    });
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.error).toMatch(/No answer/);
  });

  it('makes one attempt only when asked for no retries (Send test)', async () => {
    const { fetch, calls } = scriptedFetch([503, 200]);
    const result = await deliver(request, {
      fetch,
      sleep: noSleep().sleep,
      now: () => NOW,
      retries: 0,
    });
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, status: 503 });
  });
});
