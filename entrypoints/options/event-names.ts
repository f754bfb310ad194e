import type { DeliveryEvent } from '@/lib/channels/types';
import { t, type MessageKey } from '@/lib/display/i18n';

const EVENT_KEYS: Record<DeliveryEvent, MessageKey> = {
  threshold: 'chEventThreshold',
  reached: 'chEventReached',
  reset: 'chEventReset',
  forecast: 'chEventForecast',
  unused: 'chEventUnused',
  signed_out: 'chEventSignedOut',
  test: 'chEventTest',
};

/** An alert rule's name as the routes table and the delivery log show it. */
export const eventName = (event: DeliveryEvent): string => t(EVENT_KEYS[event]);
