import { t } from '../i18n';
import type { Item } from '../poll-store-item';
import { deliver, type DeliverDeps } from './deliver';
import { renderRequest } from './render';
import { DELIVERY_LOG_SIZE, type AlertPayload, type Channel, type DeliveryRecord } from './types';
import { originPattern } from './validate';

export interface DispatcherDeps extends Omit<DeliverDeps, 'retries'> {
  /** Whether the browser lets the extension reach this match pattern now. */
  hasPermission: (pattern: string) => Promise<boolean>;
  log: Item<DeliveryRecord[]>;
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
        const result = await deliver(renderRequest(channel, payload), { ...deps, ...options });
        entry = { ...base, at: deps.now(), ...result };
      }
      await record(entry).catch(() => undefined);
      return entry;
    },
  };
}
