import { describe, expect, it } from 'vitest';
import { badgeLimit, chooseBadgeOrg, computeBadge } from '../../../lib/badge/badge';
import { LEVEL_COLORS } from '../../../lib/display/levels';
import { fakeLimit, fakeReading, fakeSettings, fakeStatus, ORG, T0 } from '../support/builders';

const org = { uuid: ORG, name: 'Alex', plan: 'Max 5x' };

function badge(
  reading = fakeReading(48, 64),
  status = fakeStatus({ lastSuccessAt: T0 }),
  now = T0,
) {
  return computeBadge({ reading, org, status, settings: fakeSettings(), now });
}

describe('computeBadge', () => {
  it('shows the tightest limit, rounded, with a % sign', () => {
    expect(badge(fakeReading(48.4, 64.6)).text).toBe('65%');
  });

  it('counts a per-model weekly cap as a binding limit', () => {
    const reading = fakeReading(50, 39);
    reading.limits.push(
      fakeLimit({ id: 'weekly:fable', kind: 'weekly_model', label: 'Weekly · Fable', percent: 52 }),
    );
    expect(badge(reading).text).toBe('52%');
  });

  it('never lets another surface drive the badge', () => {
    const reading = fakeReading(5, 6);
    reading.limits.push(fakeLimit({ id: 'other:oauth_apps', kind: 'other', percent: 99 }));
    expect(badge(reading).text).toBe('6%');
  });

  it.each([
    [20, LEVEL_COLORS.ok],
    [74, LEVEL_COLORS.ok],
    [75, LEVEL_COLORS.warn],
    [89.9, LEVEL_COLORS.warn],
    [90, LEVEL_COLORS.critical],
    [95, LEVEL_COLORS.critical],
  ])('colours %s %% by level', (percent, color) => {
    expect(badge(fakeReading(percent, 1)).color).toBe(color);
  });

  it('shows ! in grey when signed out, and says what to do', () => {
    const view = badge(
      fakeReading(48, 64),
      fakeStatus({ lastSuccessAt: T0, lastError: { kind: 'signed_out', at: T0 + 1 } }),
    );
    expect(view.text).toBe('!');
    expect(view.color).toBe(LEVEL_COLORS.stale);
    expect(view.title).toMatch(/Sign in to claude\.ai/);
  });

  it('asks for access in grey when the browser withholds it', () => {
    const view = badge(
      fakeReading(48, 64),
      fakeStatus({ lastSuccessAt: T0, lastError: { kind: 'no_access', at: T0 + 1 } }),
    );
    expect([view.text, view.color]).toEqual(['!', LEVEL_COLORS.stale]);
    expect(view.title).toMatch(/allow access/);
  });

  it('keeps the number after another failure, greyed at once', () => {
    const status = fakeStatus({
      lastSuccessAt: T0,
      lastError: { kind: 'server', status: 503, at: T0 + 60_000 },
    });
    const fresh = badge(fakeReading(48, 64), status, T0 + 60_000);
    expect([fresh.text, fresh.color]).toEqual(['64%', LEVEL_COLORS.stale]);
    expect(fresh.title).toMatch(/server error/);
    const old = badge(fakeReading(48, 64), status, T0 + 7 * 60_000);
    expect([old.text, old.color]).toEqual(['64%', LEVEL_COLORS.stale]);
  });

  it('lists every limit with its time to reset in the tooltip', () => {
    const { title } = badge();
    expect(title).toContain('Max 5x · Alex');
    expect(title).toContain('5-hour session: 48% · resets in 2 h 11 min');
    expect(title).toContain('Weekly (all models): 64% · resets in 3 d');
  });

  it('shows nothing but a hint before the first reading', () => {
    const view = computeBadge({
      reading: null,
      org: null,
      status: fakeStatus(),
      settings: fakeSettings(),
      now: T0,
    });
    expect(view.text).toBe('');
    expect(view.title).toMatch(/Reading your usage/);
  });

  it('hides the % sign when asked', () => {
    const settings = fakeSettings();
    settings.badge.showPercentSign = false;
    const view = computeBadge({
      reading: fakeReading(48, 64),
      org,
      status: fakeStatus(),
      settings,
      now: T0,
    });
    expect(view.text).toBe('64');
  });
});

describe('badgeLimit', () => {
  it('follows the chosen limit, falling back to the tightest when it is missing', () => {
    expect(badgeLimit(fakeReading(30, 60), 'session')?.percent).toBe(30);
    const weeklyOnly = fakeReading(30, 60);
    weeklyOnly.limits.shift();
    expect(badgeLimit(weeklyOnly, 'session')?.percent).toBe(60);
  });
});

describe('chooseBadgeOrg', () => {
  const team = { uuid: 'team', name: 'Acme Team', plan: 'Team' };
  const latest = { [ORG]: fakeReading(30, 40), team: fakeReading(80, 10, { orgId: 'team' }) };

  it('follows the organisation with the tightest limit by default', () => {
    expect(chooseBadgeOrg([org, team], latest, fakeSettings())?.uuid).toBe('team');
  });

  it('follows a fixed organisation when one is chosen', () => {
    expect(chooseBadgeOrg([org, team], latest, fakeSettings({ badgeOrg: ORG }))?.uuid).toBe(ORG);
  });

  it('falls back to the tightest when the chosen one has gone', () => {
    expect(chooseBadgeOrg([org, team], latest, fakeSettings({ badgeOrg: 'gone' }))?.uuid).toBe(
      'team',
    );
  });

  it('prefers an organisation with a reading over one without', () => {
    expect(chooseBadgeOrg([team, org], { [ORG]: fakeReading(1, 1) }, fakeSettings())?.uuid).toBe(
      ORG,
    );
    expect(chooseBadgeOrg([], {}, fakeSettings())).toBeNull();
  });
});
