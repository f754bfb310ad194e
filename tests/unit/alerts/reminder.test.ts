import { describe, expect, it } from 'vitest';
import {
  checkReminder,
  offersReminder,
  REMINDER_GRACE_MS,
  type Reminder,
} from '../../../lib/alerts/reminder';
import { fakeReading, T0, ORG } from '../support/builders';

const MIN = 60_000;
const RESET = T0 + 2 * 3600_000 + 11 * MIN; // fakeLimit's session resetsAt

describe('reset reminder', () => {
  it('is offered at the limit or over the reset threshold, with a reset ahead', () => {
    expect(offersReminder(100, RESET, 90, T0)).toBe(true);
    expect(offersReminder(92, RESET, 90, T0)).toBe(true);
    expect(offersReminder(80, RESET, 90, T0)).toBe(false);
    expect(offersReminder(100, null, 90, T0)).toBe(false);
    expect(offersReminder(100, T0 - 1, 90, T0)).toBe(false);
  });

  it('looks again quietly when no reading since the reset came (a failed poll)', () => {
    const reminder: Reminder = {
      orgId: ORG,
      limitId: 'session',
      label: '5-hour session',
      resetsAt: RESET,
      percent: 100,
      looks: 0,
    };
    const outcome = checkReminder(reminder, fakeReading(100), RESET + REMINDER_GRACE_MS);
    expect(outcome).toMatchObject({ kind: 'again', at: RESET + REMINDER_GRACE_MS + MIN });
    let r = reminder;
    for (let i = 0; i < 30; i++) {
      const next = checkReminder(r, undefined, RESET);
      if (next.kind !== 'again') throw new Error(next.kind);
      r = next.reminder;
    }
    expect(checkReminder(r, undefined, RESET).kind).toBe('drop');
  });
});
