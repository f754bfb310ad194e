import { describe, expect, it } from 'vitest';
import { csvNumber, csvText, toCsv } from '../../../lib/history/export';
import { parseCsv } from '../../fixtures/csv';
import { fakeLimit, fakeReading, ORG, T0 } from '../support/builders';

/** Hostile organisation names a Team admin could set, and the cell a spreadsheet must get. */
const HOSTILE: [string, string, string][] = [
  ['a formula', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ['a command', "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
  ['a function', '@SUM(1+1)', "'@SUM(1+1)"],
  ['a sum', '-2+3', "'-2+3"],
  ['a leading tab', '\t=1+1', "'\t=1+1"],
  ['a leading carriage return', '\r=1+1', `"'\r=1+1"`],
  ['a newline inside', 'Acme\nTeam', '"Acme\nTeam"'],
  ['a double quote', 'The "A" team', '"The ""A"" team"'],
  ['commas', 'Acme, Inc., Berlin', '"Acme, Inc., Berlin"'],
  ['right-to-left text', 'فريق \u202eAcme', 'فريق \u202eAcme'],
  ['a full-width equals sign', '＝1+1', "'＝1+1"],
  ['a formula after a space', ' =1+1', ' =1+1'],
  ['a plain name', "alex@example.com's Organization", "alex@example.com's Organization"],
];

describe('csvText', () => {
  it.each(HOSTILE)('neutralises %s', (_name, value, cell) => {
    expect(csvText(value)).toBe(cell);
  });

  it.each(HOSTILE)('reads back as one cell that cannot start a formula: %s', (_name, value) => {
    const [[cell, next]] = parseCsv(`${csvText(value)},x\r\n`) as [string[]];
    expect(next).toBe('x');
    expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    expect(cell!.replace(/^'(?=[=+\-@\t\r＝＋－＠])/, '')).toBe(value);
  });
});

describe('csvNumber', () => {
  it.each([
    [48, '48'],
    [0, '0'],
    [12.5, '12.5'],
    [150, '150'],
  ])('writes %s as the plain number %s', (value, cell) => {
    expect(csvNumber(value)).toBe(cell);
  });

  it('writes nothing for a number that is not one', () => {
    expect([csvNumber(Number.NaN), csvNumber(Infinity)]).toEqual(['', '']);
  });
});

describe('toCsv', () => {
  it('neutralises every text cell and keeps the numbers as numbers', () => {
    const reading = fakeReading(48, 64);
    reading.limits[1] = fakeLimit({ id: 'weekly', kind: 'weekly', label: '=1+1', percent: 7 });
    const rows = parseCsv(toCsv([reading], { [ORG]: '-2+3' }));
    expect(rows).toEqual([
      ['time', 'organization', 'limit_id', 'label', 'percent', 'resets_at'],
      [
        new Date(T0).toISOString(),
        "'-2+3",
        'session',
        '5-hour session',
        '48',
        new Date(reading.limits[0]!.resetsAt!).toISOString(),
      ],
      [
        new Date(T0).toISOString(),
        "'-2+3",
        'weekly',
        "'=1+1",
        '7',
        new Date(reading.limits[1]!.resetsAt!).toISOString(),
      ],
    ]);
  });

  it('writes a time no date can show as an empty cell instead of failing the whole export', () => {
    const damaged = fakeReading(48, 64, { at: 1e300 });
    damaged.limits[0]!.resetsAt = -1e300;
    const rows = parseCsv(toCsv([damaged, fakeReading(10, 20)]));
    expect(rows.map((r) => [r[0], r[4], r[5] === '' ? '' : 'time'])).toEqual([
      ['time', 'percent', 'time'],
      ['', '48', ''],
      ['', '64', 'time'],
      [new Date(T0).toISOString(), '10', 'time'],
      [new Date(T0).toISOString(), '20', 'time'],
    ]);
  });

  it('reads a name of an organisation called like a property of every object as a name', () => {
    const rows = parseCsv(toCsv([fakeReading(1, 2, { orgId: 'constructor' })], {}));
    expect(rows[1]![1]).toBe('constructor');
  });
});

describe('toCsv, quoting', () => {
  it('writes one row per reading and limit, quoting commas, quotes and line breaks', () => {
    const reading = fakeReading(48, 64);
    reading.limits[1] = fakeLimit({
      id: 'weekly:odd',
      kind: 'weekly_model',
      label: 'Weekly · "Odd", new\nline',
      percent: 7,
      resetsAt: null,
    });
    const csv = toCsv([reading], { [ORG]: 'Alex, personal' });
    expect(csv.split('\r\n')).toEqual([
      'time,organization,limit_id,label,percent,resets_at',
      `${new Date(T0).toISOString()},"Alex, personal",session,5-hour session,48,${new Date(reading.limits[0]!.resetsAt!).toISOString()}`,
      `${new Date(T0).toISOString()},"Alex, personal",weekly:odd,"Weekly · ""Odd"", new\nline",7,`,
      '',
    ]);
  });
});
