import { GLOBAL_RULES, type AudienceRules } from '../alerts/audience';
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

/**
 * Routes of version 2 as version 3: every place hears all organisations (as it did), and the new
 * "use it or lose it" alert starts where reset alerts go, being about the coming reset (it is
 * off in the settings until the person turns it on, so nothing changes until then). Pure.
 */
export function migrateRoutesV3(stored: unknown): AlertRoutes {
  const routes = migrateRoutes(stored);
  const was = (stored as { desktop?: { unused?: boolean } } | null)?.desktop?.unused;
  const rules = (r?: AudienceRules): AudienceRules => ({ ...GLOBAL_RULES, ...r });
  return {
    desktop: { ...routes.desktop, unused: was ?? routes.desktop.reset },
    desktopRules: rules(routes.desktopRules),
    channels: routes.channels.map((c) => ({
      ...c,
      events: { ...c.events, unused: c.events.unused ?? !!c.events.reset },
      rules: rules(c.rules),
    })),
  };
}
