import { DEFAULT_SETTINGS, EMPTY_STATUS, type Settings } from '../../../lib/settings';
import type { Limit, PollStatus, Reading } from '../../../lib/usage/types';

export const ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
export const T0 = Date.parse('2026-09-05T10:00:00Z');

/** A limit with sensible defaults. */
export function fakeLimit(overrides: Partial<Limit> = {}): Limit {
  return {
    id: 'session',
    kind: 'session',
    label: '5-hour session',
    percent: 48,
    resetsAt: T0 + 2 * 3600_000 + 11 * 60_000,
    ...overrides,
  };
}

/** A reading with a session and a weekly limit at the given percents. */
export function fakeReading(
  session: number,
  weekly = 10,
  overrides: Partial<Reading> = {},
): Reading {
  return {
    orgId: ORG,
    at: T0,
    limits: [
      fakeLimit({ percent: session }),
      fakeLimit({
        id: 'weekly',
        kind: 'weekly',
        label: 'Weekly (all models)',
        percent: weekly,
        resetsAt: T0 + 3 * 86_400_000,
      }),
    ],
    extra: null,
    ...overrides,
  };
}

export function fakeSettings(overrides: Partial<Settings> = {}): Settings {
  return structuredClone({ ...DEFAULT_SETTINGS, ...overrides });
}

export function fakeStatus(overrides: Partial<PollStatus> = {}): PollStatus {
  return { ...EMPTY_STATUS, ...overrides };
}

/** A usage payload in the flat vocabulary, as the server would send it. */
export function usagePayload(
  session: number,
  weekly: number,
  resetsAt = '2026-09-05T12:59:59.966454+00:00',
) {
  return {
    five_hour: { utilization: session, resets_at: resetsAt },
    seven_day: { utilization: weekly, resets_at: '2026-09-11T20:59:59.966479+00:00' },
    extra_usage: null,
  };
}
