import { describe, expect, it } from 'vitest';
import type { Result } from '../../../lib/usage/client';
import { CREDITS_EVERY_MS, creditsDue, withCredits } from '../../../lib/usage/credits';
import type { Balance, ExtraUsage, Prepaid, Reading } from '../../../lib/usage/types';
import { fakeReading, ORG, T0 } from '../support/builders';

const EXTRA: ExtraUsage = { usedMinor: 1250, limitMinor: 5000, currency: 'USD', exponent: 2 };
const BALANCE: Balance = { amountMinor: 366, currency: 'USD', exponent: 2 };
const MIN = 60_000;

/** A client whose `credits` answers from a queue and counts its calls. */
function fakeClient(...answers: (Result<Balance> | Error)[]) {
  const client = {
    calls: 0,
    async credits(orgId: string): Promise<Result<Balance>> {
      expect(orgId).toBe(ORG);
      client.calls++;
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return client;
}

const withExtra = (at: number, prepaid?: Prepaid): Reading =>
  fakeReading(20, 30, { at, extra: EXTRA, ...(prepaid ? { prepaid } : {}) });

describe('creditsDue', () => {
  const checked = (checkedAt: number): Prepaid => ({
    balance: BALANCE,
    readAt: checkedAt,
    checkedAt,
  });

  it.each([
    ['never asked before', undefined, T0, true],
    ['asked an hour ago', checked(T0 - CREDITS_EVERY_MS), T0, true],
    ['asked 59 minutes ago', checked(T0 - 59 * MIN), T0, false],
    ['asked a moment ago', checked(T0 - 1000), T0, false],
    ['asked "in the future" (the clock went back)', checked(T0 + 10 * MIN), T0, true],
  ])('is %s with extra usage on: %s', (_name, previous, now, due) => {
    expect(creditsDue({ extra: EXTRA }, previous, now)).toBe(due);
  });

  it('is never due while extra usage is off, however long ago', () => {
    expect(creditsDue({ extra: null }, undefined, T0)).toBe(false);
    expect(creditsDue({ extra: null }, checked(T0 - 10 * CREDITS_EVERY_MS), T0)).toBe(false);
  });
});

describe('withCredits', () => {
  it('reads the balance when due and notes when', async () => {
    const client = fakeClient({ ok: true, value: BALANCE });
    const reading = await withCredits(client, ORG, withExtra(T0), undefined, T0);
    expect(client.calls).toBe(1);
    expect(reading.prepaid).toEqual({ balance: BALANCE, readAt: T0, checkedAt: T0 });
    expect(reading.limits).toEqual(withExtra(T0).limits);
  });

  it('carries the last balance over without asking while it is under an hour old', async () => {
    const client = fakeClient({ ok: true, value: { ...BALANCE, amountMinor: 1 } });
    const previous = withExtra(T0, { balance: BALANCE, readAt: T0, checkedAt: T0 });
    const reading = await withCredits(
      client,
      ORG,
      withExtra(T0 + 30 * MIN),
      previous,
      T0 + 30 * MIN,
    );
    expect(client.calls).toBe(0);
    expect(reading.prepaid?.balance).toEqual(BALANCE);
  });

  it('asks nothing and shows no balance while extra usage is off', async () => {
    const client = fakeClient({ ok: true, value: BALANCE });
    const previous = withExtra(T0 - 2 * CREDITS_EVERY_MS, {
      balance: BALANCE,
      readAt: T0,
      checkedAt: T0,
    });
    const reading = await withCredits(client, ORG, fakeReading(20, 30, { at: T0 }), previous, T0);
    expect(client.calls).toBe(0);
    expect(reading.prepaid).toBeUndefined();
  });

  it.each([
    ['answers with a failure', { ok: false, failure: { kind: 'server', status: 500 } } as const],
    ['throws', new Error('boom')],
  ])(
    'keeps the previous balance when the credits read %s, and waits an hour again',
    async (_name, answer) => {
      const client = fakeClient(answer);
      const earlier = T0 - 2 * CREDITS_EVERY_MS;
      const previous = withExtra(earlier, {
        balance: BALANCE,
        readAt: earlier,
        checkedAt: earlier,
      });
      const reading = await withCredits(client, ORG, withExtra(T0), previous, T0);
      expect(client.calls).toBe(1);
      expect(reading.prepaid).toEqual({ balance: BALANCE, readAt: earlier, checkedAt: T0 });
      const later = await withCredits(
        client,
        ORG,
        withExtra(T0 + 10 * MIN),
        reading,
        T0 + 10 * MIN,
      );
      expect(client.calls).toBe(1);
      expect(later.prepaid?.balance).toEqual(BALANCE);
    },
  );

  it('shows no balance after a first read that failed, rather than a zero one', async () => {
    const client = fakeClient({ ok: false, failure: { kind: 'bad_payload' } });
    const reading = await withCredits(client, ORG, withExtra(T0), undefined, T0);
    expect(reading.prepaid).toEqual({ balance: null, readAt: null, checkedAt: T0 });
  });
});
