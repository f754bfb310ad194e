import { GLOBAL_RULES } from '../alerts/audience';
import { DEFAULT_ROUTES, type AlertRoutes } from './types';

/**
 * Routes stored before per-audience rules (version 1) as version 2: the desktop and every channel
 * get the global thresholds and limits, written out, so each keeps exactly what it heard before.
 * Anything unreadable falls back to the defaults rather than losing the alerts. Pure.
 */
export function migrateRoutes(stored: unknown): AlertRoutes {
  const routes = stored as Partial<AlertRoutes> | null;
  if (!routes || typeof routes !== 'object' || !Array.isArray(routes.channels))
    return { ...DEFAULT_ROUTES, desktopRules: { ...GLOBAL_RULES } };
  return {
    desktop: { ...DEFAULT_ROUTES.desktop, ...routes.desktop },
    desktopRules: routes.desktopRules ?? { ...GLOBAL_RULES },
    channels: routes.channels.map((c) => ({ ...c, rules: c.rules ?? { ...GLOBAL_RULES } })),
  };
}
