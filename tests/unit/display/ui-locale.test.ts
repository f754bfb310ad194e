import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiLocale } from '../../../lib/display/i18n';

/** A browser `i18n` API whose UI language is `ui` and whose messages are in `messages`. */
function fakeI18n(ui: string, messages: string) {
  return {
    getUILanguage: vi.fn(() => ui),
    getMessage: vi.fn((key: string) => (key === 'htmlLang' ? messages : '')),
  };
}

describe('uiLocale', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks the browser once per page: a chart's labels ask hundreds of times", () => {
    const i18n = fakeI18n('de-AT', 'de');
    vi.stubGlobal('browser', { i18n });
    const answers = Array.from({ length: 200 }, () => uiLocale());
    expect(new Set(answers)).toEqual(new Set(['de-AT']));
    expect(i18n.getUILanguage).toHaveBeenCalledTimes(1);
  });

  it('asks again of another browser API (another page or test), and keeps its rules', () => {
    vi.stubGlobal('browser', { i18n: fakeI18n('de-AT', 'de') });
    expect(uiLocale()).toBe('de-AT');
    // An Italian browser gets English messages, and English numbers with them.
    vi.stubGlobal('browser', { i18n: fakeI18n('it-IT', 'en') });
    expect(uiLocale()).toBe('en');
  });
});
