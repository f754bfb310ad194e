import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../lib/alerts/state';
import { payloadOf, routedEvent, testPayload } from '../../../lib/channels/payload';
import { ORG, T0, fakeReading } from '../support/builders';

const notice = (overrides: Partial<Notice> = {}): Notice => ({
  kind: 'threshold',
  priority: 1,
  key: `${ORG}|session`,
  id: 'n1',
  title: '5-hour session at 80%',
  message: 'Resets in 2 h 11 min',
  ...overrides,
});
const orgs = { list: [{ uuid: ORG, name: 'Acme <b>', plan: 'Max' }], discoveredAt: T0 };

describe('routedEvent', () => {
  it('routes the alert kinds and nothing else', () => {
    for (const kind of ['threshold', 'reached', 'reset', 'forecast', 'signed_out'] as const)
      expect(routedEvent({ kind })).toBe(kind);
    expect(routedEvent({ kind: 'test' as Notice['kind'] })).toBeNull();
  });
});

describe('payloadOf', () => {
  it("fills the limit, rounded percent, reset time and organisation from the notice's key", () => {
    const reading = fakeReading(79.6);
    const payload = payloadOf(notice(), 'threshold', { [ORG]: reading }, orgs);
    expect(payload).toEqual({
      event: 'threshold',
      title: '5-hour session at 80%',
      message: 'Resets in 2 h 11 min',
      limit: '5-hour session',
      percent: 80,
      resetsAt: new Date(reading.limits[0]!.resetsAt!).toISOString(),
      organization: 'Acme <b>',
    });
  });

  it('names an organisation that has gone since, and leaves unknown parts empty', () => {
    const gone = { list: [], gone: [{ uuid: ORG, name: 'Old Co', plan: 'Pro' }], discoveredAt: T0 };
    const payload = payloadOf(notice({ key: `${ORG}|model:opus` }), 'reached', {}, gone);
    expect(payload).toMatchObject({
      limit: '',
      percent: null,
      resetsAt: '',
      organization: 'Old Co',
    });
  });

  it('copes with a notice about no limit at all (signed out)', () => {
    const payload = payloadOf(
      notice({ kind: 'signed_out', key: undefined }),
      'signed_out',
      {},
      orgs,
    );
    expect(payload).toMatchObject({
      event: 'signed_out',
      limit: '',
      percent: null,
      organization: '',
    });
  });
});

describe('testPayload', () => {
  it('fills every placeholder so a template can be checked end to end', () => {
    const payload = testPayload();
    expect(payload.event).toBe('test');
    expect(payload.title.length).toBeGreaterThan(0);
    expect(payload.message.length).toBeGreaterThan(0);
    expect(payload.limit).toBe('5-hour session');
    expect(payload.percent).toBe(0);
  });
});
