import { describe, expect, it } from 'vitest';
import { parseUsage } from '../../../lib/usage/parse';
import type { Limit } from '../../../lib/usage/types';
import { fixture } from '../support/fixtures';

/** The shapes claude.ai sends since late 2026: named caps, the Free plan, money. */

function parsed(name: string) {
  const result = parseUsage(fixture(name));
  if (!result.ok) throw new Error(`expected a reading of ${name}, got: ${result.detail}`);
  return result;
}

const rows = (limits: Limit[]) => limits.map((l) => [l.id, l.kind, l.label, l.percent]);

describe('parseUsage: the Fable cap', () => {
  it('reads seven_day_fable at top level alone as the Fable weekly row', () => {
    expect(rows(parsed('variant-fable-flat-only.json').limits)).toEqual([
      ['session', 'session', '5-hour session', 23],
      ['weekly', 'weekly', 'Weekly (all models)', 41],
      ['weekly:fable', 'weekly_model', 'Weekly · Fable', 57],
    ]);
  });

  it.each([['max-nov-2026-design.json'], ['variant-fable-both-differ.json']])(
    'gives %s one Fable row when both vocabularies carry it, limits[] winning',
    (name) => {
      const fable = parsed(name).limits.filter((l) => l.label.includes('Fable'));
      expect(fable.map((l) => [l.id, l.percent])).toEqual([['weekly:fable', 57]]);
    },
  );
});

describe('parseUsage: Claude Design and other surfaces', () => {
  it('reads seven_day_omelette as "Weekly · Claude Design" and no code-named key as a row', () => {
    const { limits } = parsed('variant-omelette.json');
    expect(rows(limits)).toEqual([
      ['session', 'session', '5-hour session', 12],
      ['weekly', 'weekly', 'Weekly (all models)', 30],
      ['surface:design', 'other', 'Weekly · Claude Design', 64],
    ]);
  });

  it('gives the design sample its Claude Design row beside Fable', () => {
    expect(parsed('max-nov-2026-design.json').limits.map((l) => [l.id, l.percent])).toEqual([
      ['session', 23],
      ['weekly', 41],
      ['weekly:fable', 57],
      ['surface:design', 18],
    ]);
  });

  it('gives each surface named in limits[] its own row, in the server spelling, merged with its flat twin', () => {
    const { limits } = parsed('variant-surface-in-limits.json');
    expect(rows(limits)).toEqual([
      ['session', 'session', '5-hour session', 12],
      ['weekly', 'weekly', 'Weekly (all models)', 30],
      ['surface:design', 'other', 'Weekly · Claude Design', 64],
      ['surface:claude-in-chrome', 'other', 'Weekly · Claude in Chrome', 8],
    ]);
  });

  it('keeps our names for routines and cowork unless the payload names them', () => {
    const flatOnly = parseUsage({
      five_hour: null,
      seven_day: null,
      seven_day_routines: { utilization: 4, resets_at: null },
      seven_day_cowork: { utilization: 6, resets_at: null },
    });
    const named = parseUsage({
      limits: [
        {
          kind: 'weekly_scoped',
          percent: 9,
          scope: { surface: { display_name: 'Daily Routines', id: 'routines' } },
        },
      ],
    });
    expect(flatOnly.ok && rows(flatOnly.limits)).toEqual([
      ['other:cowork', 'other', 'Weekly · Cowork', 6],
      ['other:routines', 'other', 'Weekly · Routines', 4],
    ]);
    expect(named.ok && rows(named.limits)).toEqual([
      ['other:routines', 'other', 'Weekly · Daily Routines', 9],
    ]);
  });

  it('never makes a row of an unknown flat key, even one shaped like a window', () => {
    const { limits } = parsed('max-nov-2026-design.json');
    expect(limits.map((l) => l.id)).not.toContain('other:nimbus_quill');
    expect(limits.some((l) => /nimbus|iguana|promotional/i.test(l.label))).toBe(false);
  });
});

describe('parseUsage: a percent readable in only one vocabulary', () => {
  it('takes the readable one and makes no 0 % row for a cap nobody gave a number for', () => {
    const { limits } = parsed('variant-null-in-one.json');
    expect(limits.map((l) => [l.id, l.percent])).toEqual([
      ['session', 23],
      ['weekly', 41],
      ['weekly:fable', 57],
    ]);
  });

  it('still refuses a session window that neither vocabulary can read', () => {
    const result = parseUsage({
      five_hour: { utilization: 'lots' },
      seven_day: { utilization: 10, resets_at: null },
      limits: [{ kind: 'session', percent: null }],
    });
    expect(result.ok).toBe(false);
  });

  it('reads a garbled limits[] session when the flat key has the number', () => {
    const result = parseUsage({
      five_hour: { utilization: 33, resets_at: null },
      limits: [{ kind: 'session', percent: 'n/a' }],
    });
    expect(result.ok && result.limits.map((l) => [l.id, l.percent])).toEqual([['session', 33]]);
  });
});

describe('parseUsage: the Free plan', () => {
  it.each([
    ['free-nov-2026.json'],
    ['variant-free-limits-only.json'],
    ['variant-free-flat-only.json'],
  ])('reads %s as a good reading with no limits and no money', (name) => {
    const result = parseUsage(fixture(name));
    expect(result).toEqual({ ok: true, limits: [], extra: null });
  });

  it('reads limits[] whose known entries all have no percent as no limits, not as broken', () => {
    const result = parseUsage({
      limits: [
        { kind: 'weekly_scoped', percent: null, scope: { model: { display_name: 'Fable' } } },
      ],
    });
    expect(result).toEqual({ ok: true, limits: [], extra: null });
  });
});
