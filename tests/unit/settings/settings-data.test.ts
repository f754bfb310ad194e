import { describe, expect, it } from 'vitest';
import { toCsv, toJsonExport } from '../../../lib/history/export';
import { importBounds, parseImport } from '../../../lib/history/import';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { migrateSettings, validateSettings } from '../../../lib/settings/validate';
import { fakeLimit, fakeReading, fakeSettings, ORG, T0 } from '../support/builders';

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

describe('toCsv', () => {
  it('writes one row per reading and limit, quoting commas, quotes and line breaks', () => {
    const reading = fakeReading(48, 64);
    reading.limits[1] = fakeLimit({
      id: 'weekly:odd',
      kind: 'weekly_model',
      label: 'Weekly · "Odd", new\nline',
      percent: 7,
      resetsAt: null,
    });
    const csv = toCsv([reading], { [ORG]: 'Alex, personal' });
    expect(csv.split('\r\n')).toEqual([
      'time,organization,limit_id,label,percent,resets_at',
      `${new Date(T0).toISOString()},"Alex, personal",session,5-hour session,48,${new Date(reading.limits[0]!.resetsAt!).toISOString()}`,
      `${new Date(T0).toISOString()},"Alex, personal",weekly:odd,"Weekly · ""Odd"", new\nline",7,`,
      '',
    ]);
  });
});

describe('JSON export and import', () => {
  const readings = [fakeReading(10, 20, { at: T0 }), fakeReading(30, 40, { at: T0 + 60_000 })];

  const bounds = importBounds(T0 + 3600_000, DEFAULT_SETTINGS.history);

  it('round-trips the readings', () => {
    const settings = fakeSettings({ pollMinutes: 7 });
    const parsed = parseImport(JSON.stringify(toJsonExport(readings, settings, T0)), bounds);
    expect(parsed).toEqual({ ok: true, readings, tooOld: 0 });
  });

  it.each([
    ['not JSON', '{"format": ', /not JSON/],
    ['a foreign file', '{"hello": 1}', /not a Claude Usage Meter export/],
    [
      'a newer version',
      JSON.stringify({ format: 'claude-usage-meter', version: 99, readings: [] }),
      /newer version/,
    ],
    [
      'a damaged reading',
      JSON.stringify({
        format: 'claude-usage-meter',
        version: 1,
        readings: [{ orgId: 'x', at: 'soon', limits: [] }],
      }),
      /^readings\[0\]\.at: .*"soon".* is not a time/,
    ],
    [
      'a NaN percent',
      JSON.stringify({
        format: 'claude-usage-meter',
        version: 1,
        readings: [
          {
            orgId: 'x',
            at: T0,
            limits: [{ id: 'a', kind: 'session', label: 'a', percent: 'NaN', resetsAt: null }],
          },
        ],
      }),
      /^readings\[0\]\.limits\[0\]\.percent: .*"NaN".* is not a percent between 0 and 1000/,
    ],
  ])('refuses %s with the reason', (_name, text, reason) => {
    const parsed = parseImport(text, bounds);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
