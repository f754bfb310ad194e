import { describe, expect, it } from 'vitest';
import { decideOnReading, releaseHeld } from '../../../lib/alerts/decide';
import { MAX_POINTS } from '../../../lib/alerts/forecast-alert';
import { formatClock } from '../../../lib/display/format';
import { EMPTY_ALERT_STATE, type AlertState, type Notice } from '../../../lib/alerts/state';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { fakeLimit, ORG, T0 } from '../support/builders';

const MIN = 60_000;
const H = 60 * MIN;
const NOON = 12 * 60;
type N = Settings['notifications'];

/** The defaults with the threshold alerts out of the way, so only the forecast speaks. */
function settings(overrides: Partial<N> = {}): N {
  return {
    ...structuredClone(DEFAULT_SETTINGS.notifications),
    thresholds: [],
    limitReached: false,
    resetAlerts: false,
    ...overrides,
  };
}

/** Session readings `every` minutes from T0; the window resets at `resets(i)` (default T0 + 5 h). */
function run(
  percents: number[],
  opts: {
    settings?: N;
    resets?: (i: number) => number;
    every?: number;
    state?: AlertState;
    minutes?: number;
  } = {},
) {
  let state = opts.state ?? EMPTY_ALERT_STATE;
  const shown: { i: number; notice: Notice }[] = [];
  percents.forEach((percent, i) => {
    const now = T0 + i * (opts.every ?? 10) * MIN;
    const resetsAt = opts.resets?.(i) ?? T0 + 5 * H;
    const reading = {
      orgId: ORG,
      at: now,
      extra: null,
      limits: [fakeLimit({ percent, resetsAt })],
    };
    const decision = decideOnReading(
      state,
      { orgId: ORG, reading },
      opts.settings ?? settings(),
      now,
      opts.minutes ?? NOON,
    );
    state = decision.state;
    shown.push(...decision.notices.map((notice) => ({ i, notice })));
  });
  const forecasts = shown.filter((s) => s.notice.kind === 'forecast');
  return { state, forecasts, at: forecasts.map((s) => s.i) };
}

describe('the forecast alert', () => {
  it('warns once the projection holds for two readings, with the time and the lead', () => {
    // 30 %/h from 40 % at T0: full at T0 + 2 h, three hours before the reset.
    const { forecasts } = run([40, 45, 50, 55]);
    expect(forecasts.map((f) => f.i)).toEqual([3]);
    const notice = forecasts[0]!.notice;
    expect(notice.id).toBe(`forecast:${ORG}|session`);
    expect(notice.title).toBe('5-hour session runs out in ~1 h 30 min');
    expect(notice.message).toBe(
      `At this pace at ${formatClock(T0 + 2 * H, T0)}, 3 h before it resets`,
    );
  });

  it('fires at most once per window, however long the climb goes on', () => {
    expect(run([40, 45, 50, 55, 60, 65, 70, 75, 80]).at).toEqual([3]);
  });

  it('stays silent on a single projection that the next reading moves', () => {
    // A burst (40 → 60) projects full in 40 min; the idle readings after it push that out by hours.
    expect(run([40, 40, 60, 60, 60, 60]).at).toEqual([]);
  });

  it('stays silent when the pace lasts until the reset', () => {
    expect(run([10, 11, 12, 13, 14, 15, 16]).at).toEqual([]);
  });

  it('stays silent when running out only just before the reset', () => {
    // 6 %/h from 70 % at T0: full at T0 + 5 h, a minute before the reset.
    expect(run([70, 71, 72, 73, 74], { resets: () => T0 + 301 * MIN }).at).toEqual([]);
  });

  it.each([
    ['forecast alerts', { forecast: false }],
    ['all notifications', { enabled: false }],
  ])('stays silent with %s switched off', (_name, off) => {
    expect(run([40, 45, 50, 55, 60], { settings: settings(off) }).at).toEqual([]);
  });

  it('leaves the session forecast to the session limit: not for a switched-off kind', () => {
    const noSession = settings();
    noSession.kinds.session = false;
    expect(run([40, 45, 50, 55], { settings: noSession }).at).toEqual([]);
  });

  it('re-arms when the window resets', () => {
    const resets = (i: number) => (i < 5 ? T0 + 5 * H : T0 + 6 * H);
    expect(run([40, 45, 50, 55, 60, 5, 15, 25, 35], { resets }).at).toEqual([3, 8]);
  });

  it('ignores the microsecond jitter of resets_at', () => {
    const jitter = (i: number) => T0 + 5 * H + (i % 2) * 900;
    expect(run([40, 45, 50, 55, 60, 65], { resets: jitter }).at).toEqual([3]);
  });

  it('works from alert state stored before the forecast existed', () => {
    const old = JSON.parse(
      JSON.stringify({
        limits: {
          [`${ORG}|session`]: {
            resetsAt: T0 + 5 * H,
            percent: 35,
            peak: 35,
            fired: {},
            lastShown: {},
            seenAt: T0 - 10 * MIN,
          },
        },
        signedOutShown: false,
        held: [],
      }),
    ) as AlertState;
    expect(run([40, 45, 50, 55], { state: old }).at).toEqual([3]);
  });

  it('keeps a bounded memory: an hour of points at most, whatever the poll rate', () => {
    const percents = Array.from({ length: 240 }, (_, i) => Math.min(99, i / 4));
    const { state } = run(percents, { every: 1, resets: () => T0 + 5 * H });
    const memory = state.limits[`${ORG}|session`]!;
    expect(memory.recent!.length).toBeLessThanOrEqual(MAX_POINTS + 1);
    expect(memory.recent!.at(-1)).toEqual({ at: T0 + 239 * MIN, percent: 59.75 });
    expect(JSON.stringify(memory).length).toBeLessThan(4000);
  });

  describe('in quiet hours', () => {
    const quiet = settings({ quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    const held = () => run([40, 45, 50, 55], { settings: quiet, minutes: 23 * 60 }).state;
    const latest = (at: number, percent: number) => ({
      [ORG]: { orgId: ORG, at, extra: null, limits: [fakeLimit({ percent })] },
    });

    it('is held, then shown while still ahead of the projected time', () => {
      const state = held();
      expect(state.held.map((n) => n.kind)).toEqual(['forecast']);
      const released = releaseHeld(state, latest(T0 + 40 * MIN, 58), quiet, 7 * 60);
      expect(released.notices.map((n) => n.kind)).toEqual(['forecast']);
    });

    it('is dropped once the projected time has passed or the window reset', () => {
      const state = held();
      expect(releaseHeld(state, latest(T0 + 3 * H, 99), quiet, 7 * 60).notices).toEqual([]);
      expect(releaseHeld(state, latest(T0 + 40 * MIN, 2), quiet, 7 * 60).notices).toEqual([]);
    });
  });
});
