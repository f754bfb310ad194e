import { describe, expect, it } from 'vitest';
import { asAccountOrg } from '../../../lib/accounts/accounts';
import { decideOnFailure, decideOnReading, releaseHeld } from '../../../lib/alerts/decide';
import { EMPTY_ALERT_STATE, withoutOrgs, type AlertState } from '../../../lib/alerts/state';
import { payloadOf } from '../../../lib/channels/payload';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { statusText } from '../../../lib/display/status-text';
import { verdictOf } from '../../../lib/display/verdict';
import type { Failure } from '../../../lib/usage/types';
import { fakeReading, ORG, T0 } from '../support/builders';

const NOON = 12 * 60;
const settings = { ...structuredClone(DEFAULT_SETTINGS.notifications), forecast: false };
const WORK = { id: 'a0w0r0k00', name: 'Work' };
const HOME = { id: 'a0h0o0m00', name: 'Home' };
const expired = (account?: { id: string; name: string }): Failure => ({
  kind: 'signed_out',
  status: 401,
  ...(account ? { account } : {}),
});
const ACME = `${WORK.id}/acme-uuid`;

/** The notices of a run of failures and readings, in order, from an empty memory. */
function run(steps: (Failure | { orgId: string; percent: number })[], from = EMPTY_ALERT_STATE) {
  let state: AlertState = from;
  const titles: string[] = [];
  steps.forEach((step, i) => {
    const now = T0 + i * 60_000;
    const d =
      'kind' in step
        ? decideOnFailure(state, step, settings, NOON)
        : decideOnReading(
            state,
            {
              orgId: step.orgId,
              reading: fakeReading(step.percent, 10, { orgId: step.orgId, at: now }),
            },
            settings,
            now,
            NOON,
          );
    state = d.state;
    titles.push(...d.notices.map((n) => n.title));
  });
  return { state, titles };
}

describe('alerts with added logins', () => {
  it('announces an expired key once per account, by name', () => {
    const { titles, state } = run([expired(WORK), expired(WORK), expired(HOME), expired(WORK)]);
    expect(titles).toEqual(['Work: session key expired', 'Home: session key expired']);
    expect(state.keyExpiredShown).toEqual([WORK.id, HOME.id]);
    // The browser's own sign-out is a notice of its own, untouched.
    expect(state.signedOutShown).toBe(false);
  });

  it('announces it again only after that account has read again', () => {
    const { titles } = run([
      expired(WORK),
      { orgId: `${HOME.id}/beta`, percent: 10 },
      { orgId: ORG, percent: 10 },
      expired(WORK),
      { orgId: ACME, percent: 10 },
      expired(WORK),
    ]);
    expect(titles).toEqual(['Work: session key expired', 'Work: session key expired']);
  });

  it('an added login reading does not re-arm the browser’s own sign-out notice', () => {
    const steps = [
      expired(),
      { orgId: ACME, percent: 10 },
      expired(),
      { orgId: ACME, percent: 12 },
      expired(),
    ];
    const { titles, state } = run(steps);
    expect(titles).toEqual(['Signed out of claude.ai']);
    expect(state.signedOutShown).toBe(true);
    // Its own reading does.
    expect(run([...steps, { orgId: ORG, percent: 10 }, expired()]).titles).toHaveLength(2);
  });

  it('a held key-expired notice is still shown after quiet hours while that key is still expired', () => {
    const quiet = { ...settings, quietHours: { enabled: true, start: '22:00', end: '07:00' } };
    const held = decideOnFailure(EMPTY_ALERT_STATE, expired(WORK), quiet, 23 * 60);
    expect(held.notices).toEqual([]);
    expect(releaseHeld(held.state, {}, quiet, 8 * 60).notices.map((n) => n.title)).toEqual([
      'Work: session key expired',
    ]);
    const readAgain = decideOnReading(
      held.state,
      { orgId: ACME, reading: fakeReading(10, 10, { orgId: ACME }) },
      quiet,
      T0,
      23 * 60,
    );
    expect(releaseHeld(readAgain.state, {}, quiet, 8 * 60).notices).toEqual([]);
  });

  it('forgets only the removed account’s memory, in every audience', () => {
    const home = `${HOME.id}/beta`;
    let state = run([
      { orgId: ACME, percent: 92 },
      { orgId: home, percent: 92 },
      { orgId: ORG, percent: 92 },
      expired(WORK),
      expired(HOME),
    ]).state;
    state = {
      ...state,
      held: [
        {
          id: `threshold:${ACME}|session`,
          kind: 'threshold',
          title: 'a',
          message: '',
          priority: 2,
          key: `${ACME}|session`,
          percent: 90,
        },
        {
          id: `key-expired:${WORK.id}`,
          kind: 'signed_out',
          title: 'b',
          message: '',
          priority: 2.5,
        },
        {
          id: `key-expired:${HOME.id}`,
          kind: 'signed_out',
          title: 'c',
          message: '',
          priority: 2.5,
        },
      ],
      audiences: { chan: { ...state, audiences: undefined } },
    };
    const mine = (key: string) => key.startsWith(`${WORK.id}/`);
    const clean = withoutOrgs(state, mine, WORK.id);
    const limitsLeft = [
      `${home}|session`,
      `${home}|weekly`,
      `${ORG}|session`,
      `${ORG}|weekly`,
    ].sort();
    expect(Object.keys(clean.limits).sort()).toEqual(limitsLeft);
    expect(clean.keyExpiredShown).toEqual([HOME.id]);
    expect(clean.held.map((n) => n.title)).toEqual(['c']);
    expect(Object.keys(clean.audiences!.chan!.limits).sort()).toEqual(limitsLeft);
    expect(clean.audiences!.chan!.keyExpiredShown).toEqual([HOME.id]);
    // The rest is as it was.
    expect(clean.limits[`${ORG}|session`]).toEqual(state.limits[`${ORG}|session`]);
    expect(clean.signedOutShown).toBe(state.signedOutShown);
  });

  it('names the account in what a channel is told', () => {
    const org = asAccountOrg({ uuid: 'acme-uuid', name: 'Acme', plan: 'Team' }, WORK);
    const payload = payloadOf(
      { id: 'n', kind: 'threshold', title: 't', message: 'm', priority: 2, key: `${ACME}|session` },
      'threshold',
      { [ACME]: fakeReading(80, 10, { orgId: ACME }) },
      { list: [{ uuid: ORG, name: 'Personal', plan: 'Pro' }, org], discoveredAt: T0 },
    );
    expect(payload.organization).toBe('Work · Acme');
    expect(payload.percent).toBe(80);
  });

  it('words an expired key as that account’s, not as signed out of claude.ai', () => {
    const input = { lastSuccessAt: T0, nextPollAt: null, stale: false, refreshing: false, now: T0 };
    const theirs = statusText({ ...input, failure: { ...expired(WORK), at: T0 } });
    expect(theirs).toEqual({
      text: 'The session key of “Work” expired.',
      action: { kind: 'link', href: '/options.html#accounts', label: expect.any(String) },
    });
    const own = statusText({ ...input, failure: { ...expired(), at: T0 } });
    expect(own.action).toMatchObject({ kind: 'link', href: 'https://claude.ai/login' });
    const verdict = (failure: Failure) =>
      verdictOf({ limits: [], outlooks: {}, failure, lastSuccessAt: T0, stale: false, now: T0 })
        ?.text;
    expect(verdict(expired(WORK))).toBe('Session key expired: paste a new one');
    expect(verdict(expired())).not.toBe(verdict(expired(WORK)));
  });
});
