import type { MessageKey, Substitution } from './i18n';

/**
 * The texts the in-page meter's strip needs, made ready by the worker. A claude.ai page that
 * formats them itself first loads the extension's message catalogue and the locale's number
 * data, tens of milliseconds of the page's main thread on every load; with these it loads
 * neither. A message missing here (an older worker's set) is still asked of the browser.
 */
export const PREPARED_KEYS = [
  'htmlLang',
  'meterOpen',
  'meterDetails',
  'meterDetailsTitle',
  'meterHide',
  'meterDrag',
  'meterSessionShort',
  'meterWeeklyShort',
  'statusReading',
  'statusSignedOut',
  'popupNoLimits',
  'countdownNotStarted',
  'countdownResetting',
  'countdownResetsIn',
  'durationSeconds',
  'durationMinutes',
  'durationHours',
  'durationHoursMinutes',
  'durationDays',
  'durationDaysHours',
] as const satisfies readonly MessageKey[];

export interface PreparedText {
  /** The locale the texts are in (`uiLocale()` where they were made). */
  locale: string;
  /** Each message with `$1`… left in place of its substitutions. */
  messages: Partial<Record<MessageKey, string>>;
  /** `percents[n]` is n % in the locale's style, 0 to 100. */
  percents: string[];
}

/** Enough substitutions for any message: each stays itself, to be filled in where it is shown. */
const SLOTS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];

/**
 * The meter's texts from this context's messages and percent format; or `keys` of them for
 * another context without the browser's messages (the dashboard's history worker), with no
 * percents (a percent not prepared is formatted where it is shown).
 */
export function prepareText(
  message: (key: MessageKey, substitutions: readonly Substitution[]) => string,
  locale: string,
  percent: ((whole: number) => string) | null,
  keys: readonly MessageKey[] = PREPARED_KEYS,
): PreparedText {
  return {
    locale,
    messages: Object.fromEntries(keys.map((key) => [key, message(key, SLOTS)])),
    percents: percent ? Array.from({ length: 101 }, (_, n) => percent(n)) : [],
  };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A stored value as prepared texts, or null when it is not one (absent, damaged, hostile). */
export function readPreparedText(raw: unknown): PreparedText | null {
  if (!raw || typeof raw !== 'object') return null;
  const { locale, messages, percents } = raw as Record<string, unknown>;
  if (!isText(locale) || !messages || typeof messages !== 'object') return null;
  if (!Array.isArray(percents) || percents.length !== 101 || !percents.every(isText)) return null;
  const known = new Set<string>(PREPARED_KEYS);
  const kept = Object.entries(messages).filter(([key, text]) => known.has(key) && isText(text));
  return { locale, messages: Object.fromEntries(kept), percents: [...percents] };
}
