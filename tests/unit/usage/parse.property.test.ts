import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../../../lib/usage/errors';
import { parseOrganizations } from '../../../lib/usage/orgs';
import { parseUsage } from '../../../lib/usage/parse';

const NOW = Date.parse('2026-09-05T12:00:00Z');
const RUNS = 4_000;

/** Windows as the server might garble them: right keys, any values. */
const windowValue = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      utilization: fc.oneof(
        fc.double(),
        fc.integer(),
        fc.string(),
        fc.constant(null),
        fc.constant('NaN'),
      ),
      resets_at: fc.oneof(
        fc.string(),
        fc.date({ noInvalidDate: false }).map(String),
        fc.constant(null),
        fc.integer(),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

const limitEntry = fc.record(
  {
    kind: fc.constantFrom('session', 'weekly_all', 'weekly_scoped', 'mystery', 42),
    percent: fc.oneof(
      fc.double(),
      fc.integer({ min: -10, max: 200 }),
      fc.string(),
      fc.constant(null),
    ),
    resets_at: fc.oneof(fc.string(), fc.constant(null)),
    scope: fc.oneof(
      fc.constant(null),
      fc.record({ model: fc.record({ display_name: fc.oneof(fc.string(), fc.constant(null)) }) }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

const usageLike = fc.record(
  {
    five_hour: windowValue,
    seven_day: windowValue,
    seven_day_sonnet: windowValue,
    limits: fc.oneof(fc.array(limitEntry, { maxLength: 5 }), fc.anything()),
    extra_usage: fc.anything(),
    spend: fc.anything(),
  },
  { requiredKeys: [] },
);

function expectFiniteNumbers(value: unknown): void {
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  else if (Array.isArray(value)) value.forEach(expectFiniteNumbers);
  else if (value && typeof value === 'object') Object.values(value).forEach(expectFiniteNumbers);
}

describe('parseUsage, whatever it is given', () => {
  it('returns a typed result with only finite, non-negative numbers and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(usageLike, fc.anything(), fc.jsonValue()), (payload) => {
        const result = parseUsage(payload);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) return;
        expectFiniteNumbers(result);
        for (const limit of result.limits) {
          expect(limit.percent).toBeGreaterThanOrEqual(0);
          expect(limit.label.length).toBeGreaterThan(0);
          expect(['session', 'weekly', 'weekly_model', 'other']).toContain(limit.kind);
        }
        expect(new Set(result.limits.map((l) => l.id)).size).toBe(result.limits.length);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('classifyResponse, whatever the server answers', () => {
  it('returns a typed result for any status, headers and body and never throws', () => {
    const headers = fc.dictionary(
      fc.constantFrom('content-type', 'retry-after', 'cf-mitigated', 'x-other'),
      fc.oneof(
        fc.string(),
        fc.constantFrom('text/html', 'challenge', '120', 'Wed, 21 Oct 2026 07:28:00 GMT'),
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        headers,
        fc.oneof(fc.string(), fc.json()),
        (status, h, body) => {
          const result = classifyResponse({ status, body, header: (name) => h[name] ?? null }, NOW);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expectFiniteNumbers(result.failure);
            if (result.failure.kind === 'signed_out')
              expect(body).toContain('account_session_invalid');
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('parseOrganizations, whatever it is given', () => {
  it('returns null or a list of chat organisations with text names and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.array(
            fc.record({ uuid: fc.string(), name: fc.anything(), capabilities: fc.anything() }),
          ),
        ),
        (payload) => {
          const orgs = parseOrganizations(payload);
          if (orgs === null) return;
          for (const org of orgs) {
            expect(typeof org.name).toBe('string');
            expect(org.uuid).toMatch(/^[A-Za-z0-9-]+$/);
          }
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });
});
