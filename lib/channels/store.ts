import { storage } from 'wxt/utils/storage';
import { DEFAULT_ROUTES, type AlertRoutes, type DeliveryRecord } from './types';

/**
 * Where alerts go, with the channels' secrets: `local:` only, so never synced, and kept apart from
 * the settings so that no export or diagnostics text can carry them.
 */
export const routesItem = storage.defineItem<AlertRoutes>('local:alertRoutes', {
  fallback: DEFAULT_ROUTES,
  version: 1,
});

/** The last deliveries to channels, newest first. */
export const deliveryLogItem = storage.defineItem<DeliveryRecord[]>('local:deliveryLog', {
  fallback: [],
  version: 1,
});
