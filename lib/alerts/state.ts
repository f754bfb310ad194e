/** What the alert logic remembers per limit, between readings and across worker restarts. */
export interface LimitMemory {
  /** The window's reset time at the last reading (null: not started). */
  resetsAt: number | null;
  percent: number;
  /** The highest percent seen in this window: a reset is announced only after a high one. */
  peak: number;
  /** Thresholds (and 100 for "reached") already announced in this window, with when. */
  fired: Record<string, number>;
  /** When each threshold last notified, across windows: the cooldown. */
  lastShown: Record<string, number>;
  /** When this limit was last seen, to forget limits that went away. */
  seenAt: number;
  // The forecast alert's memory (lib/alerts/forecast-alert.ts); absent in older stored state.
  /** The reset time of the window `recent` belongs to. */
  forecastWindow?: number;
  /** Recent (at, percent) points of this window, oldest first, bounded. */
  recent?: { at: number; percent: number }[];
  /** The last reading's projected full time, when it fell before the reset. */
  projectedFullAt?: number;
  /** When the forecast notice fired in this window. */
  forecastShownAt?: number;
  /** The reset "use it or lose it" was last told for (lib/alerts/unused.ts): once per week. */
  unusedFor?: number;
}

export type NoticeKind =
  'threshold' | 'reached' | 'reset' | 'signed_out' | 'test' | 'forecast' | 'unused';

export interface Notice {
  /** Stable id: a newer notice about the same thing replaces the older one. */
  id: string;
  kind: NoticeKind;
  title: string;
  message: string;
  /** Higher wins when only one may be shown (quiet hours ending). */
  priority: number;
  /**
   * The limit (`orgId|limitId`) and percent a held notice depends on (at or above it; below it
   * for "use it or lose it").
   */
  key?: string;
  percent?: number;
  /** A held notice is dropped once a reading is taken at or after this time (epoch ms). */
  expiresAt?: number;
}

export interface AlertState {
  limits: Record<string, LimitMemory>;
  /** A sign-out was announced; again only after a successful reading. */
  signedOutShown: boolean;
  /** Added logins (account ids) whose expired key was announced; each again after it reads. */
  keyExpiredShown?: string[];
  /** Notices held during quiet hours. */
  held: Notice[];
  /**
   * The own memory of each audience (desktop or channel id) with thresholds of its own, so its
   * re-arming and cooldown never touch another's. Absent in older stored state.
   */
  audiences?: Record<string, AlertState>;
}

/** What a rule decided: the notices to give, and the alert memory after them. */
export interface Decision {
  notices: Notice[];
  state: AlertState;
}

/** The id prefix of an added login's "session key expired" notice, before its account id. */
export const KEY_EXPIRED = 'key-expired:';

export const EMPTY_ALERT_STATE: AlertState = { limits: {}, signedOutShown: false, held: [] };

/**
 * Alert memory without the organisations `gone` names (an account removed): its limits, held
 * notices and announced expiry, in every audience's memory too. Pure.
 */
export function withoutOrgs(
  state: AlertState,
  gone: (orgKey: string) => boolean,
  accountId: string,
): AlertState {
  const keep = (key: string | undefined) => !key || !gone(key.split('|')[0]!);
  const clean = (s: AlertState): AlertState => ({
    ...s,
    limits: Object.fromEntries(Object.entries(s.limits).filter(([key]) => keep(key))),
    held: s.held.filter((n) => keep(n.key) && n.id !== KEY_EXPIRED + accountId),
    keyExpiredShown: s.keyExpiredShown?.filter((id) => id !== accountId),
  });
  const audiences = state.audiences
    ? Object.fromEntries(Object.entries(state.audiences).map(([id, s]) => [id, clean(s)]))
    : undefined;
  return { ...clean(state), ...(audiences ? { audiences } : {}) };
}
