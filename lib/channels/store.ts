import { storage } from 'wxt/utils/storage';
import { migrateRoutes, migrateRoutesV3 } from './migrate';
import { DEFAULT_ROUTES, type AlertRoutes, type DeliveryRecord } from './types';

/**
 * Where alerts go, with the channels' secrets: `local:` only, so never synced, and kept apart from
 * the settings so that no export or diagnostics text can carry them.
 */
export const routesItem = storage.defineItem<AlertRoutes>('local:alertRoutes', {
  fallback: DEFAULT_ROUTES,
  // 2: each audience's own thresholds and limits (version 1 routes get the global ones).
  // 3: each audience's own organisations (all, as before) and the "use it or lose it" route.
  version: 3,
  migrations: { 2: migrateRoutes, 3: migrateRoutesV3 },
});

/** The last deliveries to channels, newest first. */
export const deliveryLogItem = storage.defineItem<DeliveryRecord[]>('local:deliveryLog', {
  fallback: [],
  version: 1,
});
