import { describe, expect, it } from 'vitest';
import { decideOwn, DESKTOP, type OwnRunInput } from '../../../lib/alerts/audience-run';
import { GLOBAL_RULES } from '../../../lib/alerts/audience';
import { EMPTY_ALERT_STATE, type AlertState } from '../../../lib/alerts/state';
import { NOON, settings } from '../support/alert-run';
import { fakeReading, ORG, T0 } from '../support/builders';

const TEAM = 'team-org';
const own = (thresholds: number[], orgs: string[] | null = null) => ({
  ...GLOBAL_RULES,
  thresholds,
  orgs,
});
/** Both organisations read at the given session percents. */
function input(personal: number, team: number, now = T0): OwnRunInput {
  const latest = {
    [ORG]: fakeReading(personal, 10, { at: now }),
    [TEAM]: fakeReading(team, 10, { orgId: TEAM, at: now }),
  };
  return {
    latest,
    inputs: Object.entries(latest).map(([orgId, reading]) => ({ orgId, reading })),
    rules: settings(),
    minutes: NOON,
    now,
  };
}
const titles = (list: { title: string }[] = []) => list.map((n) => n.title);

describe('decideOwn', () => {
  it('decides each audience with its own levels, hearing only its organisations', () => {
    const listening = [
      { id: DESKTOP, rules: own([50]) },
      { id: 'phone', rules: own([95], [TEAM]) },
    ];
    const { notices, states } = decideOwn(EMPTY_ALERT_STATE, listening, [], input(60, 96));
    expect(titles(notices[DESKTOP])).toEqual(['5-hour session at 60%', '5-hour session at 96%']);
    expect(titles(notices.phone)).toEqual(['5-hour session at 96%']);
    expect(Object.keys(states.phone!.limits)).toEqual([`${TEAM}|session`, `${TEAM}|weekly`]);
  });

  it('says a level once per window from its own memory, apart from other audiences', () => {
    const listening = [{ id: 'phone', rules: own([50]) }];
    const first = decideOwn(EMPTY_ALERT_STATE, listening, [], input(60, 0));
    const state: AlertState = { ...EMPTY_ALERT_STATE, audiences: first.states };
    const again = decideOwn(state, listening, ['phone'], input(62, 0, T0 + 600_000));
    expect(titles(first.notices.phone)).toHaveLength(1);
    expect(again.notices.phone).toEqual([]);
  });

  it('keeps the memory of a known audience not listening now, and forgets the rest', () => {
    const kept = { ...EMPTY_ALERT_STATE, signedOutShown: true };
    const state: AlertState = { ...EMPTY_ALERT_STATE, audiences: { off: kept, deleted: kept } };
    const { states, notices } = decideOwn(state, [], ['off'], input(60, 0));
    expect(states).toEqual({ off: kept });
    expect(notices).toEqual({});
  });

  it('leaves an audience without levels of its own to the shared run, and drops its memory', () => {
    const state: AlertState = { ...EMPTY_ALERT_STATE, audiences: { phone: EMPTY_ALERT_STATE } };
    const listening = [{ id: 'phone', rules: GLOBAL_RULES }, { id: 'old' }];
    const { states, notices } = decideOwn(state, listening, ['phone'], input(99, 99));
    expect(states).toEqual({});
    expect(notices).toEqual({});
  });
});
