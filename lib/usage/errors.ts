import type { Failure } from './types';
import { asRecord } from './values';

/** What the classifier needs of an HTTP response: the status, a header getter and the body text. */
export interface RawResponse {
  status: number;
  header(name: string): string | null;
  body: string;
  /** The URL that answered, after redirects (`Response.url`), when known. */
  url?: string;
}

export type Classified = { ok: true; json: unknown } | { ok: false; failure: Failure };

/** Longest wait we honour from a `Retry-After`; anything longer is treated as this. */
const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/** `Retry-After` as an absolute time (epoch ms): delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  let at: number;
  if (/^\d+$/.test(text)) at = now + Number(text) * 1000;
  else {
    at = Date.parse(text);
    if (!Number.isFinite(at)) return undefined;
  }
  return Math.min(Math.max(at, now), now + MAX_RETRY_AFTER_MS);
}

function tryJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

/** Cloudflare's interstitial: a header, an HTML content type, or the "Just a moment..." page. */
function isChallenge(res: RawResponse): boolean {
  if (res.header('cf-mitigated')?.toLowerCase() === 'challenge') return true;
  const html = /text\/html/i.test(res.header('content-type') ?? '') || /^\s*</.test(res.body);
  return html && /just a moment|challenge-platform|cf-chl|verifying you are human/i.test(res.body);
}

/** The page claude.ai sends people to when it refuses their network or region. */
const REGION_PAGE = /app-unavailable-in-region/i;
const REGION_HOSTS = /(^|\.)(claude\.ai|claude\.com|anthropic\.com)$/i;

/** Redirected to the region page (on claude.com or anthropic.com), a 451, or a page naming it. */
function isRegionBlock(res: RawResponse): boolean {
  if (res.status === 451) return true;
  if (res.url) {
    try {
      const url = new URL(res.url);
      if (REGION_HOSTS.test(url.hostname) && REGION_PAGE.test(url.pathname)) return true;
    } catch {
      // Not a URL: judge by the body alone.
    }
  }
  const html = /text\/html/i.test(res.header('content-type') ?? '') || /^\s*</.test(res.body);
  // A JSON answer with usage in it never names the page; an HTML one or an error may.
  return (html || res.status >= 400) && REGION_PAGE.test(res.body.slice(0, 20_000));
}

function errorOf(json: unknown): { code?: string; message?: string } {
  const error = asRecord(asRecord(json)?.error);
  const details = asRecord(error?.details);
  const code = details?.error_code;
  const message = error?.message;
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}

/**
 * Decide what a claude.ai API response means (see the error table in shared/docs/claude-api.md).
 * Only `account_session_invalid` means "signed out"; everything else keeps the last numbers.
 * Pure; never throws, whatever the status and body.
 */
export function classifyResponse(res: RawResponse, now: number): Classified {
  const { status } = res;
  if (isRegionBlock(res)) return { ok: false, failure: { kind: 'region_blocked', status } };
  if (isChallenge(res)) return { ok: false, failure: { kind: 'challenge', status } };
  const parsed = tryJson(res.body);

  if (status >= 200 && status < 300) {
    if (!parsed.ok)
      return { ok: false, failure: { kind: 'bad_payload', status, detail: 'not JSON' } };
    return { ok: true, json: parsed.value };
  }
  if (status === 429) {
    const retryAt = parseRetryAfter(res.header('retry-after'), now);
    return {
      ok: false,
      failure: { kind: 'rate_limited', status, ...(retryAt ? { retryAt } : {}) },
    };
  }
  if (status === 401 || status === 403) {
    const { code, message } = parsed.ok ? errorOf(parsed.value) : {};
    if (code === 'account_session_invalid')
      return { ok: false, failure: { kind: 'signed_out', status } };
    if (message && /for organization/i.test(message)) {
      return { ok: false, failure: { kind: 'org_forbidden', status } };
    }
    return { ok: false, failure: { kind: 'server', status, detail: code ?? `HTTP ${status}` } };
  }
  return { ok: false, failure: { kind: 'server', status, detail: `HTTP ${status}` } };
}

/**
 * A request claude.ai redirected off its own host, where the browser would not follow: the only
 * such redirect known is to the region page, so it is read as one.
 */
export function regionFailure(): Failure {
  return { kind: 'region_blocked', detail: 'redirected away from claude.ai' };
}

/** What a thrown `fetch` means: our own timeout, or the network. */
export function classifyThrown(error: unknown): Failure {
  const name = asRecord(error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
  return {
    kind: 'network',
    detail: error instanceof Error ? error.message.slice(0, 200) : 'fetch failed',
  };
}
