import { describe, expect, it } from 'vitest';
import { decideOnReading } from '../../../lib/alerts/decide';
import { EMPTY_ALERT_STATE } from '../../../lib/alerts/state';
import { formatClock } from '../../../lib/display/format';
import { H, NOON, run, settings } from '../support/alert-run';
import { fakeLimit, ORG, T0 } from '../support/builders';

describe('threshold alerts', () => {
  it.each([
    [
      'each threshold once, rising slowly',
      [50, 76, 80, 91, 93, 96, 97],
      ['at 76%', 'at 91%', 'at 96%'],
    ],
    ['the highest when one reading jumps past two', [50, 92], ['at 92%']],
    [
      '75 % and 90 % once each while hovering 89–91 for hours',
      [89, 91, 89, 90, 91, 89, 90, 91, 90, 89, 91, 90],
      ['at 89%', 'at 91%'],
    ],
    ['again after falling 5 points below and rising', [80, 69, 77], ['at 80%', 'at 77%']],
  ])('%s', (_name, percents, expected) => {
    const { titles } = run(percents, { settings: settings({ cooldownHours: 0 }) });
    expect(titles.map((m) => m.match(/at \d+%/)?.[0])).toEqual(expected);
  });

  it('leads with the limit and its percent, then the time to reset', () => {
    const { shown } = run([91]);
    expect(shown[0]!.title).toBe('5-hour session at 91%');
    expect(shown[0]!.message).toBe(`Resets in 5 h · ${formatClock(T0 + 5 * H, T0)}`);
  });

  it('says when the limit is reached, once, and when it is back', () => {
    const { kinds, titles, messages } = run([90, 100, 100, 101]);
    expect(kinds).toEqual(['threshold', 'reached']);
    expect(titles[1]).toBe('5-hour session limit reached');
    expect(messages[1]).toBe(`Back at ${formatClock(T0 + 5 * H, T0)} (in 4 h 50 min)`);
  });

  it('holds a re-armed threshold back during the cooldown', () => {
    const { messages } = run([80, 69, 77]);
    expect(messages).toHaveLength(1);
  });

  it('stays silent when switched off, for everything or for a kind', () => {
    expect(run([80, 95], { settings: settings({ enabled: false }) }).shown).toEqual([]);
    const noSession = settings();
    noSession.kinds.session = false;
    expect(run([80, 95], { settings: noSession }).shown).toEqual([]);
  });
});

describe('reset alerts', () => {
  const moved = (i: number) => T0 + 5 * H + (i >= 2 ? 5 * H : 0);

  it('announces a window that had reached 90 % starting again', () => {
    const { kinds, titles, messages } = run([85, 95, 4], { resets: moved });
    expect(kinds).toEqual(['threshold', 'threshold', 'reset']);
    expect(titles[2]).toBe('5-hour session has reset');
    expect(messages[2]).toBe('4% used now');
  });

  it('ignores the microsecond jitter of resets_at', () => {
    const jitter = (i: number) => T0 + 5 * H + (i % 2) * 900;
    expect(run([95, 94, 95, 94], { resets: jitter }).kinds).toEqual(['threshold']);
  });

  it('never reads a 0 % with no reset time as a reset', () => {
    expect(run([95, 0], { resets: (i) => (i === 0 ? T0 + 5 * H : null) }).kinds).toEqual([
      'threshold',
    ]);
  });

  it('never reads a failed read as a reset, and still sees the real one after it', () => {
    expect(run([95, 'fail', 4], { resets: moved }).kinds).toEqual(['threshold', 'reset']);
  });

  it('says nothing of a reset after a quiet window', () => {
    expect(run([40, 3], { resets: (i) => T0 + 5 * H + i * 5 * H }).kinds).toEqual([]);
  });

  it('re-arms the thresholds in the new window', () => {
    const { kinds } = run([80, 2, 80], { resets: moved, settings: settings({ cooldownHours: 0 }) });
    expect(kinds).toEqual(['threshold', 'threshold']);
  });
});

describe('signed out', () => {
  it('is said once, and again only after a good reading in between', () => {
    expect(run(['signed_out', 'signed_out', 'signed_out', 20, 'signed_out']).kinds).toEqual([
      'signed_out',
      'signed_out',
    ]);
  });
});

describe('the state', () => {
  it('forgets limits unseen for 30 days', () => {
    const { state } = run([80]);
    const later = decideOnReading(
      state,
      { orgId: 'other', reading: { orgId: 'other', at: T0, extra: null, limits: [] } },
      settings(),
      T0 + 31 * 24 * H,
      NOON,
    );
    expect(Object.keys(later.state.limits)).toEqual([]);
  });

  it('names the organisation in the message when several are tracked', () => {
    const d = decideOnReading(
      EMPTY_ALERT_STATE,
      {
        orgId: ORG,
        orgLabel: 'Acme Team',
        reading: { orgId: ORG, at: T0, extra: null, limits: [fakeLimit({ percent: 91 })] },
      },
      settings(),
      T0,
      NOON,
    );
    expect(d.notices[0]!.title).toBe('5-hour session at 91%');
    expect(d.notices[0]!.message).toMatch(/^Resets in .+ · Acme Team$/);
  });
});
