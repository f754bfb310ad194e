import type { Channel, DeliveryRecord } from './types';

export interface FailingChannel {
  name: string;
  /** What went wrong on its latest delivery. */
  error: string;
}

/**
 * The switched-on channels whose latest delivery failed, newest failure first: a channel that
 * works again, was switched off or removed drops out. `log` is newest first. Pure.
 */
export function failingChannels(
  log: readonly DeliveryRecord[],
  channels: readonly Channel[],
): FailingChannel[] {
  const latest = new Map<string, DeliveryRecord>();
  for (const record of log) if (!latest.has(record.channelId)) latest.set(record.channelId, record);
  return channels
    .filter((c) => c.enabled)
    .map((c) => ({ channel: c, record: latest.get(c.id) }))
    .filter(({ record }) => record !== undefined && !record.ok)
    .sort((a, b) => b.record!.at - a.record!.at)
    .map(({ channel, record }) => ({ name: channel.name, error: record!.error ?? '' }));
}
