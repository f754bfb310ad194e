import { describe, expect, it } from 'vitest';
import { computeBadge } from '../../../lib/badge/badge';
import { formatAgo, formatClock } from '../../../lib/display/format';
import { LEVEL_COLORS } from '../../../lib/display/levels';
import type { PollStatus } from '../../../lib/usage/types';
import { fakeReading, fakeSettings, fakeStatus, ORG, T0 } from '../support/builders';

const MIN = 60_000;
const org = { uuid: ORG, name: 'Alex', plan: 'Max 5x' };

function view(status: Partial<PollStatus>, now = T0 + MIN, session = 48, weekly = 64) {
  return computeBadge({
    reading: fakeReading(session, weekly),
    org,
    status: fakeStatus(status),
    settings: fakeSettings(),
    now,
    locale: 'en',
  });
}

const failed = (kind: 'server' | 'rate_limited' | 'network', at = T0 + MIN) => ({
  lastSuccessAt: T0,
  lastError: kind === 'server' ? { kind, status: 503, at } : { kind, at },
});

describe('the badge after a failed poll', () => {
  it.each([
    ['server', /server error/i],
    ['rate_limited', /rate|too many/i],
    ['network', /offline|network|connection/i],
  ] as const)('keeps the number on grey after %s, and says why', (kind, why) => {
    const badge = view(failed(kind));
    expect(badge.text).toBe('64%');
    expect(badge.color).toBe(LEVEL_COLORS.stale);
    expect(badge.title).toMatch(why);
  });

  it('says since when, as a clock time and a relative one', () => {
    const now = T0 + 25 * MIN;
    const badge = view(failed('server', now), now);
    expect(badge.title).toContain(
      `Not updated since ${formatClock(T0, now, 'en')} (${formatAgo(T0, now, 'en')}).`,
    );
    expect(formatAgo(T0, now, 'en')).toMatch(/25 min/);
  });

  it('looks fresh again once a poll succeeds after the failure', () => {
    const badge = view({ lastSuccessAt: T0 + 2 * MIN, lastError: failed('server').lastError });
    expect(badge.color).toBe(LEVEL_COLORS.ok);
    expect(badge.title).not.toMatch(/Not updated since/);
  });

  it('greys an old reading with no failure, and says since when', () => {
    const now = T0 + 7 * MIN;
    const badge = view({ lastSuccessAt: T0 }, now);
    expect(badge.color).toBe(LEVEL_COLORS.stale);
    expect(badge.title).toContain(`Not updated since ${formatClock(T0, now, 'en')}`);
  });

  it('keeps its own sign when signed out: "!" instead of the number', () => {
    const badge = view({ lastSuccessAt: T0, lastError: { kind: 'signed_out', at: T0 + MIN } });
    expect([badge.text, badge.color]).toEqual(['!', LEVEL_COLORS.stale]);
  });
});

describe('the badge at the limit', () => {
  it('is red with the percent in four characters, whatever the thresholds', () => {
    const settings = fakeSettings();
    settings.badge.criticalAt = 100;
    settings.badge.warnAt = 99;
    const at = (percent: number, locale: string) =>
      computeBadge({
        reading: fakeReading(percent, 1),
        org,
        status: fakeStatus({ lastSuccessAt: T0 }),
        settings,
        now: T0,
        locale,
      });
    for (const locale of ['en', 'de', 'fr', 'ja']) {
      const badge = at(100, locale);
      expect(badge.text).toBe('100%');
      expect(badge.color).toBe(LEVEL_COLORS.critical);
    }
    expect(at(104, 'fr').text).toBe('104%');
  });
});
