import { describe, expect, it } from 'vitest';
import { failingChannels } from '../../../lib/channels/health';
import {
  DEFAULT_CHANNEL_EVENTS,
  type Channel,
  type DeliveryRecord,
} from '../../../lib/channels/types';

const channel = (id: string, enabled = true): Channel => ({
  id,
  name: `Channel ${id}`,
  enabled,
  events: DEFAULT_CHANNEL_EVENTS,
  type: 'slack',
  url: 'https://hooks.slack.com/services/x',
});
const record = (channelId: string, at: number, ok: boolean): DeliveryRecord => ({
  at,
  channelId,
  channelName: channelId,
  event: 'threshold',
  ok,
  attempts: 1,
  ...(ok ? { status: 200 } : { status: 500, error: 'HTTP 500' }),
});

describe('failingChannels', () => {
  it('names switched-on channels whose latest delivery failed, newest first', () => {
    const log = [record('b', 30, false), record('a', 20, false), record('a', 10, true)];
    expect(failingChannels(log, [channel('a'), channel('b')])).toEqual([
      { name: 'Channel b', error: 'HTTP 500' },
      { name: 'Channel a', error: 'HTTP 500' },
    ]);
  });

  it('forgets a failure once the channel delivers again', () => {
    const log = [record('a', 20, true), record('a', 10, false)];
    expect(failingChannels(log, [channel('a')])).toEqual([]);
  });

  it('ignores channels switched off or removed, and channels never used', () => {
    const log = [record('gone', 30, false), record('off', 20, false)];
    expect(failingChannels(log, [channel('off', false), channel('fresh')])).toEqual([]);
  });
});
