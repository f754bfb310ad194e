import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../lib/channels/dispatch';
import { SAMPLE_PAYLOAD } from '../../../lib/channels/render';
import {
  DEFAULT_CHANNEL_EVENTS,
  type Channel,
  type DeliveryRecord,
} from '../../../lib/channels/types';
import type { Item } from '../../../lib/storage/item';

function memoryItem<T>(value: T): Item<T> & { value: T } {
  return {
    value,
    async getValue() {
      return this.value;
    },
    async setValue(next: T) {
      this.value = next;
    },
  };
}

const channel: Channel = {
  id: 'c1',
  name: 'Phone',
  enabled: true,
  events: DEFAULT_CHANNEL_EVENTS,
  type: 'ntfy',
  server: 'https://ntfy.sh',
  topic: 'topic',
  token: '',
};

function setup(options: { permitted?: boolean; status?: number } = {}) {
  const log = memoryItem<DeliveryRecord[]>([]);
  const fetch = vi.fn(async () => new Response(null, { status: options.status ?? 200 }));
  const hasPermission = vi.fn(async () => options.permitted ?? true);
  const dispatcher = createDispatcher({
    fetch: fetch as unknown as typeof globalThis.fetch,
    sleep: async () => undefined,
    now: () => 1_000,
    hasPermission,
    log,
  });
  return { dispatcher, log, fetch, hasPermission };
}

describe('createDispatcher', () => {
  it('logs a delivery with its outcome, newest first', async () => {
    const { dispatcher, log, hasPermission } = setup();
    await dispatcher.send(channel, SAMPLE_PAYLOAD);
    await dispatcher.send(channel, { ...SAMPLE_PAYLOAD, event: 'reached' });
    expect(hasPermission).toHaveBeenCalledWith('https://ntfy.sh/*');
    expect(log.value.map((r) => [r.event, r.ok, r.status, r.channelName])).toEqual([
      ['reached', true, 200, 'Phone'],
      ['threshold', true, 200, 'Phone'],
    ]);
  });

  it('sends nothing to a host the browser no longer lets it reach, and says so', async () => {
    const { dispatcher, log, fetch } = setup({ permitted: false });
    const record = await dispatcher.send(channel, SAMPLE_PAYLOAD);
    expect(fetch).not.toHaveBeenCalled();
    expect(record).toMatchObject({ ok: false, attempts: 0 });
    expect(log.value[0]!.error).toMatch(/No permission/);
  });

  it('keeps the last 50 deliveries, even when many finish at once', async () => {
    const { dispatcher, log } = setup({ status: 500 });
    await Promise.all(
      Array.from({ length: 60 }, () => dispatcher.send(channel, SAMPLE_PAYLOAD, { retries: 0 })),
    );
    expect(log.value).toHaveLength(50);
    expect(log.value.every((r) => !r.ok && r.status === 500)).toBe(true);
  });
});
