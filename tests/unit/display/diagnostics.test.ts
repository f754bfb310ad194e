import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_EVENTS, type Channel } from '../../../lib/channels/types';
import { diagnosticsText } from '../../../lib/display/diagnostics';
import { ORG, fakeStatus } from '../support/builders';

const base = { name: 'x', enabled: true, events: DEFAULT_CHANNEL_EVENTS };
const channels: Channel[] = [
  { ...base, id: 'a', type: 'slack', url: 'https://hooks.slack.com/services/T1/B2/SECRET1' },
  {
    ...base,
    id: 'b',
    type: 'ntfy',
    server: 'https://ntfy.sh',
    topic: 'SECRET2topic',
    token: 'SECRET3',
    enabled: false,
  },
  {
    ...base,
    id: 'c',
    type: 'webhook',
    url: 'https://h.test/in?key=SECRET4',
    method: 'POST',
    headers: [{ name: 'Authorization', value: 'Bearer SECRET5' }],
    bodyTemplate: '{message}',
  },
];

describe('diagnosticsText', () => {
  const text = diagnosticsText({
    version: '1.2.3',
    status: fakeStatus(),
    orgs: { list: [{ uuid: ORG, name: 'Alex Private Name', plan: 'Max' }], discoveredAt: 1 },
    permissions: { permissions: ['alarms'], origins: ['https://claude.ai/*'] },
    readings: 12,
    userAgent: 'UA',
    channels,
  });

  it('lists channels by kind and host, with every secret masked', () => {
    expect(text).toContain(
      'Alert channels: slack https://hooks.slack.com/•••, ntfy https://ntfy.sh/SE••• · token set (off), webhook https://h.test/•••',
    );
    expect(text).not.toMatch(/SECRET/);
  });

  it('names no organisation and cuts its id', () => {
    expect(text).not.toContain('Alex Private Name');
    expect(text).not.toContain(ORG);
    expect(text).toContain(ORG.slice(0, 8));
  });
});
