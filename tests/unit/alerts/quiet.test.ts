import { describe, expect, it } from 'vitest';
import { hold, inQuietHours, releaseHeld } from '../../../lib/alerts/quiet';
import { EMPTY_ALERT_STATE, KEY_EXPIRED, type Notice } from '../../../lib/alerts/state';
import { NOON, run, settings } from '../support/alert-run';
import { fakeLimit, ORG, T0 } from '../support/builders';

const quietNight = settings({ quietHours: { enabled: true, start: '22:00', end: '07:00' } });
const latestAt = (percent: number, at = T0) => ({
  [ORG]: { orgId: ORG, at, extra: null, limits: [fakeLimit({ percent })] },
});
const notice = (over: Partial<Notice>): Notice => ({
  id: 'n',
  kind: 'threshold',
  title: 'title',
  message: 'message',
  priority: 1,
  ...over,
});

describe('quiet hours, through the alert decisions', () => {
  const quiet = settings({ quietHours: { enabled: true, start: '22:00', end: '07:00' } });

  it.each([
    [23 * 60, true],
    [3 * 60, true],
    [7 * 60, false],
    [NOON, false],
  ])('spans midnight: %s minutes is quiet: %s', (minutes, expected) => {
    expect(inQuietHours(quiet.quietHours, minutes)).toBe(expected);
  });

  it('holds alerts, then shows the most important one still true', () => {
    const { shown, state } = run([80, 100], { settings: quiet, minutes: () => 23 * 60 });
    expect(shown).toEqual([]);
    expect(state.held.map((n) => n.kind)).toEqual(['threshold', 'reached']);
    const latest = {
      [ORG]: { orgId: ORG, at: T0, extra: null, limits: [fakeLimit({ percent: 100 })] },
    };
    const released = releaseHeld(state, latest, quiet, 7 * 60 + 1);
    expect(released.notices.map((n) => n.kind)).toEqual(['reached']);
    expect(released.state.held).toEqual([]);
  });

  it('drops held alerts that are no longer true', () => {
    const { state } = run([80], { settings: quiet, minutes: () => 23 * 60 });
    const latest = {
      [ORG]: { orgId: ORG, at: T0, extra: null, limits: [fakeLimit({ percent: 3 })] },
    };
    expect(releaseHeld(state, latest, quiet, 8 * 60).notices).toEqual([]);
  });

  it('keeps holding while it is still quiet', () => {
    const { state } = run([80], { settings: quiet, minutes: () => 23 * 60 });
    expect(releaseHeld(state, {}, quiet, 2 * 60).state.held).toHaveLength(1);
  });
});

describe('inQuietHours', () => {
  it('is never quiet when off, or when start and end are the same', () => {
    expect(inQuietHours({ enabled: false, start: '22:00', end: '07:00' }, 23 * 60)).toBe(false);
    expect(inQuietHours({ enabled: true, start: '09:00', end: '09:00' }, 9 * 60)).toBe(false);
  });

  it('covers a span within one day, start included and end excluded', () => {
    const day = { enabled: true, start: '13:30', end: '15:00' };
    expect(
      [13 * 60 + 29, 13 * 60 + 30, 14 * 60 + 59, 15 * 60].map((m) => inQuietHours(day, m)),
    ).toEqual([false, true, true, false]);
  });
});

describe('hold', () => {
  it('keeps the notices for later in quiet hours, a newer one replacing the same id', () => {
    const state = { ...EMPTY_ALERT_STATE, held: [notice({ id: 'a', title: 'old' })] };
    const decision = { notices: [notice({ id: 'a', title: 'new' }), notice({ id: 'b' })], state };
    const held = hold(decision, quietNight, 23 * 60);
    expect(held.notices).toEqual([]);
    expect(held.state.held.map((n) => [n.id, n.title])).toEqual([
      ['a', 'new'],
      ['b', 'title'],
    ]);
  });

  it('lets notices through outside quiet hours', () => {
    const decision = { notices: [notice({})], state: EMPTY_ALERT_STATE };
    expect(hold(decision, quietNight, NOON)).toBe(decision);
  });
});

describe('releaseHeld', () => {
  const held = (...notices: Notice[]) => ({ ...EMPTY_ALERT_STATE, held: notices });
  const limitNotice = (over: Partial<Notice>) =>
    notice({ key: `${ORG}|session`, percent: 90, ...over });

  it('shows a held "use it or lose it" beside the warning that outranks it', () => {
    const state = held(
      limitNotice({ id: 'warn', priority: 5 }),
      limitNotice({ id: 'unused', kind: 'unused', percent: 99, priority: 1 }),
    );
    const shown = releaseHeld(state, latestAt(95), quietNight, NOON).notices;
    expect(shown.map((n) => n.id)).toEqual(['warn', 'unused']);
  });

  it('drops a notice past its time, by the reading or by the clock', () => {
    const state = held(limitNotice({ expiresAt: T0 + 10 }));
    expect(releaseHeld(state, latestAt(95, T0 + 10), quietNight, NOON).notices).toEqual([]);
    expect(releaseHeld(state, latestAt(95, T0), quietNight, NOON, T0 + 11).notices).toEqual([]);
    expect(releaseHeld(state, latestAt(95, T0), quietNight, NOON, T0).notices).toHaveLength(1);
  });

  it('shows a held sign-out only while it is still announced', () => {
    const out = notice({ id: 'signed-out', kind: 'signed_out' });
    expect(releaseHeld(held(out), {}, quietNight, NOON).notices).toEqual([]);
    const still = { ...held(out), signedOutShown: true };
    expect(releaseHeld(still, {}, quietNight, NOON).notices).toEqual([out]);
    const expired = notice({ id: `${KEY_EXPIRED}acc1`, kind: 'signed_out' });
    const shown = { ...held(expired), keyExpiredShown: ['acc1'] };
    expect(releaseHeld(shown, {}, quietNight, NOON).notices).toEqual([expired]);
    expect(releaseHeld(held(expired), {}, quietNight, NOON).notices).toEqual([]);
  });

  it('empties the queue but shows nothing when notifications were turned off meanwhile', () => {
    const off = { ...quietNight, enabled: false };
    const released = releaseHeld(held(limitNotice({})), latestAt(95), off, NOON);
    expect(released).toEqual({ notices: [], state: { ...EMPTY_ALERT_STATE, held: [] } });
  });
});
