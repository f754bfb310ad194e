import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonExport } from '../../../lib/history/export';
import {
  checkImport,
  importBounds,
  parseImport,
  sortOutDamaged,
} from '../../../lib/history/import';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { fakeReading, fakeSettings, ORG, T0 } from '../support/builders';

const HOUR = 3600_000;
const bounds = importBounds(T0 + HOUR, DEFAULT_SETTINGS.history);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('JSON export and import', () => {
  const readings = [fakeReading(10, 20, { at: T0 }), fakeReading(30, 40, { at: T0 + 60_000 })];

  it('round-trips the readings', () => {
    const settings = fakeSettings({ pollMinutes: 7 });
    const parsed = parseImport(JSON.stringify(toJsonExport(readings, settings, T0)), bounds);
    expect(parsed).toEqual({ ok: true, readings, tooOld: 0 });
  });

  it.each([
    ['not JSON', '{"format": ', /not JSON/],
    ['a foreign file', '{"hello": 1}', /not a Claude Usage Meter export/],
    [
      'a newer version',
      JSON.stringify({ format: 'claude-usage-meter', version: 99, readings: [] }),
      /newer version/,
    ],
    [
      'a damaged reading',
      JSON.stringify({
        format: 'claude-usage-meter',
        version: 1,
        readings: [{ orgId: 'x', at: 'soon', limits: [] }],
      }),
      /^readings\[0\]\.at: .*"soon".* is not a time/,
    ],
    [
      'a NaN percent',
      JSON.stringify({
        format: 'claude-usage-meter',
        version: 1,
        readings: [
          {
            orgId: 'x',
            at: T0,
            limits: [{ id: 'a', kind: 'session', label: 'a', percent: 'NaN', resetsAt: null }],
          },
        ],
      }),
      /^readings\[0\]\.limits\[0\]\.percent: .*"NaN".* is not a percent between 0 and 1000/,
    ],
  ])('refuses %s with the reason', (_name, text, reason) => {
    const parsed = parseImport(text, bounds);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('checkImport', () => {
  it('yields how far it got after every batch and checks everything', () => {
    const entries = Array.from({ length: 25 }, (_, i) =>
      fakeReading(i, i, { at: T0 - i * 60_000 }),
    );
    const steps = checkImport(entries, bounds, 10);
    expect([steps.next().value, steps.next().value]).toEqual([10, 20]);
    const last = steps.next();
    expect(last.done).toBe(true);
    expect(last.value).toMatchObject({ ok: true, tooOld: 0 });
    if (last.done && last.value.ok) expect(last.value.readings).toHaveLength(25);
  });

  it('stops at the first bad reading, whatever follows', () => {
    const entries: unknown[] = Array.from({ length: 30 }, (_, i) =>
      fakeReading(i, i, { at: T0 - i * 60_000 }),
    );
    entries[12] = { ...fakeReading(1, 1), orgId: ORG, at: 1e300 };
    entries[20] = 'garbage';
    const steps = checkImport(entries, bounds, 10);
    steps.next();
    expect(steps.next()).toEqual({
      done: true,
      value: { ok: false, reason: expect.stringMatching(/^readings\[12\]\.at:/) },
    });
  });
});

describe('what the extension itself stored', () => {
  it('imports every reading of a frozen version-1 database: raw, compacted, extra usage', () => {
    const v1 = JSON.parse(
      readFileSync(new URL('../../fixtures/db-v1.json', import.meta.url), 'utf8'),
    ) as { records: { snapshots: Json[] } };
    const stored = v1.records.snapshots;
    const newest = Math.max(...stored.map((r) => r.at as number));
    const file = JSON.stringify(toJsonExport(stored as never, fakeSettings(), newest));
    const parsed = parseImport(file, importBounds(newest, { rawDays: 7, totalDays: 3650 }));
    expect(parsed).toEqual({ ok: true, readings: stored, tooOld: 0 });
    expect(new Set(stored.map((r) => r.tier ?? 0))).toEqual(new Set([0, 10, 60]));
    expect(stored.some((r) => r.extra !== null)).toBe(true);
  });
});

describe('sortOutDamaged', () => {
  it('keeps what an import accepts and counts what an earlier import let in', () => {
    const sound = [fakeReading(10, 20, { at: T0 - HOUR }), fakeReading(30, 40, { at: T0 })];
    const farFuture = fakeReading(1, 1, { at: 1e300 });
    const hugePercent = fakeReading(1e308, 1, { at: T0 - 2 * HOUR });
    expect(sortOutDamaged([farFuture, sound[0]!, hugePercent, sound[1]!], bounds)).toEqual({
      sound,
      damaged: 2,
    });
  });
});

describe('the import module', () => {
  const lib = join(dirname(new URL(import.meta.url).pathname), '../../../lib');
  /** Every module `file` imports, transitively, by specifier. */
  function imports(file: string, seen = new Set<string>()): Set<string> {
    const text = readFileSync(file, 'utf8');
    for (const [, type, spec] of text.matchAll(/^import (type )?.*? from '([^']+)';$/gms)) {
      if (type) continue;
      if (!spec!.startsWith('.')) {
        seen.add(spec!);
        continue;
      }
      const path = join(dirname(file), `${spec}.ts`);
      if (seen.has(path)) continue;
      seen.add(path);
      imports(path, seen);
    }
    return seen;
  }

  it('reaches no storage and no browser API, so checking a file stays pure', () => {
    const reached = [...imports(join(lib, 'history/import.ts'))].filter((s) => !s.startsWith('/'));
    expect(reached).toEqual([]);
  });
});
