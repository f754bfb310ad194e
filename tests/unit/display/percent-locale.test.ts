import { describe, expect, it } from 'vitest';
import { badgePercentText } from '../../../lib/badge/badge';
import { formatPercent } from '../../../lib/display/format';

/** A space the locale puts before "%": a no-break space, or the narrow one newer ICU data uses. */
const SPACE = /^[\u00a0\u202f]$/;

describe('formatPercent in the person’s language', () => {
  it.each([
    ['en', '91%'],
    ['ja', '91%'],
  ])('writes 91 in %s as %s', (locale, text) => {
    expect(formatPercent(91, locale)).toBe(text);
  });

  it.each(['de', 'fr'])('writes 91 in %s with a no-break space before the sign', (locale) => {
    const text = formatPercent(91, locale);
    expect(text.slice(0, 2)).toBe('91');
    expect(text.slice(2, 3)).toMatch(SPACE);
    expect(text.slice(3)).toBe('%');
  });
});

describe('badgePercentText', () => {
  it.each([
    ['en', 64, '64%'],
    ['ja', 64, '64%'],
    ['en', 100, '100%'],
    ['de', 100, '100%'],
    ['fr', 100, '100%'],
    ['en', 130.4, '130%'],
    ['en', 2000, '999%'],
    ['de', 2000, '999%'],
  ])('fits %s %s into four characters as %s', (locale, percent, text) => {
    expect(badgePercentText(percent, true, locale)).toBe(text);
  });

  it.each(['de', 'fr'])('keeps the locale’s space in %s while it fits', (locale) => {
    const text = badgePercentText(64, true, locale);
    expect(text).toBe(formatPercent(64, locale));
    expect(text).toHaveLength(4);
  });

  it('shows the bare number without the sign, and never a negative or NaN', () => {
    expect(badgePercentText(64, false, 'fr')).toBe('64');
    expect(badgePercentText(-3, true, 'en')).toBe('0%');
    expect(badgePercentText(Number.NaN, true, 'en')).not.toMatch(/NaN/);
  });
});
