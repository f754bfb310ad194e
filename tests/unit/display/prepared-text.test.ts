import { afterEach, describe, expect, it } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import german from '../../../public/_locales/de/messages.json';
import { formatCountdown, formatPercent } from '../../../lib/display/format';
import { formatDuration } from '../../../lib/display/duration';
import {
  t,
  uiLocale,
  useFallbackMessages,
  usePreparedText,
  type MessageKey,
} from '../../../lib/display/i18n';
import {
  PREPARED_KEYS,
  prepareText,
  readPreparedText,
  type PreparedText,
} from '../../../lib/display/prepared-text';

/** The texts as a worker with German messages would make them. */
function germanText(): PreparedText {
  useFallbackMessages(german);
  try {
    return prepareText(t, 'de', (n) => formatPercent(n, 'de'));
  } finally {
    useFallbackMessages(english);
  }
}

afterEach(() => usePreparedText(null));

describe('prepareText', () => {
  it('keeps each substitution as a slot to fill where the text is shown', () => {
    const text = germanText();
    expect(text.messages.durationHoursMinutes).toBe('$1 Std. $2 Min.');
    expect(text.messages.countdownResetsIn).toBe('Zurücksetzung in $1');
    expect(text.messages.meterWeeklyShort).toBe('Wo.');
    expect(Object.keys(text.messages).sort()).toEqual([...PREPARED_KEYS].sort());
  });

  it('has every whole percent from 0 to 100 in the locale’s style', () => {
    const { percents } = germanText();
    expect(percents).toHaveLength(101);
    expect(percents[0]).toBe(formatPercent(0, 'de'));
    expect(percents[48]).toBe(formatPercent(48, 'de'));
    expect(percents[100]).toBe(formatPercent(100, 'de'));
  });
});

describe('t() with prepared texts', () => {
  it.each<[MessageKey, (string | number)[]]>([
    ['durationHoursMinutes', [2, 11]],
    ['durationDaysHours', [3, 4]],
    ['durationSeconds', [59]],
    ['countdownResetsIn', ['2 Std. 11 Min.']],
    ['meterOpen', []],
  ])('writes %s as the browser would, without asking it', (key, subs) => {
    useFallbackMessages(german);
    const direct = t(key, subs);
    useFallbackMessages(null);
    usePreparedText(germanText());
    expect(t(key, subs)).toBe(direct);
    useFallbackMessages(english);
  });

  it('formats durations and countdowns from them', () => {
    usePreparedText(germanText());
    expect(formatDuration(2 * 3_600_000 + 11 * 60_000)).toBe('2 Std. 11 Min.');
    expect(formatCountdown(1_000 + 90_000, 1_000)).toBe('2 Min.');
  });

  it('asks for a message it does not have as before', () => {
    usePreparedText(germanText());
    // Not prepared: the English fallback of the unit tests answers.
    expect(t('popupExtraUsage')).toBe(english.popupExtraUsage.message);
  });

  it('gives the prepared locale to Intl', () => {
    usePreparedText(germanText());
    expect(uiLocale()).toBe('de');
  });
});

describe('formatPercent with prepared texts', () => {
  it('takes the prepared text for a whole percent in the prepared locale', () => {
    const text = germanText();
    text.percents[48] = 'prepared 48';
    usePreparedText(text);
    expect(formatPercent(48)).toBe('prepared 48');
    expect(formatPercent(47.6)).toBe('prepared 48');
  });

  it('rounds as always: 99.6 stays 99', () => {
    usePreparedText(germanText());
    expect(formatPercent(99.6)).toBe(formatPercent(99, 'de'));
  });

  it('formats what was not prepared with Intl: another locale, over 100, below 0', () => {
    usePreparedText(germanText());
    expect(formatPercent(48, 'en')).toBe('48%');
    expect(formatPercent(130)).toBe(new Intl.NumberFormat('de', { style: 'percent' }).format(1.3));
    expect(formatPercent(-5)).toBe(new Intl.NumberFormat('de', { style: 'percent' }).format(-0.05));
  });
});

describe('readPreparedText', () => {
  it('takes what the worker stored', () => {
    const text = germanText();
    expect(readPreparedText(JSON.parse(JSON.stringify(text)))).toEqual(text);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a string', 'de'],
    ['no locale', { messages: {}, percents: germanText().percents }],
    ['too few percents', { locale: 'de', messages: {}, percents: ['1 %'] }],
    [
      'a percent that is not text',
      { locale: 'de', messages: {}, percents: [...germanText().percents.slice(0, 100), 5] },
    ],
    ['no messages', { locale: 'de', percents: germanText().percents }],
  ])('refuses %s', (_what, raw) => {
    expect(readPreparedText(raw)).toBeNull();
  });

  it('drops messages it does not know and ones that are not text', () => {
    const raw = {
      ...germanText(),
      messages: { meterOpen: 'Öffnen', statusSignedOut: 7, __proto__: 'x', evil: '<b>' },
    };
    expect(readPreparedText(raw)?.messages).toEqual({ meterOpen: 'Öffnen' });
  });
});
