import type { DeliveryRecord } from './channels/types';

/** Messages from extension pages to the background worker. Everything else is read from storage. */
export type Message =
  { type: 'refresh' } | { type: 'test-notification' } | { type: 'test-channel'; channelId: string };

export type MessageResponse<M extends Message> = M extends { type: 'refresh' }
  ? { ok: boolean }
  : M extends { type: 'test-notification' }
    ? { ok: boolean }
    : M extends { type: 'test-channel' }
      ? DeliveryRecord | null
      : never;

/** Narrow an unknown runtime message to one of ours. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, channelId } = value as { type?: unknown; channelId?: unknown };
  if (type === 'test-channel') return typeof channelId === 'string';
  return type === 'refresh' || type === 'test-notification';
}
