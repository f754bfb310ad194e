import { describe, expect, it } from 'vitest';
import type { LimitOutlook } from '../../../lib/forecast/outlook';
import { verdictOf, type VerdictInput } from '../../../lib/display/verdict';
import { fakeLimit, T0 } from '../support/builders';

const MIN = 60_000;
const H = 60 * MIN;
// Clock times below are the local time zone's; build them the same way the popup does.
const clock = (at: number) =>
  new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(at);

const session = fakeLimit({ percent: 48, resetsAt: T0 + 2 * H + 11 * MIN });
const weekly = fakeLimit({
  id: 'weekly',
  kind: 'weekly',
  label: 'Weekly (all models)',
  percent: 60,
  resetsAt: T0 + 30 * MIN + 3 * H,
});

function input(overrides: Partial<VerdictInput> = {}): VerdictInput {
  return {
    limits: [session, weekly],
    outlooks: {},
    failure: null,
    lastSuccessAt: T0 - MIN,
    stale: false,
    now: T0,
    locale: 'en',
    ...overrides,
  };
}

const lasts: LimitOutlook = { lasts: true };

describe('verdictOf (the line at the top of the popup)', () => {
  it.each<[string, Partial<VerdictInput>, string, string]>([
    [
      'signed out, before anything else',
      {
        failure: { kind: 'signed_out' },
        limits: [{ ...session, percent: 100 }],
      },
      'signed_out',
      'Signed out: sign in to claude.ai',
    ],
    [
      'a limit reached, with when it frees',
      { limits: [{ ...session, percent: 100, resetsAt: T0 + 47 * MIN }, weekly] },
      'limit_reached',
      `Limit reached · back at ${clock(T0 + 47 * MIN)} (in 47 min)`,
    ],
    [
      'of two limits reached, the one that frees last',
      {
        limits: [
          { ...session, percent: 100, resetsAt: T0 + 47 * MIN },
          { ...weekly, percent: 100.4, resetsAt: T0 + 3 * H },
        ],
      },
      'limit_reached',
      `Limit reached · back at ${clock(T0 + 3 * H)} (in 3 h)`,
    ],
    [
      'a server that does not answer, with when the numbers are from',
      {
        failure: { kind: 'server', status: 503 },
        lastSuccessAt: T0 - 38 * MIN,
        outlooks: { session: lasts },
      },
      'not_updated',
      `Not updated since ${clock(T0 - 38 * MIN)} (38 min. ago): claude.ai is not answering`,
    ],
    [
      'offline before the first reading',
      { failure: { kind: 'network' }, lastSuccessAt: null, limits: [] },
      'not_updated',
      'Not updated yet: no connection',
    ],
    [
      'old numbers without a failure',
      { stale: true, lastSuccessAt: T0 - 2 * H },
      'not_updated',
      `Not updated since ${clock(T0 - 2 * H)} (2 hr. ago): no check since`,
    ],
    [
      'the limit that runs out first at this pace',
      {
        outlooks: {
          session: { runsOutAt: T0 + 5 * MIN },
          weekly: { runsOutAt: T0 + 2 * H },
        },
      },
      'runs_out',
      `5-hour session runs out in ~5 min · resets ${clock(T0 + 2 * H + 11 * MIN)}`,
    ],
    [
      'all limits lasting',
      { outlooks: { session: lasts, weekly: { elapsedPercent: 40 } } },
      'lasts',
      'All limits last until reset at this pace',
    ],
    [
      'the tightest limit when nothing can be forecast yet',
      {},
      'tightest',
      `Weekly (all models) at 60% · resets in 3 h 30 min · ${clock(T0 + 3 * H + 30 * MIN)}`,
    ],
    [
      'a window not started',
      { limits: [{ ...session, percent: 0, resetsAt: null }] },
      'tightest',
      '5-hour session at 0% · Not started',
    ],
  ])('says %s', (_, overrides, kind, text) => {
    const verdict = verdictOf(input(overrides));
    expect(verdict?.kind).toBe(kind);
    expect(verdict?.text).toBe(text);
  });

  it('says nothing before there is anything to say', () => {
    expect(verdictOf(input({ limits: [], lastSuccessAt: null }))).toBeNull();
  });

  it('does not call a limit reached once its reset has passed', () => {
    const due = { ...session, percent: 100, resetsAt: T0 - MIN };
    expect(verdictOf(input({ limits: [due] }))?.kind).not.toBe('limit_reached');
  });

  it('colours the line by what it says', () => {
    expect(verdictOf(input({ limits: [{ ...session, percent: 100 }] }))?.tone).toBe('critical');
    expect(verdictOf(input({ outlooks: { session: { runsOutAt: T0 + MIN } } }))?.tone).toBe('warn');
    expect(verdictOf(input({ failure: { kind: 'timeout' } }))?.tone).toBe('problem');
  });

  it('never writes NaN or undefined', () => {
    const odd = input({ limits: [{ ...session, percent: Number.NaN }], lastSuccessAt: Number.NaN });
    expect(verdictOf(odd)?.text).not.toMatch(/NaN|undefined/);
  });
});
