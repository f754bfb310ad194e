import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { migrateSettings, validateSettings } from '../../../lib/settings/validate';
import { fakeSettings } from '../support/builders';

describe('validateSettings', () => {
  it('accepts the defaults', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({});
  });

  it.each([
    ['pollMinutes', (s: ReturnType<typeof fakeSettings>) => void (s.pollMinutes = 0)],
    ['pollMinutes', (s: ReturnType<typeof fakeSettings>) => void (s.pollMinutes = 61)],
    ['pollMinutes', (s: ReturnType<typeof fakeSettings>) => void (s.pollMinutes = 1.5)],
    ['badge.criticalAt', (s: ReturnType<typeof fakeSettings>) => void (s.badge.criticalAt = 70)],
    [
      'notifications.thresholds',
      (s: ReturnType<typeof fakeSettings>) => void (s.notifications.thresholds = [90, 75]),
    ],
    [
      'notifications.thresholds',
      (s: ReturnType<typeof fakeSettings>) => void (s.notifications.thresholds = []),
    ],
    [
      'history.totalDays',
      (s: ReturnType<typeof fakeSettings>) => void (s.history = { rawDays: 30, totalDays: 14 }),
    ],
    ['history.rawDays', (s: ReturnType<typeof fakeSettings>) => void (s.history.rawDays = 0)],
    [
      'notifications.quietHours.start',
      (s: ReturnType<typeof fakeSettings>) => void (s.notifications.quietHours.start = '25:00'),
    ],
  ])('refuses a bad %s', (path, spoil) => {
    const s = fakeSettings();
    spoil(s);
    expect(Object.keys(validateSettings(s))).toEqual([path]);
  });
});

describe('migrateSettings', () => {
  it('reads the flat first shape', () => {
    const s = migrateSettings({ pollMinutes: 5, warnAt: 60, criticalAt: 80 });
    expect([s.pollMinutes, s.badge.warnAt, s.badge.criticalAt]).toEqual([5, 60, 80]);
    expect(s.notifications).toEqual(DEFAULT_SETTINGS.notifications);
  });

  it('fills what a partial object lacks and ignores mistyped fields', () => {
    const s = migrateSettings({
      theme: 'dark',
      pollMinutes: 'often',
      badge: { showPercentSign: false },
    });
    expect([s.theme, s.pollMinutes, s.badge.showPercentSign, s.badge.warnAt]).toEqual([
      'dark',
      2,
      false,
      75,
    ]);
  });

  it('falls back to the defaults rather than keep something invalid', () => {
    expect(migrateSettings({ pollMinutes: 900 })).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});
