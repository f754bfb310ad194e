/**
 * Translation for every string a person sees. Messages live in `public/_locales/<lang>/messages.json`
 * (Chrome's format: `$1` substitutions or named `$NAME$` placeholders), so the browser picks the
 * language and falls back to English (`default_locale`) for anything a locale lacks.
 *
 * How `t()` finds a message:
 * - In the extension (worker, popup, options) it asks `i18n.getMessage` of the global
 *   `browser`/`chrome` object. No import of `wxt/browser`, so pure modules in `lib/` may call `t()`
 *   and stay free of a browser dependency.
 * - Without a browser (unit tests, Node scripts) it formats from messages handed to
 *   `useFallbackMessages()`; the vitest setup installs the English file, so tests see English text.
 *   With neither, it returns the key, which makes a missing setup obvious.
 *
 * Numbers, dates and relative times are not messages: format them with `Intl` in `uiLocale()`.
 */
import type english from '../../public/_locales/en/messages.json';
import type { PreparedText } from './prepared-text';

export type MessageKey = keyof typeof english;
export type Substitution = string | number;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

let fallback: Messages | null = null;
let prepared: PreparedText | null = null;

/** Messages used when there is no browser i18n API (tests, scripts). */
export function useFallbackMessages(messages: Messages | null): void {
  fallback = messages;
}

/**
 * Texts made ready elsewhere (the in-page meter's, by the worker): asked first, so a page that
 * has them never loads the browser's message catalogue or the locale's number data for them.
 */
export function usePreparedText(text: PreparedText | null): void {
  prepared = text;
}

/** `whole` % as prepared for `locale`, or undefined when it was not (another locale, over 100). */
export function preparedPercent(whole: number, locale: string | undefined): string | undefined {
  return prepared && locale === prepared.locale ? prepared.percents[whole] : undefined;
}

function browserI18n(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/** The message for `key` in the browser's language, with `$1`… (or named placeholders) filled in. */
export function t(key: MessageKey, substitutions?: Substitution | readonly Substitution[]): string {
  const subs = (
    substitutions === undefined
      ? []
      : Array.isArray(substitutions)
        ? substitutions
        : [substitutions as Substitution]
  ).map(String);
  const ready = prepared?.messages[key];
  if (ready !== undefined) return formatMessage({ message: ready }, subs);
  const api = browserI18n();
  if (api) {
    try {
      // Chrome returns "" for an unknown key; fakeBrowser throws "not mocked". Both fall through.
      const text = api.getMessage(key, subs);
      if (text) return text;
    } catch {
      /* no usable i18n API: format it ourselves */
    }
  }
  const entry = fallback?.[key];
  return entry ? formatMessage(entry, subs) : key;
}

/** Chrome's substitution rules: named placeholders first, then `$1`–`$9`, and `$$` for a dollar sign. */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const named = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => placeholders[name.toLowerCase()] ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

/**
 * The locale for `Intl`: the browser's UI language ("en-GB", "de-AT") when the messages are in that
 * language, else the language the messages are in, so numbers and dates read like the sentence
 * around them (an Italian browser gets English messages, and English numbers with them).
 */
export function uiLocale(): string | undefined {
  if (prepared) return prepared.locale;
  // The browser's language stays for a page's life; each ask of it crosses into the browser's
  // bindings (a chart's tick labels ask hundreds of times), so the answer is kept per API object.
  const api = browserI18n();
  if (api && known?.api === api && known.fallback === fallback) return known.locale;
  let ui: string | undefined;
  try {
    ui = api?.getUILanguage();
  } catch {
    /* fakeBrowser: not mocked */
  }
  ui ||= typeof navigator !== 'undefined' ? navigator.language : undefined;
  const messages = t('htmlLang');
  const locale =
    messages === 'htmlLang'
      ? ui || undefined
      : ui && ui.split(/[-_]/)[0]!.toLowerCase() === messages
        ? ui
        : messages;
  if (api) known = { api, fallback, locale };
  return locale;
}

let known: { api: I18nApi; fallback: Messages | null; locale: string | undefined } | null = null;
