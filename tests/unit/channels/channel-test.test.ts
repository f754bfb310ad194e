import { describe, expect, it } from 'vitest';
import { createChannelTest } from '../../../lib/channels/channel-test';
import { DEFAULT_ROUTES, type AlertRoutes, type Channel } from '../../../lib/channels/types';

describe('"Send test" for a channel', () => {
  it('sends the test payload once, without retries, to that channel only', async () => {
    const sent: [string, string, number][] = [];
    const channel = { id: 'c2', name: 'Ops' } as Channel;
    const routes: AlertRoutes = {
      ...DEFAULT_ROUTES,
      channels: [{ id: 'c1', name: 'Home' } as Channel, channel],
    };
    const testChannel = createChannelTest({
      routes: { getValue: async () => routes, setValue: async () => undefined },
      send: async (c, payload, { retries }) => {
        sent.push([c.id, payload.event, retries]);
        return { channelId: c.id, ok: true } as never;
      },
    });
    expect(await testChannel('c2')).toMatchObject({ channelId: 'c2' });
    expect(sent).toEqual([['c2', 'test', 0]]);
  });

  it('answers null for a channel that no longer exists, sending nothing', async () => {
    let sends = 0;
    const testChannel = createChannelTest({
      routes: { getValue: async () => DEFAULT_ROUTES, setValue: async () => undefined },
      send: async () => (sends++, null as never),
    });
    expect(await testChannel('gone')).toBeNull();
    expect(sends).toBe(0);
  });
});
