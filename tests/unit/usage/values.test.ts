import { describe, expect, it } from 'vitest';
import { asRecord, readAmount, readPercent, readText, readTime } from '../../../lib/usage/values';

describe('tolerant payload readers', () => {
  it('asRecord takes plain objects only', () => {
    expect(asRecord({ a: 1 })).toEqual({ a: 1 });
    for (const bad of [null, undefined, [], 'x', 3, true]) expect(asRecord(bad)).toBeNull();
  });

  it('readPercent takes finite non-negative numbers and numeric strings, keeps values over 100', () => {
    expect(readPercent(42.5)).toBe(42.5);
    expect(readPercent(' 17 ')).toBe(17);
    expect(readPercent('3.25')).toBe(3.25);
    expect(readPercent(0)).toBe(0);
    expect(readPercent(130)).toBe(130);
    for (const bad of [-1, '-4', Number.NaN, Number.POSITIVE_INFINITY, '12%', '', '1e3', null, {}])
      expect(readPercent(bad)).toBeNull();
  });

  it('readAmount follows the same rules for money in minor units', () => {
    expect(readAmount(1999)).toBe(1999);
    expect(readAmount(-1)).toBeNull();
  });

  it('readTime parses ISO times with microseconds, and refuses junk and overlong strings', () => {
    expect(readTime('2026-09-05T15:00:59.966454+00:00')).toBe(
      Date.parse('2026-09-05T15:00:59.966Z'),
    );
    expect(readTime('2026-09-05T15:00:00Z')).toBe(Date.parse('2026-09-05T15:00:00Z'));
    for (const bad of [
      'soon',
      '',
      1_700_000_000_000,
      null,
      `2026-09-05T15:00:00Z${' '.repeat(64)}`,
    ])
      expect(readTime(bad)).toBeNull();
  });

  it('readText trims, refuses empty or non-strings, and cuts to the given length', () => {
    expect(readText('  Opus  ')).toBe('Opus');
    expect(readText('   ')).toBeNull();
    expect(readText(5)).toBeNull();
    expect(readText('x'.repeat(300))).toHaveLength(200);
    expect(readText('abcdef', 3)).toBe('abc');
  });
});
