import { describe, expect, it } from 'vitest';
import { currencyExponent, parseCredits, parseExtra } from '../../../lib/usage/money';
import { fixture } from '../support/fixtures';

const both = () => fixture<Record<string, unknown>>('variant-spend-and-extra.json');

describe('parseExtra', () => {
  it('prefers spend over extra_usage when both are there', () => {
    expect(parseExtra(both())).toEqual({
      usedMinor: 1250,
      limitMinor: 5000,
      currency: 'USD',
      exponent: 2,
    });
  });

  it('reads extra_usage when spend is absent', () => {
    expect(parseExtra({ ...both(), spend: null })).toEqual({
      usedMinor: 900,
      limitMinor: 2000,
      currency: 'USD',
      exponent: 2,
    });
  });

  it('shows no extra usage when spend says it is off, whatever extra_usage says', () => {
    expect(parseExtra({ ...both(), spend: { enabled: false } })).toBeNull();
  });

  it('shows none when extra_usage is not enabled, or nothing readable is there', () => {
    expect(parseExtra({ extra_usage: { is_enabled: false, used_credits: 5 } })).toBeNull();
    expect(parseExtra({})).toBeNull();
  });

  it('falls back to US dollars in cents for an unreadable currency or exponent', () => {
    const extra = { is_enabled: true, used_credits: 40, currency: 'dollars', decimal_places: 9 };
    expect(parseExtra({ extra_usage: extra })).toEqual({
      usedMinor: 40,
      limitMinor: null,
      currency: 'USD',
      exponent: 2,
    });
  });
});

describe('parseCredits', () => {
  it.each([
    ['prepaid-credits.json', { amountMinor: 366, currency: 'USD', exponent: 2 }],
    ['variant-prepaid-jpy.json', { amountMinor: 50000, currency: 'JPY', exponent: 0 }],
  ])('reads the prepaid balance of %s in minor units', (name, expected) => {
    expect(parseCredits(fixture(name))).toEqual(expected);
  });

  it.each([
    ['null', null],
    ['no amount', { currency: 'USD' }],
    ['a negative amount', { amount: -5, currency: 'USD' }],
    ['no currency', { amount: 366 }],
    ['a word for a currency', { amount: 366, currency: 'dollars' }],
  ])('reads no balance, never a zero one, from %s', (_name, payload) => {
    expect(parseCredits(payload)).toBeNull();
  });
});

describe('currencyExponent', () => {
  it.each([
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['XYZ?', 2],
  ])('gives %s %i minor digits', (currency, digits) => {
    expect(currencyExponent(currency)).toBe(digits);
  });
});
