import type { Item } from '../storage/item';
import { testPayload } from './payload';
import type { AlertPayload, Channel, DeliveryRecord, AlertRoutes } from './types';

export interface ChannelTestDeps {
  routes: Item<AlertRoutes>;
  send: (
    channel: Channel,
    payload: AlertPayload,
    options: { retries: number },
  ) => Promise<DeliveryRecord>;
}

/** The options page's "Send test" for one channel: one attempt, its outcome logged and returned. */
export function createChannelTest(deps: ChannelTestDeps) {
  return async function testChannel(channelId: string): Promise<DeliveryRecord | null> {
    const channel = (await deps.routes.getValue()).channels.find((c) => c.id === channelId);
    return channel ? deps.send(channel, testPayload(), { retries: 0 }) : null;
  };
}
