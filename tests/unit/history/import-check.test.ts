import { describe, expect, it } from 'vitest';
import { toJsonExport } from '../../../lib/history/export';
import { importBounds, parseImport, readImportFile } from '../../../lib/history/import';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { fakeReading, fakeSettings, T0 } from '../support/builders';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = T0 + HOUR;
const bounds = importBounds(NOW, DEFAULT_SETTINGS.history);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid export of three readings, the second with extra usage, as plain JSON to spoil. */
function exportJson(): Json {
  const readings = [
    fakeReading(10, 20, { at: T0 - 2 * HOUR }),
    fakeReading(30, 40, {
      at: T0 - HOUR,
      extra: { usedMinor: 1250, limitMinor: 5000, currency: 'USD', exponent: 2 },
    }),
    { ...fakeReading(50, 60, { at: T0 - 10 * DAY }), tier: 10 },
  ];
  return JSON.parse(JSON.stringify(toJsonExport(readings, fakeSettings(), NOW))) as Json;
}

const refusal = (file: Json) => {
  const parsed = parseImport(JSON.stringify(file), bounds);
  return parsed.ok ? null : parsed.reason;
};

describe('import bounds', () => {
  it('accepts a valid export, every field as it was', () => {
    const file = exportJson();
    const parsed = parseImport(JSON.stringify(file), bounds);
    expect(parsed).toEqual({ ok: true, readings: file.readings, tooOld: 0 });
  });

  it("keeps a model's own name, and refuses one that is no text", () => {
    const file = exportJson();
    file.readings[0].limits[1].name = 'Opus';
    const parsed = parseImport(JSON.stringify(file), bounds);
    expect(parsed.ok && parsed.readings[0]!.limits[1]!.name).toBe('Opus');
    file.readings[0].limits[1].name = { toString: 'x' };
    expect(refusal(file)).toMatch(/^readings\[0\]\.limits\[1\]\.name: /);
  });

  it.each<[string, (f: Json) => void, RegExp]>([
    [
      'a time far in the future',
      (f) => (f.readings[1].at = 1e300),
      /^readings\[1\]\.at: 1e\+300 is not a time between 2023-01-01 and /,
    ],
    [
      'a time ten minutes ahead',
      (f) => (f.readings[0].at = NOW + 10 * 60_000),
      /^readings\[0\]\.at: \d+ is not a time/,
    ],
    [
      'a time before any plan limit',
      (f) => (f.readings[0].at = 1),
      /^readings\[0\]\.at: 1 is not a time/,
    ],
    [
      'a time as text',
      (f) => (f.readings[2].at = '2026-09-05'),
      /^readings\[2\]\.at: .*"2026-09-05".* is not a time/,
    ],
    [
      'a missing time',
      (f) => delete f.readings[0].at,
      /^readings\[0\]\.at: \(missing\) is not a time/,
    ],
    [
      'a huge percent',
      (f) => (f.readings[2].limits[0].percent = 1e308),
      /^readings\[2\]\.limits\[0\]\.percent: 1e\+308 is not a percent between 0 and 1000\.$/,
    ],
    [
      'a negative percent',
      (f) => (f.readings[0].limits[1].percent = -1),
      /^readings\[0\]\.limits\[1\]\.percent: -1 is not a percent/,
    ],
    [
      'a percent as text',
      (f) => (f.readings[0].limits[0].percent = '48'),
      /^readings\[0\]\.limits\[0\]\.percent: .*"48".* is not a percent/,
    ],
    [
      'a reset far away',
      (f) => (f.readings[0].limits[0].resetsAt = 8.64e15),
      /^readings\[0\]\.limits\[0\]\.resetsAt: 8640000000000000 is neither null nor a time/,
    ],
    [
      'a reset as NaN text',
      (f) => (f.readings[0].limits[0].resetsAt = 'NaN'),
      /^readings\[0\]\.limits\[0\]\.resetsAt: .* is neither null nor a time/,
    ],
    [
      'an unknown kind',
      (f) => (f.readings[1].limits[1].kind = 'daily'),
      /^readings\[1\]\.limits\[1\]\.kind: .*"daily".* is not one of session, weekly, weekly_model, other/,
    ],
    [
      'an empty label',
      (f) => (f.readings[0].limits[0].label = ''),
      /^readings\[0\]\.limits\[0\]\.label: .* is not a text of 1 to 200 characters/,
    ],
    [
      'a huge label',
      (f) => (f.readings[0].limits[0].label = 'x'.repeat(201)),
      /^readings\[0\]\.limits\[0\]\.label: .*….* is not a text of 1 to 200/,
    ],
    [
      'a limit id with spaces',
      (f) => (f.readings[0].limits[0].id = 'weekly fable'),
      /^readings\[0\]\.limits\[0\]\.id: .* is not a well-formed id/,
    ],
    [
      'an organisation id that is a path',
      (f) => (f.readings[0].orgId = '../etc'),
      /^readings\[0\]\.orgId: .* is not a well-formed id/,
    ],
    [
      "an added login's id that is a path",
      (f) => (f.readings[0].orgId = 'a12345678/../etc'),
      /^readings\[0\]\.orgId: .* is not a well-formed id/,
    ],
    [
      'an organisation id that is a number',
      (f) => (f.readings[0].orgId = 7),
      /^readings\[0\]\.orgId: 7 is not a well-formed id/,
    ],
    [
      'negative money',
      (f) => (f.readings[1].extra.usedMinor = -5),
      /^readings\[1\]\.extra\.usedMinor: -5 is not an amount between 0 and 1000000000000 minor units/,
    ],
    [
      'endless money',
      (f) => (f.readings[1].extra.limitMinor = 1e300),
      /^readings\[1\]\.extra\.limitMinor: 1e\+300 is not an amount/,
    ],
    [
      'a long currency',
      (f) => (f.readings[1].extra.currency = 'DOLLARS'),
      /^readings\[1\]\.extra\.currency: .* is not a text of 1 to 3/,
    ],
    [
      'an odd exponent',
      (f) => (f.readings[1].extra.exponent = 9),
      /^readings\[1\]\.extra\.exponent: 9 is not one of 0, 1, 2, 3, 4/,
    ],
    [
      'extra usage as a list',
      (f) => (f.readings[1].extra = [1]),
      /^readings\[1\]\.extra is not an object/,
    ],
    [
      'an unknown tier',
      (f) => (f.readings[2].tier = 5),
      /^readings\[2\]\.tier: 5 is not one of 0, 10, 60/,
    ],
    [
      'limits that are not a list',
      (f) => (f.readings[0].limits = {}),
      /^readings\[0\]\.limits is not a list of at most 50/,
    ],
    [
      'a reading that is not an object',
      (f) => (f.readings[2] = 'hello'),
      /^readings\[2\] is not an object/,
    ],
    [
      'two readings of one organisation at one time',
      (f) => (f.readings[2].at = f.readings[0].at),
      /^readings\[2\] has the same organisation and time as readings\[0\]/,
    ],
  ])('refuses %s, naming the path', (_name, spoil, reason) => {
    const file = exportJson();
    spoil(file);
    expect(refusal(file)).toMatch(reason);
  });

  it.each([
    [
      'a reading',
      (f: Json) => `{"__proto__":{"polluted":1},${JSON.stringify(f.readings[0]).slice(1)}`,
      /^readings\[0\]\.__proto__: this key is not allowed/,
    ],
    [
      'a limit',
      (f: Json) =>
        JSON.stringify({ ...f.readings[0], limits: [] }).replace(
          '"limits":[]',
          '"limits":[{"__proto__":{}}]',
        ),
      /^readings\[0\]\.limits\[0\]\.__proto__: this key/,
    ],
  ])('refuses a __proto__ key in %s', (_name, reading, reason) => {
    const file = exportJson();
    const text = JSON.stringify({ ...file, readings: ['READING'] }).replace(
      '"READING"',
      reading(file),
    );
    const parsed = parseImport(text, bounds);
    expect(parsed.ok ? null : parsed.reason).toMatch(reason);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('refuses a __proto__ key at the top of the file', () => {
    const text = JSON.stringify(exportJson()).replace('{', '{"__proto__":{"x":1},');
    expect(readImportFile(text)).toEqual({ ok: false, reason: expect.stringMatching(/__proto__/) });
  });

  it('accepts the edges: percent 0 and 1000, a reading five minutes ahead, no reset', () => {
    const file = exportJson();
    file.readings[0].limits[0].percent = 0;
    file.readings[0].limits[1].percent = 1000;
    file.readings[1].at = NOW + 5 * 60_000;
    file.readings[1].limits[0].resetsAt = null;
    expect(parseImport(JSON.stringify(file), bounds).ok).toBe(true);
  });

  it('leaves out and counts readings older than the history keeps, writing none of them', () => {
    const file = exportJson();
    file.readings[0].at = NOW - 400 * DAY;
    const parsed = parseImport(JSON.stringify(file), bounds);
    expect(parsed).toEqual({ ok: true, readings: file.readings.slice(1), tooOld: 1 });
  });

  it("takes back an added login's readings, keyed `<account id>/<uuid>` as they were exported", () => {
    const file = exportJson();
    file.readings[0].orgId = `a0k3x9z1q/${file.readings[0].orgId}`;
    const parsed = parseImport(JSON.stringify(file), bounds);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.readings[0]!.orgId).toBe(file.readings[0].orgId);
  });

  it('keeps only the fields a reading has', () => {
    const file = exportJson();
    file.readings[0].note = 'x'.repeat(10_000);
    file.readings[0].limits[0].script = '<img onerror=alert(1)>';
    const parsed = parseImport(JSON.stringify(file), bounds);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(Object.keys(parsed.readings[0]!).sort()).toEqual(['at', 'extra', 'limits', 'orgId']);
    expect(Object.keys(parsed.readings[0]!.limits[0]!).sort()).toEqual([
      'id',
      'kind',
      'label',
      'percent',
      'resetsAt',
    ]);
  });
});
