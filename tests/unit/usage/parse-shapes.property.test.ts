import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCredits } from '../../../lib/usage/money';
import { parseUsage } from '../../../lib/usage/parse';
import { readPercent } from '../../../lib/usage/values';

const RUNS = 2_000;

/** A percent as the server might send it: readable, null, missing or garbled. */
const percentValue = fc.oneof(
  fc.integer({ min: 0, max: 150 }),
  fc.double({ min: 0, max: 150, noNaN: true }),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('n/a', -3, 'NaN'),
);

const window = (utilization: unknown) =>
  utilization === undefined ? null : { utilization, resets_at: null };

const scoped = (percent: unknown, scope: unknown) => ({ kind: 'weekly_scoped', percent, scope });

/** Every percent the payload carries anywhere, as a reader would take it. */
function readablePercents(value: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(value)) value.forEach((v) => readablePercents(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'utilization' || key === 'percent') {
        const p = readPercent(v);
        if (p !== null) out.add(p);
      } else readablePercents(v, out);
    }
  }
  return out;
}

describe('parseUsage on the newer caps, whatever their values', () => {
  it('gives Fable exactly one row when either vocabulary can read it, limits[] first', () => {
    fc.assert(
      fc.property(percentValue, percentValue, (flat, listed) => {
        const payload = {
          five_hour: null,
          seven_day: null,
          seven_day_fable: window(flat),
          limits: [scoped(listed, { model: { id: null, display_name: 'Fable' }, surface: null })],
        };
        const result = parseUsage(payload);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const fable = result.limits.filter((l) => l.id === 'weekly:fable');
        const expected = readPercent(listed) ?? readPercent(flat);
        expect(fable.map((l) => l.percent)).toEqual(expected === null ? [] : [expected]);
        expect(result.limits).toHaveLength(fable.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('makes one Claude Design row from seven_day_omelette and a design surface, or none', () => {
    const surface = fc.constantFrom(
      'design',
      'Claude Design',
      { id: 'omelette', display_name: 'Claude Design' },
      { display_name: 'Design' },
    );
    fc.assert(
      fc.property(percentValue, percentValue, surface, (flat, listed, named) => {
        const payload = {
          five_hour: null,
          seven_day: null,
          seven_day_omelette: window(flat),
          limits: [scoped(listed, { model: null, surface: named })],
        };
        const result = parseUsage(payload);
        if (!result.ok) throw new Error(result.detail);
        const design = result.limits.filter((l) => l.id === 'surface:design');
        const expected = readPercent(listed) ?? readPercent(flat);
        expect(design.map((l) => l.percent)).toEqual(expected === null ? [] : [expected]);
        for (const l of design) expect(l.label).toMatch(/^Weekly · .*Design$/);
      }),
      { numRuns: RUNS },
    );
  });

  it('never shows a percent the payload did not carry, and no row for an unknown flat key', () => {
    const key = fc.constantFrom(
      'nimbus_quill',
      'iguana_necktie',
      'amber_ladder',
      'omelette_promotional',
    );
    const name = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.record({
          five_hour: fc.oneof(fc.constant(null), percentValue.map(window)),
          seven_day: fc.oneof(fc.constant(null), percentValue.map(window)),
          seven_day_fable: percentValue.map(window),
          seven_day_omelette: percentValue.map(window),
          unknown: fc.tuple(key, percentValue),
          limits: fc.array(
            fc.oneof(
              fc
                .tuple(percentValue, name)
                .map(([p, n]) => scoped(p, { model: { display_name: n } })),
              fc.tuple(percentValue, name).map(([p, n]) => scoped(p, { surface: n })),
              percentValue.map((p) => ({ kind: 'session', percent: p })),
            ),
            { maxLength: 4 },
          ),
        }),
        ({ unknown: [unknownKey, unknownValue], ...rest }) => {
          const payload = {
            ...rest,
            [unknownKey]: window(unknownValue) ?? { utilization: 0, resets_at: null },
          };
          const result = parseUsage(payload);
          if (!result.ok) return;
          const carried = readablePercents({ ...rest, limits: rest.limits });
          for (const limit of result.limits) {
            expect(carried.has(limit.percent)).toBe(true);
            expect(limit.label).not.toMatch(/nimbus|iguana|amber|promotional/);
          }
          expect(new Set(result.limits.map((l) => l.id)).size).toBe(result.limits.length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads any Free-plan shape (every window null, limits empty) as a good reading with no rows', () => {
    const keys = [
      'five_hour',
      'seven_day',
      'seven_day_opus',
      'seven_day_sonnet',
      'seven_day_fable',
      'seven_day_omelette',
      'seven_day_oauth_apps',
      'iguana_necktie',
      'extra_usage',
      'spend',
    ];
    fc.assert(
      fc.property(fc.subarray(keys), fc.boolean(), (present, withLimits) => {
        const payload: Record<string, unknown> = Object.fromEntries(present.map((k) => [k, null]));
        if (withLimits || !present.some((k) => k === 'five_hour' || k === 'seven_day'))
          payload.limits = [];
        expect(parseUsage(payload)).toEqual({ ok: true, limits: [], extra: null });
      }),
      { numRuns: RUNS / 4 },
    );
  });
});

describe('parseCredits, whatever it is given', () => {
  it('returns null or a finite, non-negative balance in a three-letter currency, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            amount: fc.oneof(fc.double(), fc.integer(), fc.string()),
            currency: fc.oneof(fc.string(), fc.constantFrom('USD', 'eur', 'JPY')),
          }),
        ),
        (payload) => {
          const balance = parseCredits(payload);
          if (balance === null) return;
          expect(Number.isFinite(balance.amountMinor) && balance.amountMinor >= 0).toBe(true);
          expect(balance.currency).toMatch(/^[A-Z]{3}$/);
          expect(Number.isInteger(balance.exponent)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
