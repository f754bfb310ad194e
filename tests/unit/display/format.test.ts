import { describe, expect, it } from 'vitest';
import { formatForecastIn } from '../../../lib/display/duration';
import {
  barValue,
  formatCountdown,
  formatBalance,
  formatExtra,
  formatMoney,
  formatPercent,
  nextTickIn,
} from '../../../lib/display/format';

const NOW = Date.parse('2026-09-05T12:00:00Z');
const MIN = 60_000;

describe('formatCountdown', () => {
  it.each([
    [NOW + (2 * 60 + 11) * MIN, '2 h 11 min'],
    [NOW + (2 * 60 + 10) * MIN + 1, '2 h 11 min'],
    [NOW + 59_000, '59 s'],
    [NOW + 3 * 24 * 60 * MIN + 4 * 60 * MIN, '3 d 4 h'],
    [NOW, 'Resetting…'],
    [NOW - 5 * MIN, 'Resetting…'],
    [null, 'Not started'],
  ])('shows %s as %s', (resetsAt, text) => {
    expect(formatCountdown(resetsAt, NOW)).toBe(text);
  });
});

describe('nextTickIn', () => {
  it('ticks on the minute when more than a minute is left, each second in the last one', () => {
    expect(nextTickIn(NOW + 5 * MIN + 20_000, NOW)).toBe(20_000);
    expect(nextTickIn(NOW + 30_500, NOW)).toBe(500);
    expect(nextTickIn(NOW - 1, NOW)).toBeNull();
    expect(nextTickIn(null, NOW)).toBeNull();
  });
});

describe('percent and money', () => {
  it('keeps the raw percent in text and clamps the bar', () => {
    expect(formatPercent(130.4)).toBe('130%');
    expect([barValue(130.4), barValue(-3), barValue(47.5)]).toEqual([100, 0, 48]);
  });

  it('never shows 100% before the raw value reaches it', () => {
    expect([99, 99.4, 99.6, 99.99].map((p) => formatPercent(p, 'en'))).toEqual([
      '99%',
      '99%',
      '99%',
      '99%',
    ]);
    expect(formatPercent(100, 'en')).toBe('100%');
    expect([barValue(99.6), barValue(99.99), barValue(100)]).toEqual([99, 99, 100]);
    expect(formatPercent(98.6, 'en')).toBe('99%');
  });

  it.each([
    ['en', /^91%$/],
    ['de', /^91\u00a0%$/],
    // French uses a narrow no-break space in newer ICU data, a no-break space in older.
    ['fr', /^91[\u00a0\u202f]%$/],
    ['es', /^91\u00a0%$/],
    ['ja', /^91%$/],
  ])('writes the percent the %s way', (locale, text) => {
    expect(formatPercent(91.2, locale)).toMatch(text);
  });

  it('never writes NaN for a bad value', () => {
    expect(formatPercent(Number.NaN, 'en')).toBe('0%');
    expect(barValue(Number.NaN)).toBe(0);
  });

  it('turns minor units into the account currency', () => {
    expect(formatMoney(1942.2, 'USD', 2, 'en-US')).toBe('$19.42');
    expect(formatMoney(500, 'JPY', 0, 'en-US')).toBe('¥500');
    expect(formatMoney(100, 'XXX-not', 2, 'en-US')).toBe('1.00 XXX-not');
  });

  it('says the cap, or that there is none', () => {
    expect(
      formatExtra({ usedMinor: 1250, limitMinor: 5000, currency: 'EUR', exponent: 2 }, 'en-US'),
    ).toBe('€12.50 of your €50.00 monthly cap');
    expect(
      formatExtra({ usedMinor: 0, limitMinor: null, currency: 'USD', exponent: 2 }, 'en-US'),
    ).toBe('$0.00 · no monthly cap');
  });

  it('says a prepaid balance as a balance, apart from the cap', () => {
    expect(formatBalance({ amountMinor: 366, currency: 'USD', exponent: 2 }, 'en-US')).toBe(
      'balance $3.66',
    );
    expect(formatBalance({ amountMinor: 50000, currency: 'JPY', exponent: 0 }, 'en-US')).toBe(
      'balance ¥50,000',
    );
  });
});

describe('formatForecastIn', () => {
  it.each([
    [-5_000, '1 min'],
    [0, '1 min'],
    [2_000, '1 min'],
    [Number.NaN, '1 min'],
    [90_000, '2 min'],
    [2 * 3_600_000 + 60_000, '2 h 1 min'],
  ])('%s ms → %s: a forecast is whole minutes, at least one', (ms, text) => {
    expect(formatForecastIn(ms)).toBe(text);
  });
});
