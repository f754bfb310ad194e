import type { AccountError } from './accounts/accounts';
import type { DeliveryRecord } from './channels/types';
import type { LimitOutlook } from './forecast/outlook';
import type { PollTrigger } from './poll/poll-gate';

/** Messages from extension pages to the background worker. Everything else is read from storage. */
export type Message =
  | { type: 'refresh'; trigger?: RefreshTrigger }
  | { type: 'test-notification' }
  | { type: 'test-channel'; channelId: string }
  /** The popup's "Notify me when it resets" on one limit, set (`on`) or cancelled. */
  | { type: 'reset-reminder'; orgId: string; limitId: string; on: boolean }
  /** The in-page meter's "Details": open the dashboard, on the organisation the meter shows. */
  | { type: 'open-details'; orgId?: string }
  /** The in-page meter's forecast: it cannot open the extension's history, the worker can. */
  | { type: 'outlooks'; orgId: string }
  /** Options → Accounts: the worker checks a pasted key with claude.ai before anything is kept. */
  | { type: 'account-add'; name: string; key: string }
  /** A new key for an account whose key expired; its history stays. */
  | { type: 'account-key'; id: string; key: string }
  | { type: 'account-rename'; id: string; name: string }
  /** The key goes at once; the history too unless `keepHistory`. */
  | { type: 'account-remove'; id: string; keepHistory: boolean };

/** How adding an account, or giving it a new key, went. */
export type AccountResult =
  | { ok: true; id: string; orgs: number }
  | {
      ok: false;
      error: AccountError;
      /** When a retry is allowed, for `rate_limited`. */ until?: number | null;
    };

/** Who asks for a refresh: a Refresh click (the default), the popup opening, a claude.ai page. */
export type RefreshTrigger = Extract<PollTrigger, 'refresh' | 'open' | 'page'>;

export interface RefreshResponse {
  ok: boolean;
  /** Set when no request was sent because the etiquette says wait. */
  deferred?: { why: string; until: number | null };
}

export type MessageResponse<M extends Message> = M extends { type: 'refresh' }
  ? RefreshResponse
  : M extends { type: 'test-notification' }
    ? { ok: boolean }
    : M extends { type: 'test-channel' }
      ? DeliveryRecord | null
      : M extends { type: 'open-details' | 'reset-reminder' }
        ? { ok: boolean }
        : M extends { type: 'outlooks' }
          ? Record<string, LimitOutlook>
          : M extends { type: 'account-add' | 'account-key' }
            ? AccountResult
            : M extends { type: 'account-rename' | 'account-remove' }
              ? { ok: true } | { ok: false; error: AccountError }
              : never;

/** What a sender needs of the extension API: `chrome`, Firefox's `browser` or the polyfill. */
export interface MessageApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * Send one message to the worker. The answer has the type that message gets (`MessageResponse`),
 * so no call site casts; it rejects as `runtime.sendMessage` does (no worker, no listener).
 */
export function askWorker<M extends Message>(
  api: MessageApi,
  message: M,
): Promise<MessageResponse<M>> {
  return api.runtime.sendMessage(message) as Promise<MessageResponse<M>>;
}

/** The worker's answer to each message type, typed by the message it answers. */
export type MessageHandlers = {
  [K in Message['type']]: (
    message: Extract<Message, { type: K }>,
  ) => Promise<MessageResponse<Extract<Message, { type: K }>>>;
};

/**
 * The worker's side: answer a runtime message with its handler, or `undefined` (not ours, so
 * another listener, or nobody, answers it).
 */
export function answerMessage(
  handlers: MessageHandlers,
  message: unknown,
): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  const handle = handlers[message.type] as (m: Message) => Promise<unknown>;
  return handle(message);
}

/** Narrow an unknown runtime message to one of ours. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, channelId, trigger } = value as {
    type?: unknown;
    channelId?: unknown;
    trigger?: unknown;
  };
  if (type === 'test-channel') return typeof channelId === 'string';
  if (type === 'reset-reminder') {
    const { orgId, limitId, on } = value as { orgId?: unknown; limitId?: unknown; on?: unknown };
    return typeof orgId === 'string' && typeof limitId === 'string' && typeof on === 'boolean';
  }
  if (type === 'outlooks') return typeof (value as { orgId?: unknown }).orgId === 'string';
  if (type === 'open-details') {
    const { orgId } = value as { orgId?: unknown };
    return orgId === undefined || typeof orgId === 'string';
  }
  if (typeof type === 'string' && type.startsWith('account-')) {
    const { id, key, name, keepHistory } = value as Record<string, unknown>;
    const text = (v: unknown) => typeof v === 'string';
    if (type === 'account-add') return text(name) && text(key);
    if (type === 'account-key') return text(id) && text(key);
    if (type === 'account-rename') return text(id) && text(name);
    return type === 'account-remove' && text(id) && typeof keepHistory === 'boolean';
  }
  if (type === 'refresh')
    return (
      trigger === undefined || trigger === 'refresh' || trigger === 'open' || trigger === 'page'
    );
  return type === 'test-notification';
}
