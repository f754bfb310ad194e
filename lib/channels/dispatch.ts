import { t } from '../display/i18n';
import type { Item } from '../storage/item';
import { deliver, type DeliverDeps } from './deliver';
import { renderRequest, type SendContext } from './render';
import { matrixAliasRequest } from './render-push';
import { DELIVERY_LOG_SIZE, type AlertPayload, type Channel, type DeliveryRecord } from './types';
import { originPattern } from './validate';

export interface DispatcherDeps extends Omit<DeliverDeps, 'retries'> {
  /** Whether the browser lets the extension reach this match pattern now. */
  hasPermission: (pattern: string) => Promise<boolean>;
  log: Item<DeliveryRecord[]>;
  /** A fresh id per delivery (Matrix's transaction id); `crypto.randomUUID` when not given. */
  newId?: () => string;
}

/**
 * What a Matrix send needs: a fresh transaction id, and the room's id, looked up in the room
 * directory when the person gave an alias (so a renamed alias follows the room it now names).
 * Returns an error in words when the lookup fails.
 */
async function sendContext(
  channel: Channel,
  deps: DispatcherDeps,
): Promise<SendContext | { error: string }> {
  const txnId = (deps.newId ?? (() => crypto.randomUUID()))();
  if (channel.type !== 'matrix' || !channel.room.startsWith('#')) return { txnId };
  const request = matrixAliasRequest(channel);
  try {
    const response = await deps.fetch(request.url, {
      method: 'GET',
      headers: request.headers,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
    const body = (await response.json().catch(() => null)) as { room_id?: unknown } | null;
    if (response.ok && typeof body?.room_id === 'string' && body.room_id.startsWith('!'))
      return { txnId, roomId: body.room_id };
    return { error: t('chErrMatrixAlias', [channel.room, `HTTP ${response.status}`]) };
  } catch (error) {
    return {
      error: t('chErrMatrixAlias', [
        channel.room,
        error instanceof Error ? error.message : String(error),
      ]),
    };
  }
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/**
 * Sends alerts to channels and keeps the delivery log. Deliveries run side by side; only the
 * log's read-modify-write is serialised, so a slow or dead channel never holds up another.
 */
export function createDispatcher(deps: DispatcherDeps) {
  let logChain: Promise<unknown> = Promise.resolve();
  function record(entry: DeliveryRecord): Promise<void> {
    const run = logChain.then(async () => {
      const log = await deps.log.getValue();
      await deps.log.setValue([entry, ...log].slice(0, DELIVERY_LOG_SIZE));
    });
    logChain = run.catch(() => undefined);
    return run;
  }

  return {
    /** Deliver one alert to one channel, log the outcome and return it; never throws. */
    async send(
      channel: Channel,
      payload: AlertPayload,
      options: { retries?: number } = {},
    ): Promise<DeliveryRecord> {
      const started = deps.now();
      const pattern = originPattern(channel);
      const base = { channelId: channel.id, channelName: channel.name, event: payload.event };
      let entry: DeliveryRecord;
      if (!pattern || !(await deps.hasPermission(pattern).catch(() => false))) {
        entry = {
          ...base,
          at: started,
          ok: false,
          attempts: 0,
          error: t('chErrNoPermission'),
        };
      } else {
        const context = await sendContext(channel, deps);
        if ('error' in context) {
          entry = { ...base, at: deps.now(), ok: false, attempts: 1, error: context.error };
        } else {
          const request = renderRequest(channel, payload, context);
          const result = await deliver(request, { ...deps, ...options });
          entry = { ...base, at: deps.now(), ...result };
        }
      }
      await record(entry).catch(() => undefined);
      return entry;
    },
  };
}
