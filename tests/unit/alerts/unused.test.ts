import { describe, expect, it } from 'vitest';
import { decideOnReading, releaseHeld } from '../../../lib/alerts/decide';
import { EMPTY_ALERT_STATE, type AlertState, type Notice } from '../../../lib/alerts/state';
import { decideUnused } from '../../../lib/alerts/unused';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { migrateSettings, validateSettings } from '../../../lib/settings/validate';
import type { Limit, Reading } from '../../../lib/usage/types';
import { fakeLimit, ORG, T0 } from '../support/builders';

const MIN = 60_000;
const H = 60 * MIN;
const NOON = 12 * 60;
/** The weekly reset the tests look towards: two days after T0. */
const RESET = T0 + 48 * H;
type N = Settings['notifications'];

const on = (overrides: Partial<N['useItOrLoseIt']> = {}) => ({
  enabled: true,
  hoursBefore: 12,
  belowPercent: 50,
  ...overrides,
});

function rules(unused = on(), overrides: Partial<N> = {}): N {
  return {
    ...structuredClone(DEFAULT_SETTINGS.notifications),
    forecast: false,
    useItOrLoseIt: unused,
    ...overrides,
  };
}

const weekly = (percent: number, resetsAt: number | null = RESET, extra: Partial<Limit> = {}) =>
  fakeLimit({
    id: 'weekly',
    kind: 'weekly',
    label: 'Weekly (all models)',
    percent,
    resetsAt,
    ...extra,
  });

const reading = (at: number, limits: Limit[]): Reading => ({
  orgId: ORG,
  at,
  limits,
  extra: null,
});

/** Weekly readings at the given hours before `RESET` (percent, reset), each through the real rules. */
function run(
  steps: { before: number; percent: number; resetsAt?: number | null; minutes?: number }[],
  settings = rules(),
  orgLabel?: string,
) {
  let state: AlertState = EMPTY_ALERT_STATE;
  const told: { before: number; notice: Notice }[] = [];
  for (const step of steps) {
    const now = RESET - step.before * H;
    const limit = weekly(step.percent, step.resetsAt === undefined ? RESET : step.resetsAt);
    const d = decideOnReading(
      state,
      { orgId: ORG, orgLabel, reading: reading(now, [limit]) },
      settings,
      now,
      step.minutes ?? NOON,
    );
    state = d.state;
    for (const notice of d.notices)
      if (notice.kind === 'unused') told.push({ before: step.before, notice });
  }
  return { told, state };
}

describe('use it or lose it: timing', () => {
  it('tells once, in the window, with the unused share and the limit’s own label', () => {
    const { told } = run([
      { before: 20, percent: 30 },
      { before: 12.5, percent: 36 },
      { before: 11.5, percent: 38 },
      { before: 8, percent: 39 },
      { before: 1, percent: 40 },
    ]);
    expect(told.map((t) => t.before)).toEqual([11.5]);
    expect(told[0]!.notice).toMatchObject({
      id: `unused:${ORG}|weekly`,
      title: 'Weekly (all models) resets in 11 h 30 min with 62% unused',
      key: `${ORG}|weekly`,
      expiresAt: RESET,
    });
    expect(told[0]!.notice.message).toMatch(/^Resets at .+; what is left does not carry over\.$/);
  });

  it('still tells once when the first reading lands late in the window', () => {
    expect(
      run([
        { before: 30, percent: 10 },
        { before: 2, percent: 10 },
      ]).told,
    ).toHaveLength(1);
  });

  it('says nothing while as much as the chosen percent is used, and tells if usage is lower', () => {
    expect(
      run([
        { before: 6, percent: 50 },
        { before: 5, percent: 75 },
      ]).told,
    ).toEqual([]);
    expect(run([{ before: 6, percent: 49 }]).told).toHaveLength(1);
  });

  it('follows the chosen hours and percent', () => {
    const settings = rules(on({ hoursBefore: 24, belowPercent: 20 }));
    expect(run([{ before: 23, percent: 25 }], settings).told).toEqual([]);
    expect(run([{ before: 23, percent: 19 }], settings).told.map((t) => t.before)).toEqual([23]);
  });

  it('says nothing when it is off (the default), or after the reset time', () => {
    expect(DEFAULT_SETTINGS.notifications.useItOrLoseIt.enabled).toBe(false);
    const off = rules(structuredClone(DEFAULT_SETTINGS.notifications.useItOrLoseIt));
    expect(run([{ before: 6, percent: 10 }], off).told).toEqual([]);
    expect(run([{ before: -0.1, percent: 10 }]).told).toEqual([]);
  });

  it('is once per week even when the reset time jitters, and arms again for the next week', () => {
    const jitter = RESET + 2_345; // claude.ai's microseconds and seconds move between calls
    const { told } = run([
      { before: 10, percent: 20 },
      { before: 9, percent: 20, resetsAt: jitter },
      { before: 3, percent: 25 },
      // The week resets; the next one starts low, and in its last hours is still low.
      { before: -1, percent: 2, resetsAt: RESET + 168 * H },
      { before: -160, percent: 12, resetsAt: RESET + 168 * H },
    ]);
    expect(told.map((t) => t.before)).toEqual([10, -160]);
  });

  it('remembers the told week in the stored state, so a fresh worker does not repeat it', () => {
    const first = run([{ before: 10, percent: 20 }]).state;
    // The state goes through storage as JSON between worker lives.
    const restored = JSON.parse(JSON.stringify(first)) as AlertState;
    const now = RESET - 9 * H;
    const again = decideOnReading(
      restored,
      { orgId: ORG, reading: reading(now, [weekly(21)]) },
      rules(),
      now,
      NOON,
    );
    expect(again.notices.filter((n) => n.kind === 'unused')).toEqual([]);
  });

  it('is about weekly limits and per-model weekly caps, never the session', () => {
    const now = RESET - 6 * H;
    const limits = [
      fakeLimit({ percent: 5, resetsAt: RESET }),
      weekly(10),
      weekly(15, RESET, { id: 'weekly:fable', kind: 'weekly_model', label: 'Weekly · Fable' }),
      weekly(1, RESET, { id: 'other:design', kind: 'other', label: 'Design' }),
    ];
    const d = decideOnReading(
      EMPTY_ALERT_STATE,
      { orgId: ORG, reading: reading(now, limits) },
      rules(),
      now,
      NOON,
    );
    expect(d.notices.filter((n) => n.kind === 'unused').map((n) => n.key)).toEqual([
      `${ORG}|weekly`,
      `${ORG}|weekly:fable`,
    ]);
  });

  it('names the organisation when several are tracked', () => {
    const { told } = run([{ before: 5, percent: 10 }], rules(), 'Acme Team');
    expect(told[0]!.notice.message).toMatch(/ · Acme Team$/);
  });

  it.each<[string, number | null, number]>([
    ['no reset time (window not started)', null, 10],
    ['a reset time that is not a number', Number.NaN, 10],
    ['an infinite reset time', Number.POSITIVE_INFINITY, 10],
    ['a percent that is not a number', RESET, Number.NaN],
  ])('never tells, crashes or says NaN with %s', (_, resetsAt, percent) => {
    const notice = decideUnused(weekly(percent, resetsAt), 'k', on(), undefined, RESET - H);
    expect(notice).toBeNull();
    const { told } = run([{ before: 1, percent, resetsAt }]);
    expect(told).toEqual([]);
  });

  it('never says NaN or a negative share when over the limit', () => {
    const notice = decideUnused(weekly(0), 'k', on({ belowPercent: 99 }), undefined, RESET - H);
    expect(notice!.title).toBe('Weekly (all models) resets in 1 h with 100% unused');
    expect(decideUnused(weekly(120), 'k', on({ belowPercent: 99 }), undefined, RESET - H)).toBe(
      null,
    );
  });
});

describe('use it or lose it: quiet hours', () => {
  const quiet = rules(on(), { quietHours: { enabled: true, start: '22:00', end: '07:00' } });

  it('is held in quiet hours and told when they end, if still before the reset', () => {
    const now = RESET - 10 * H;
    const held = decideOnReading(
      EMPTY_ALERT_STATE,
      { orgId: ORG, reading: reading(now, [weekly(30)]) },
      quiet,
      now,
      23 * 60,
    );
    expect(held.notices).toEqual([]);
    expect(held.state.held.map((n) => n.kind)).toEqual(['unused']);
    const later = RESET - 2 * H;
    const latest = { [ORG]: reading(later, [weekly(31)]) };
    const released = releaseHeld(held.state, latest, quiet, 7 * 60 + 5, later);
    expect(released.notices.map((n) => n.id)).toEqual([`unused:${ORG}|weekly`]);
    // And the poll after that does not tell it again.
    const next = decideOnReading(
      released.state,
      { orgId: ORG, reading: latest[ORG]! },
      quiet,
      later,
      7 * 60 + 5,
    );
    expect(next.notices).toEqual([]);
  });

  it('is told after quiet hours even when a more important warning was held too', () => {
    const now = RESET - 10 * H;
    const limits = [fakeLimit({ percent: 80, resetsAt: now + 2 * H }), weekly(30)];
    const held = decideOnReading(
      EMPTY_ALERT_STATE,
      { orgId: ORG, reading: reading(now, limits) },
      quiet,
      now,
      23 * 60,
    ).state;
    expect(held.held.map((n) => n.kind).sort()).toEqual(['threshold', 'unused']);
    const later = now + H;
    const released = releaseHeld(held, { [ORG]: reading(later, limits) }, quiet, 7 * 60, later);
    expect(released.notices.map((n) => n.kind)).toEqual(['threshold', 'unused']);
  });

  it('is dropped when quiet hours end after the reset, even if the last poll failed', () => {
    const now = RESET - 3 * H;
    const held = decideOnReading(
      EMPTY_ALERT_STATE,
      { orgId: ORG, reading: reading(now, [weekly(30)]) },
      quiet,
      now,
      2 * 60,
    ).state;
    const stale = { [ORG]: reading(now, [weekly(30)]) };
    expect(releaseHeld(held, stale, quiet, 7 * 60, RESET + H).notices).toEqual([]);
    const fresh = { [ORG]: reading(RESET + H, [weekly(1, RESET + 168 * H)]) };
    expect(releaseHeld(held, fresh, quiet, 7 * 60, RESET + H).notices).toEqual([]);
  });

  it('is dropped when usage has risen to the chosen percent meanwhile', () => {
    const now = RESET - 10 * H;
    const held = decideOnReading(
      EMPTY_ALERT_STATE,
      { orgId: ORG, reading: reading(now, [weekly(30)]) },
      quiet,
      now,
      23 * 60,
    ).state;
    const latest = { [ORG]: reading(RESET - 4 * H, [weekly(55)]) };
    expect(releaseHeld(held, latest, quiet, 8 * 60, RESET - 4 * H).notices).toEqual([]);
  });
});

describe('use it or lose it: settings', () => {
  it('fills in for settings stored before it, off, and keeps everything else', () => {
    const stored = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
    const notifications = stored.notifications as Record<string, unknown>;
    delete notifications.useItOrLoseIt;
    notifications.thresholds = [60, 80];
    const migrated = migrateSettings(stored);
    expect(migrated.notifications.useItOrLoseIt).toEqual({
      enabled: false,
      hoursBefore: 12,
      belowPercent: 50,
    });
    expect(migrated.notifications.thresholds).toEqual([60, 80]);
  });

  it.each<[number, number, string[]]>([
    [12, 50, []],
    [1, 1, []],
    [72, 99, []],
    [0, 50, ['notifications.useItOrLoseIt.hoursBefore']],
    [73, 50, ['notifications.useItOrLoseIt.hoursBefore']],
    [2.5, 50, ['notifications.useItOrLoseIt.hoursBefore']],
    [12, 0, ['notifications.useItOrLoseIt.belowPercent']],
    [12, 100, ['notifications.useItOrLoseIt.belowPercent']],
  ])('hours %d and percent %d: errors %j', (hoursBefore, belowPercent, expected) => {
    const s = structuredClone(DEFAULT_SETTINGS);
    s.notifications.useItOrLoseIt = { enabled: true, hoursBefore, belowPercent };
    expect(Object.keys(validateSettings(s))).toEqual(expected);
  });
});
