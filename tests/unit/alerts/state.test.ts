import { describe, expect, it } from 'vitest';
import {
  EMPTY_ALERT_STATE,
  KEY_EXPIRED,
  withoutOrgs,
  type AlertState,
  type LimitMemory,
  type Notice,
} from '../../../lib/alerts/state';

const memory: LimitMemory = {
  resetsAt: null,
  percent: 50,
  peak: 50,
  fired: {},
  lastShown: {},
  seenAt: 0,
};
const notice = (id: string, key?: string): Notice => ({
  id,
  kind: 'threshold',
  title: id,
  message: '',
  priority: 1,
  ...(key ? { key, percent: 80 } : {}),
});

/** Memory of the browser's own organisation and of two of account a1's. */
const state = (): AlertState => ({
  ...EMPTY_ALERT_STATE,
  limits: { 'own|session': memory, 'a1/x|session': memory, 'a1/y|weekly': memory },
  held: [
    notice('own', 'own|session'),
    notice('mine', 'a1/x|session'),
    notice(`${KEY_EXPIRED}a1`),
    notice(`${KEY_EXPIRED}a2`),
  ],
  keyExpiredShown: ['a1', 'a2'],
});
const gone = (key: string) => key.startsWith('a1/');

describe('withoutOrgs', () => {
  it("forgets the removed account's limits, held notices and announced expiry", () => {
    const left = withoutOrgs(state(), gone, 'a1');
    expect(Object.keys(left.limits)).toEqual(['own|session']);
    expect(left.held.map((n) => n.id)).toEqual(['own', `${KEY_EXPIRED}a2`]);
    expect(left.keyExpiredShown).toEqual(['a2']);
  });

  it("cleans every audience's own memory the same way, keeping the audiences", () => {
    const left = withoutOrgs(
      { ...state(), audiences: { desk: state(), ch1: state() } },
      gone,
      'a1',
    );
    expect(Object.keys(left.audiences!)).toEqual(['desk', 'ch1']);
    for (const s of Object.values(left.audiences!))
      expect(Object.keys(s.limits)).toEqual(['own|session']);
  });

  it('adds no audiences to a state that had none, and leaves other accounts alone', () => {
    const left = withoutOrgs(state(), () => false, 'a3');
    expect('audiences' in left).toBe(false);
    expect(left).toEqual(state());
  });
});
