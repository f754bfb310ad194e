import type { ClaudeClient } from './client';
import type { Prepaid, Reading } from './types';

/** The prepaid balance is asked for at most this often per organisation. */
export const CREDITS_EVERY_MS = 60 * 60 * 1000;

/**
 * Whether to ask for an organisation's prepaid balance now: only while its payload shows extra
 * usage enabled, and at most once an hour, counted from the last attempt (a failed one too, so a
 * failing endpoint is not asked on every poll). Pure.
 */
export function creditsDue(
  fresh: Pick<Reading, 'extra'>,
  previous: Prepaid | undefined,
  now: number,
): boolean {
  if (!fresh.extra) return false;
  if (!previous || !Number.isFinite(previous.checkedAt)) return true;
  // A clock set back must not freeze the balance for good.
  return now - previous.checkedAt >= CREDITS_EVERY_MS || now < previous.checkedAt;
}

/**
 * The fresh reading with its prepaid balance: asked for when due, else carried over from the
 * previous reading. A failed read never fails the poll: the previous balance stays. Without extra
 * usage there is no balance to show.
 */
export async function withCredits(
  client: Pick<ClaudeClient, 'credits'>,
  orgId: string,
  fresh: Reading,
  previous: Reading | undefined,
  now: number,
): Promise<Reading> {
  const { prepaid: _, ...reading } = fresh;
  if (!reading.extra) return reading;
  const before = previous?.prepaid;
  if (!creditsDue(reading, before, now)) return before ? { ...reading, prepaid: before } : reading;
  let res: Awaited<ReturnType<ClaudeClient['credits']>>;
  try {
    res = await client.credits(orgId);
  } catch {
    res = { ok: false, failure: { kind: 'network' } };
  }
  const prepaid: Prepaid = res.ok
    ? { balance: res.value, readAt: now, checkedAt: now }
    : { balance: before?.balance ?? null, readAt: before?.readAt ?? null, checkedAt: now };
  return { ...reading, prepaid };
}
