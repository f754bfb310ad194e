/** What one limit looked like at one reading. */
export type LimitKind = 'session' | 'weekly' | 'weekly_model' | 'other';

export interface Limit {
  /** Stable across polls: `session`, `weekly`, `weekly:fable`, `other:oauth_apps`, ... */
  id: string;
  kind: LimitKind;
  /**
   * Human name, e.g. "5-hour session", "Weekly (all models)", "Weekly · Fable", in the language of
   * the page showing it (`withLabels` in `labels.ts` makes it again for stored readings).
   */
  label: string;
  /** The model or product name a limit is named by, as claude.ai spells it ("Opus"). */
  name?: string;
  /** Raw percent as the server said it (0–100, may exceed 100); always finite, never negative. */
  percent: number;
  /** When the window resets (epoch ms), or null when the window has not started. */
  resetsAt: number | null;
}

/** Money in minor units (e.g. cents) with its currency and exponent. */
export interface ExtraUsage {
  usedMinor: number;
  /** The monthly cap in minor units, or null when uncapped. */
  limitMinor: number | null;
  currency: string;
  exponent: number;
}

/** What one poll learned about one organisation. */
export interface Reading {
  orgId: string;
  /** When the reading was taken (epoch ms). */
  at: number;
  limits: Limit[];
  /** Extra usage when the account has it enabled, else null. */
  extra: ExtraUsage | null;
  /** The prepaid balance, read at most hourly while extra usage is enabled (see usage/credits.ts). */
  prepaid?: Prepaid;
}

/** Money in minor units as `/prepaid/credits` reports it. */
export interface Balance {
  amountMinor: number;
  currency: string;
  exponent: number;
}

/** The last prepaid balance of an organisation and when it was asked for. */
export interface Prepaid {
  /** The last balance read, or null when none could be read yet. */
  balance: Balance | null;
  /** When `balance` was read (epoch ms), or null. */
  readAt: number | null;
  /** When it was last asked for, read or not: the hourly clock runs from here. */
  checkedAt: number;
}

/** A chat-capable organisation of the signed-in account. */
export interface Org {
  uuid: string;
  name: string;
  /** Plan name derived from `rate_limit_tier` ("Pro", "Max 5x", "Team", ...), or null when unknown. */
  plan: string | null;
  /**
   * Set for an organisation of an added login (`lib/accounts.ts`); its `uuid` is then
   * `<account id>/<claude.ai uuid>`, so readings, alerts and choices keep each login apart.
   */
  account?: { id: string; name: string };
}

/** Why a poll did not produce a reading. Every kind but `signed_out` keeps the last numbers. */
export type FailureKind =
  | 'signed_out'
  /** The browser withholds host access to claude.ai (Firefox lets people do that). */
  | 'no_access'
  | 'org_forbidden'
  | 'no_chat_org'
  | 'challenge'
  /** claude.ai refuses this network or region (often a VPN exit): not signed out, not the server. */
  | 'region_blocked'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad_payload';

export interface Failure {
  kind: FailureKind;
  /** HTTP status when there was one. */
  status?: number;
  /** Earliest time to try again (epoch ms), from `Retry-After`. */
  retryAt?: number;
  /** A short technical detail for diagnostics (never contains cookies). */
  detail?: string;
  /** The added login it happened to, when not the browser's own (see `lib/accounts.ts`). */
  account?: { id: string; name: string };
}

/** How the last reads of one organisation went. */
export interface OrgStatus {
  lastSuccessAt: number | null;
  lastError: (Failure & { at: number }) | null;
}

/** The poller's bookkeeping, kept in extension storage so it survives the worker being stopped. */
export interface PollStatus {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: (Failure & { at: number }) | null;
  nextPollAt: number | null;
  consecutiveFailures: number;
  /** Set while a poll is running (epoch ms of its start); cleared when it ends. */
  pollingSince: number | null;
  /** Set while readings cannot be stored in IndexedDB (e.g. quota); they are still shown. */
  storeError?: { at: number; detail: string } | null;
  /** Per organisation uuid; read it through `statusOf` (lib/status.ts). */
  byOrg?: Record<string, OrgStatus>;
}
