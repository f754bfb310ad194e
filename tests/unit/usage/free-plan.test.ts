import { describe, expect, it } from 'vitest';
import { decideOnFailure, decideOnReading, releaseHeld } from '../../../lib/alerts/decide';
import { EMPTY_ALERT_STATE } from '../../../lib/alerts/state';
import { chooseBadgeOrg, computeBadge } from '../../../lib/badge/badge';
import { toSeries } from '../../../lib/chart/chart-points';
import { LEVEL_COLORS } from '../../../lib/display/levels';
import { parseUsage } from '../../../lib/usage/parse';
import type { Reading } from '../../../lib/usage/types';
import { fakeReading, fakeSettings, fakeStatus, ORG, T0 } from '../support/builders';
import { fixture } from '../support/fixtures';

const MIN = 60_000;
const NOON = 12 * 60;
const org = { uuid: ORG, name: 'Alex', plan: 'Free' };

/** A reading of the Free plan sample, as the poller would keep it. */
function freeReading(at: number): Reading {
  const parsed = parseUsage(fixture('free-nov-2026.json'));
  if (!parsed.ok) throw new Error(parsed.detail);
  return { orgId: ORG, at, limits: parsed.limits, extra: parsed.extra };
}

describe('the badge on a plan without limits', () => {
  it('shows no number, no alarm colour, and says claude.ai reports no limits', () => {
    const view = computeBadge({
      reading: freeReading(T0),
      org,
      status: fakeStatus({ lastSuccessAt: T0 }),
      settings: fakeSettings(),
      now: T0 + MIN,
    });
    expect(view.text).toBe('');
    expect(view.color).toBe(LEVEL_COLORS.stale);
    expect(view.title).toBe(
      'Claude Usage Meter · Free · Alex\nclaude.ai reports no usage limits for this plan.',
    );
  });

  it('still names a current failure beside it, and keeps the reading', () => {
    const view = computeBadge({
      reading: freeReading(T0),
      org,
      status: fakeStatus({
        lastSuccessAt: T0,
        lastError: { kind: 'region_blocked', at: T0 + MIN },
      }),
      settings: fakeSettings(),
      now: T0 + 2 * MIN,
    });
    expect(view.text).toBe('');
    expect(view.title.split('\n').slice(1)).toEqual([
      'claude.ai reports no usage limits for this plan.',
      expect.stringContaining('not available from this network or region'),
    ]);
  });
});

describe('the badge across organisations', () => {
  it('follows an organisation with limits rather than a Free one, whatever the order', () => {
    const team = { uuid: 'team', name: 'Team', plan: 'Team' };
    const latest = { [ORG]: freeReading(T0), team: { ...fakeReading(12, 8), orgId: 'team' } };
    for (const orgs of [
      [org, team],
      [team, org],
    ]) {
      expect(chooseBadgeOrg(orgs, latest, fakeSettings())?.uuid).toBe('team');
    }
  });
});

describe('alerts on a plan without limits', () => {
  const notifications = fakeSettings().notifications;

  it('fires nothing, however many polls', () => {
    let state = EMPTY_ALERT_STATE;
    for (let i = 0; i < 6; i++) {
      const decision = decideOnReading(
        state,
        { orgId: ORG, reading: freeReading(T0 + i * 10 * MIN) },
        notifications,
        T0 + i * 10 * MIN,
        NOON,
      );
      expect(decision.notices).toEqual([]);
      state = decision.state;
    }
  });

  it('announces no reset when a plan with limits becomes one without', () => {
    const high = decideOnReading(
      EMPTY_ALERT_STATE,
      { orgId: ORG, reading: fakeReading(95, 40) },
      notifications,
      T0,
      NOON,
    );
    expect(high.notices.length).toBeGreaterThan(0);
    const free = decideOnReading(
      high.state,
      { orgId: ORG, reading: freeReading(T0 + 10 * MIN) },
      notifications,
      T0 + 10 * MIN,
      NOON,
    );
    expect(free.notices).toEqual([]);
  });

  it('drops a notice held over quiet hours once the limit is no longer reported', () => {
    const quiet = { ...notifications, quietHours: { enabled: true, start: '22:00', end: '07:00' } };
    const night = decideOnReading(
      EMPTY_ALERT_STATE,
      { orgId: ORG, reading: fakeReading(95, 40) },
      quiet,
      T0,
      23 * 60,
    );
    expect(night.state.held.length).toBeGreaterThan(0);
    const morning = releaseHeld(
      night.state,
      { [ORG]: freeReading(T0 + 8 * 60 * MIN) },
      quiet,
      8 * 60,
    );
    expect(morning.notices).toEqual([]);
  });

  it('says nothing about a region block: it is not a sign-out', () => {
    expect(
      decideOnFailure(
        EMPTY_ALERT_STATE,
        { kind: 'region_blocked', status: 451 },
        notifications,
        NOON,
      ).notices,
    ).toEqual([]);
  });
});

describe('the history of a plan without limits', () => {
  it('gets no points at all, never zeros', () => {
    const readings = [
      fakeReading(30, 40, { at: T0 }),
      freeReading(T0 + 10 * MIN),
      freeReading(T0 + 20 * MIN),
    ];
    const series = toSeries(readings);
    expect(series.map((s) => [s.id, s.points.map((p) => p.y)])).toEqual([
      ['session', [30]],
      ['weekly', [40]],
    ]);
    expect(toSeries([freeReading(T0)])).toEqual([]);
  });
});
