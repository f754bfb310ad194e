/** Messages from extension pages to the background worker. Everything else is read from storage. */
export type Message = { type: 'refresh' } | { type: 'test-notification' };

export type MessageResponse<M extends Message> = M extends { type: 'refresh' }
  ? { ok: boolean }
  : M extends { type: 'test-notification' }
    ? { ok: boolean }
    : never;

/** Narrow an unknown runtime message to one of ours. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'refresh' || type === 'test-notification';
}
