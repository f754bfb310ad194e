import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = new URL('../../public/_locales/', import.meta.url).pathname;

describe('locale files', () => {
  // Chrome reads "$2$1" as the named variable "$2$" and refuses to load the whole extension.
  it.each(readdirSync(LOCALES))(
    '%s has no positional substitution Chrome reads as a name',
    (lang) => {
      const messages = JSON.parse(
        readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'),
      ) as Record<string, { message: string }>;
      const bad = Object.entries(messages)
        .filter(([, m]) => /\$\d\$/.test(m.message))
        .map(([key]) => key);
      expect(bad).toEqual([]);
    },
  );
});
