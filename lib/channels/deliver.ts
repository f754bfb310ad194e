import { t } from '../display/i18n';
import type { HttpRequest } from './types';

/** Waits between attempts: 1 s, 4 s, 10 s. Short enough to finish while the worker is awake. */
export const RETRY_DELAYS_MS = [1_000, 4_000, 10_000] as const;
/** Each attempt is given up after this long. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** A `Retry-After` longer than this is cut to it. */
const MAX_RETRY_AFTER_MS = 30_000;

/** One attempt's outcome: an HTTP answer, or no answer at all. */
export type AttemptResult =
  | {
      kind: 'answer';
      status: number;
      retryAfter?: string | null;
      /** A 429's `retry_after_ms` from a JSON body (Matrix says it there, not in a header). */
      retryAfterMs?: number;
    }
  | { kind: 'timeout' }
  | { kind: 'network'; detail: string };

/** The outcome of a whole delivery. */
export interface DeliveryResult {
  ok: boolean;
  status?: number;
  error?: string;
  attempts: number;
}

/**
 * How long to wait before attempt `attempt + 1`, or null to stop: 2xx is done; 4xx other than
 * 429 will not change by asking again; network errors, timeouts, 5xx and 429 are retried up to
 * `RETRY_DELAYS_MS.length` times, a 429's `Retry-After` (seconds or HTTP date) or its JSON
 * body's `retry_after_ms` honoured up to 30 s. Pure.
 */
export function retryDelay(result: AttemptResult, attempt: number, now: number): number | null {
  if (attempt > RETRY_DELAYS_MS.length) return null;
  const base = RETRY_DELAYS_MS[attempt - 1]!;
  if (result.kind !== 'answer') return base;
  if (result.status >= 200 && result.status < 300) return null;
  if (result.status === 429) {
    const after = parseRetryAfter(result.retryAfter ?? null, now) ?? result.retryAfterMs ?? null;
    return after === null ? base : Math.min(Math.max(after, base), MAX_RETRY_AFTER_MS);
  }
  return result.status >= 500 ? base : null;
}

function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/** What an attempt's failure reads as. */
function describe(result: AttemptResult): string | undefined {
  if (result.kind === 'timeout') return t('chErrTimeout', ATTEMPT_TIMEOUT_MS / 1000);
  if (result.kind === 'network') return t('chErrNetwork', result.detail);
  if (result.status < 200 || result.status >= 300) return `HTTP ${result.status}`;
  return undefined;
}

export interface DeliverDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Attempts after the first; 0 for the "Send test" button. */
  retries?: number;
  timeoutMs?: number;
}

async function attemptOnce(request: HttpRequest, deps: DeliverDeps): Promise<AttemptResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? ATTEMPT_TIMEOUT_MS);
  try {
    const response = await deps.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      // Never the person's cookies: a webhook gets what the template says and nothing else.
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    const retryAfterMs = response.status === 429 ? await bodyRetryAfter(response) : undefined;
    // The body is not needed otherwise; cancel it so the connection is freed.
    if (retryAfterMs === undefined) void response.body?.cancel().catch(() => undefined);
    return {
      kind: 'answer',
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout' };
    return { kind: 'network', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** A 429's `retry_after_ms` (Matrix's rate-limit answer), when its body is small JSON saying so. */
async function bodyRetryAfter(response: Response): Promise<number | undefined> {
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return undefined;
  try {
    const text = await response.text();
    if (text.length > 4096) return undefined;
    const value = (JSON.parse(text) as { retry_after_ms?: unknown }).retry_after_ms;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Send `request`, retrying what may succeed later; never throws. */
export async function deliver(request: HttpRequest, deps: DeliverDeps): Promise<DeliveryResult> {
  const retries = Math.min(deps.retries ?? RETRY_DELAYS_MS.length, RETRY_DELAYS_MS.length);
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(request, deps);
    const error = describe(result);
    const status = result.kind === 'answer' ? result.status : undefined;
    const wait = attempt > retries ? null : retryDelay(result, attempt, deps.now());
    if (!error || wait === null) return { ok: !error, status, error, attempts: attempt };
    await deps.sleep(wait);
  }
}
