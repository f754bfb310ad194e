import { describe, expect, it } from 'vitest';
import { dateFormat, numberFormat, percentText } from '../../../lib/display/intl-cache';

describe('dateFormat and numberFormat', () => {
  it('make one formatter per set of options and hand the same one back', () => {
    const options = { dateStyle: 'medium' } as const;
    expect(dateFormat({ ...options })).toBe(dateFormat({ ...options }));
    expect(dateFormat(options)).not.toBe(dateFormat({ timeStyle: 'short' }));
    expect(numberFormat({ style: 'percent' })).toBe(numberFormat({ style: 'percent' }));
    expect(numberFormat({ style: 'percent' })).not.toBe(numberFormat({ style: 'decimal' }));
  });

  it('format with the options given', () => {
    const at = Date.UTC(2026, 8, 7, 6, 5);
    expect(
      dateFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(
        at,
      ),
    ).toBe('06:05');
    expect(numberFormat({ maximumFractionDigits: 1 }).format(2.25)).toMatch(/^2[.,]3$/);
  });
});

describe('percentText', () => {
  it('writes a whole percent, rounded, in the English tests\u2019 style', () => {
    expect(percentText(48)).toBe('48%');
    expect(percentText(47.6)).toBe('48%');
    expect(percentText(120)).toBe('120%');
    // Rounded before dividing: 100.49999… divided by 100 is 1.005, which would show 101%.
    expect(percentText(1.005 * 100)).toBe('100%');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('never shows NaN: %s is a dash', (value) => {
    expect(percentText(value)).toBe('–');
  });
});
