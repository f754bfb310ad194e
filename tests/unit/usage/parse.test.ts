import { describe, expect, it } from 'vitest';
import { parseUsage } from '../../../lib/usage/parse';
import type { Limit } from '../../../lib/usage/types';
import { fixture } from '../support/fixtures';

function parsed(payload: unknown) {
  const result = parseUsage(payload);
  if (!result.ok) throw new Error(`expected a reading, got: ${result.detail}`);
  return result;
}

const summary = (limits: Limit[]) => limits.map((l) => [l.id, l.label, l.percent]);

describe('parseUsage on real-shaped payloads', () => {
  it('reads max-sep-2026: session, weekly and Sonnet, and no row for nimbus_quill', () => {
    const { limits, extra } = parsed(fixture('max-sep-2026.json'));
    expect(summary(limits)).toEqual([
      ['session', '5-hour session', 48],
      ['weekly', 'Weekly (all models)', 64],
      ['weekly:sonnet', 'Weekly · Sonnet', 2],
    ]);
    expect(limits[0]!.resetsAt).toBe(Date.parse('2026-09-05T12:59:59.966Z'));
    expect(extra).toEqual({ usedMinor: 0, limitMinor: null, currency: 'EUR', exponent: 2 });
  });

  it('reads the Fable cap only present in limits[], distinct from the weekly all-models limit', () => {
    const { limits } = parsed(fixture('max-fable-scoped-aug-2026.json'));
    expect(summary(limits)).toEqual([
      ['session', '5-hour session', 50],
      ['weekly', 'Weekly (all models)', 39],
      ['weekly:fable', 'Weekly · Fable', 52],
    ]);
    expect(limits[2]!.kind).toBe('weekly_model');
  });

  it('reads max-feb-2026 with Opus not started and extra usage disabled', () => {
    const { limits, extra } = parsed(fixture('max-feb-2026.json'));
    expect(summary(limits)).toEqual([
      ['session', '5-hour session', 37],
      ['weekly', 'Weekly (all models)', 26],
      ['weekly:opus', 'Weekly · Opus', 0],
      ['weekly:sonnet', 'Weekly · Sonnet', 12],
    ]);
    expect(limits[2]!.resetsAt).toBeNull();
    expect(extra).toBeNull();
  });

  it('reads a Pro session that has not started as 0 % with no reset time', () => {
    const { limits } = parsed(fixture('pro-feb-2026.json'));
    expect(limits[0]).toEqual({
      id: 'session',
      kind: 'session',
      label: '5-hour session',
      percent: 0,
      resetsAt: null,
    });
  });

  it('reads an Enterprise plan without a session window', () => {
    const { limits } = parsed(fixture('enterprise-no-session.json'));
    expect(summary(limits)).toEqual([['weekly', 'Weekly (all models)', 12]]);
  });

  it('keeps usage over 100 % raw and reads extra usage in minor units', () => {
    const { limits, extra } = parsed(fixture('extra-usage-cents.json'));
    expect(limits[0]!.percent).toBe(100);
    expect(extra).toEqual({ usedMinor: 1942.2, limitMinor: 2000, currency: 'USD', exponent: 2 });
  });
});

describe('parseUsage on variants', () => {
  const base = fixture<Record<string, unknown>>('max-sep-2026.json');

  it('prefers limits[] over the flat key for the same limit', () => {
    const payload = { ...base, five_hour: { utilization: 40, resets_at: null } };
    expect(parsed(payload).limits[0]!.percent).toBe(48);
  });

  it('reads flat keys when limits[] is empty', () => {
    expect(summary(parsed({ ...base, limits: [] }).limits)[0]).toEqual([
      'session',
      '5-hour session',
      48,
    ]);
  });

  it('reads limits[] when the flat keys are missing', () => {
    const { limits } = parsed({ limits: base.limits });
    expect(summary(limits)).toEqual([
      ['session', '5-hour session', 48],
      ['weekly', 'Weekly (all models)', 64],
    ]);
  });

  it.each([
    ['a numeric string', '48', 48],
    ['a value over 100', 130.5, 130.5],
  ])('reads a percentage given as %s', (_name, value, expected) => {
    const payload = { five_hour: { utilization: value, resets_at: null } };
    expect(parsed(payload).limits[0]!.percent).toBe(expected);
  });

  it.each([
    ['null', null],
    ['negative', -5],
    ['a word', 'lots'],
    ['NaN as a string', 'NaN'],
  ])('refuses a session utilization that is %s', (_name, value) => {
    expect(parseUsage({ ...base, limits: [], five_hour: { utilization: value } }).ok).toBe(false);
  });

  it('drops a per-model window it cannot read but keeps the rest', () => {
    const payload = { ...base, seven_day_sonnet: { utilization: null, resets_at: null } };
    expect(parsed(payload).limits.map((l) => l.id)).toEqual(['session', 'weekly']);
  });

  it('reads an unparsable resets_at as unknown, never as NaN', () => {
    const payload = { five_hour: { utilization: 10, resets_at: 'soon' } };
    expect(parsed(payload).limits[0]!.resetsAt).toBeNull();
  });

  it('never turns unknown or code-named keys into limits', () => {
    const payload = {
      ...base,
      amber_ladder: { utilization: 99, resets_at: '2026-09-05T12:59:59+00:00' },
      omelette_promotional: { utilization: 5, resets_at: null },
      nimbus_quill: { utilization: 0, resets_at: null },
      limits: [...(base.limits as unknown[]), { kind: 'mystery', percent: 80 }],
    };
    expect(parsed(payload).limits.map((l) => l.id)).toEqual(['session', 'weekly', 'weekly:sonnet']);
  });

  it('names other surfaces when present', () => {
    const payload = { ...base, seven_day_oauth_apps: { utilization: 7, resets_at: null } };
    const last = parsed(payload).limits.at(-1)!;
    expect([last.id, last.kind, last.label]).toEqual([
      'other:oauth_apps',
      'other',
      'Weekly · OAuth apps',
    ]);
  });

  it('merges a scoped Sonnet cap with seven_day_sonnet into one row', () => {
    const scoped = {
      kind: 'weekly_scoped',
      percent: 3,
      resets_at: null,
      scope: { model: { id: null, display_name: 'Sonnet' } },
    };
    const payload = { ...base, limits: [...(base.limits as unknown[]), scoped] };
    const sonnet = parsed(payload).limits.filter((l) => l.id === 'weekly:sonnet');
    expect(sonnet).toHaveLength(1);
    expect(sonnet[0]!.percent).toBe(3);
  });

  it('reads an all-null payload as a reading with no limits', () => {
    expect(parsed({ five_hour: null, seven_day: null }).limits).toEqual([]);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'usage'],
    ['an error body', { type: 'error', error: { message: 'x' } }],
    ['a foreign object', { hello: 'world' }],
  ])('refuses %s', (_name, payload) => {
    expect(parseUsage(payload).ok).toBe(false);
  });
});
