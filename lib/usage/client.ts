import { classifyResponse, classifyThrown, regionFailure } from './errors';
import { parseOrganizations } from './orgs';
import { parseCredits } from './money';
import { parseUsage } from './parse';
import type { Balance, ExtraUsage, Failure, Limit, Org } from './types';

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export interface ClientDeps {
  fetch: typeof fetch;
  now: () => number;
  /** Give up on a request after this long; default 20 s. */
  timeoutMs?: number;
  origin?: string;
  /**
   * An added login's marker (`accountMarker`): its requests carry it in the address and no
   * cookie of the browser (`credentials: 'omit'`); the worker's request rule gives them its key.
   */
  marker?: string;
}

/** Per request: give up sooner than the client's own timeout (a poll run's time left). */
export interface RequestOptions {
  timeoutMs?: number;
}

export type ClaudeClient = ReturnType<typeof createClaudeClient>;

// Here for the worker; pages import it from `host.ts`, which brings no client code with it.
export { CLAUDE_HOST_PERMISSION } from './host';

/**
 * The claude.ai API as seen from the extension. Requests carry the browser's own session cookie
 * (`credentials: 'include'` to a host we have permission for), or for an added login only its
 * `marker`; no cookie is ever read or set here.
 * Every expected outcome is a value; this never throws.
 */
export function createClaudeClient(deps: ClientDeps) {
  const { now, timeoutMs = 20_000, origin = 'https://claude.ai', marker } = deps;
  const request = (path: string, redirect: RequestRedirect, signal: AbortSignal) =>
    deps.fetch(`${origin}${path}${marker ? `?${marker}` : ''}`, {
      credentials: marker ? 'omit' : 'include',
      cache: 'no-store',
      headers: { accept: 'application/json' },
      redirect,
      signal,
    });

  /**
   * The answer, or null when claude.ai redirected off its own host. Redirects are
   * looked at before they are followed: the browser will not follow one to claude.com or
   * anthropic.com (no CORS answer there) and would report a bare "Failed to fetch", so a failed
   * follow after a redirect means the redirect left claude.ai. A plain answer costs one request.
   */
  async function answer(path: string, signal: AbortSignal): Promise<Response | null> {
    const first = await request(path, 'manual', signal);
    if (first.type !== 'opaqueredirect') return first;
    try {
      return await request(path, 'follow', signal);
    } catch (error) {
      if (error instanceof TypeError) return null;
      throw error;
    }
  }

  async function getJson(path: string, options: RequestOptions): Promise<Result<unknown>> {
    // One deadline for the request and a redirect it follows: a poll run's time left, at most.
    const signal = AbortSignal.timeout(
      Math.max(1, Math.min(timeoutMs, options.timeoutMs ?? timeoutMs)),
    );
    try {
      const res = await answer(path, signal);
      if (!res) return { ok: false, failure: regionFailure() };
      const body = await res.text();
      const classified = classifyResponse(
        {
          status: res.status,
          header: (name) => res.headers.get(name),
          body,
          // Where a redirect ended: claude.ai sends refused regions to a page of its own.
          ...(res.redirected ? { url: res.url } : {}),
        },
        now(),
      );
      return classified.ok ? { ok: true, value: classified.json } : classified;
    } catch (error) {
      return { ok: false, failure: classifyThrown(error) };
    }
  }

  return {
    /** The chat-capable organisations of the signed-in account. */
    async organizations(options: RequestOptions = {}): Promise<Result<Org[]>> {
      const res = await getJson('/api/organizations', options);
      if (!res.ok) return res;
      const orgs = parseOrganizations(res.value);
      if (!orgs)
        return {
          ok: false,
          failure: { kind: 'bad_payload', detail: 'organizations is not a list' },
        };
      return { ok: true, value: orgs };
    },

    /** The usage of one organisation. */
    async usage(
      orgId: string,
      options: RequestOptions = {},
    ): Promise<Result<{ limits: Limit[]; extra: ExtraUsage | null }>> {
      const res = await getJson(`/api/organizations/${encodeURIComponent(orgId)}/usage`, options);
      if (!res.ok) return res;
      const parsed = parseUsage(res.value);
      if (!parsed.ok) return { ok: false, failure: { kind: 'bad_payload', detail: parsed.detail } };
      return { ok: true, value: { limits: parsed.limits, extra: parsed.extra } };
    },

    /** The prepaid balance of one organisation (`/prepaid/credits`, minor units). */
    async credits(orgId: string, options: RequestOptions = {}): Promise<Result<Balance>> {
      const res = await getJson(
        `/api/organizations/${encodeURIComponent(orgId)}/prepaid/credits`,
        options,
      );
      if (!res.ok) return res;
      const balance = parseCredits(res.value);
      if (!balance) {
        return { ok: false, failure: { kind: 'bad_payload', detail: 'credits have no balance' } };
      }
      return { ok: true, value: balance };
    },
  };
}
