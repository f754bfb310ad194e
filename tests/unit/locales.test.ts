import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, type Messages } from '../../lib/display/i18n';

const ROOT = new URL('../../', import.meta.url).pathname;
const LOCALES = join(ROOT, 'public/_locales');
const LANGUAGES = ['de', 'fr', 'es', 'ja'];

const load = (lang: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Messages;
const english = load('en');

/** `$NAME$` tokens used in a message, lower-cased (Chrome matches them case-insensitively). */
const tokens = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
/** `$1`…`$9` used directly in a message (not inside `$NAME$`). */
const positional = (message: string) =>
  [...message.replace(/\$\$/g, '').matchAll(/\$([1-9])(?![A-Za-z0-9_@]*\$)/g)]
    .map((m) => m[1]!)
    .sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}
const SOURCES = ['components', 'entrypoints', 'lib'].flatMap((d) => sourceFiles(join(ROOT, d)));

describe('the English messages', () => {
  it('are present at the default locale the manifest names', () => {
    expect(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')).toMatch(/default_locale: 'en'/);
    expect(Object.keys(english).length).toBeGreaterThan(100);
  });

  it.each(Object.entries(english))('%s declares each placeholder it uses', (key, entry) => {
    expect(entry.message.trim(), key).not.toBe('');
    expect(tokens(entry.message)).toEqual(Object.keys(entry.placeholders ?? {}).sort());
  });

  it('has every key the source asks for with t()', () => {
    const missing: string[] = [];
    for (const file of SOURCES) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) {
        if (!(m[1]! in english)) missing.push(`${relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe.each(LANGUAGES)('the %s messages', (lang) => {
  const messages = load(lang);

  it('have exactly the English keys', () => {
    const keys = Object.keys(messages);
    expect(
      Object.keys(english).filter((k) => !keys.includes(k)),
      'missing',
    ).toEqual([]);
    expect(
      keys.filter((k) => !(k in english)),
      'extra',
    ).toEqual([]);
  });

  it('say something for every key', () => {
    const empty = Object.entries(messages).filter(([, e]) => !e.message?.trim());
    expect(empty.map(([k]) => k)).toEqual([]);
  });

  it('keep every placeholder, and add none', () => {
    const wrong: string[] = [];
    for (const [key, en] of Object.entries(english)) {
      const entry = messages[key];
      if (!entry) continue;
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const contents = (e: typeof en) =>
        Object.fromEntries(
          Object.entries(e.placeholders ?? {})
            .map(([name, p]) => [name.toLowerCase(), p.content] as const)
            .sort(),
        );
      if (!same(tokens(entry.message), tokens(en.message))) wrong.push(`${key}: $NAME$ tokens`);
      if (!same(positional(entry.message), positional(en.message))) wrong.push(`${key}: $1…$9`);
      if (!same(contents(entry), contents(en))) wrong.push(`${key}: placeholders`);
    }
    expect(wrong).toEqual([]);
  });

  it('fill in every substitution', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const text = formatMessage(entry, ['⟨1⟩', '⟨2⟩', '⟨3⟩', '⟨4⟩']);
      const used = new Set(Object.values(english[key]!.placeholders ?? {}).map((p) => p.content));
      for (const content of used) expect(text, key).toContain(`⟨${content.slice(1)}⟩`);
      for (const n of positional(english[key]!.message)) expect(text, key).toContain(`⟨${n}⟩`);
      expect(text, key).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
    }
  });
});

describe('formatMessage', () => {
  it('follows Chrome: named placeholders, then $1…$9, and $$ for a dollar sign', () => {
    const entry = {
      message: 'Used $USED$ of $limit$ ($$) $1',
      placeholders: { used: { content: '$1' }, LIMIT: { content: '$2' } },
    };
    expect(formatMessage(entry, ['€5', '€50'])).toBe('Used €5 of €50 ($) €5');
  });
});

describe('the components and pages', () => {
  // JSX text with letters, and user-facing attributes given as literal strings. Symbols (↻, ⚙, ·)
  // and expressions are fine; anything a person reads must come from t().
  const TEXT = /(?<![=-])>\s*([^<>{}]*\p{L}[^<>{}]*?)\s*</gu;
  const ATTRIBUTE = /\b(aria-label|label|title|placeholder|hint|alt)="([^"]*\p{L}[^"]*)"/gu;

  it('say nothing that is not a message', () => {
    const found: string[] = [];
    for (const file of SOURCES.filter((f) => f.endsWith('.tsx'))) {
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const m of text.matchAll(TEXT)) {
        // Type parameters (`Record<string, T>`) and comparisons are code, not text.
        if (/[=;()]|\b(string|number|boolean)\b/.test(m[1]!)) continue;
        // Protocol words such as GET and POST are the same in every language.
        if (/^[A-Z]+$/.test(m[1]!)) continue;
        found.push(`${relative(ROOT, file)}: ${m[1]}`);
      }
      for (const m of text.matchAll(ATTRIBUTE)) found.push(`${relative(ROOT, file)}: ${m[2]}`);
    }
    expect(found).toEqual([]);
  });
});
