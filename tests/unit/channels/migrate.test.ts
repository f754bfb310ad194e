import { describe, expect, it } from 'vitest';
import { GLOBAL_RULES } from '../../../lib/alerts/audience';
import { migrateRoutes, migrateRoutesV3 } from '../../../lib/channels/migrate';
import { DEFAULT_ROUTES } from '../../../lib/channels/types';
import { ntfyChannel, ROUTES_V2 as V2, STORED_V1 } from '../support/stored-routes';

describe('migrateRoutes (version 1 to 2)', () => {
  it('gives the desktop and every channel the global rules, keeping all else', () => {
    const migrated = migrateRoutes(structuredClone(STORED_V1));
    expect(migrated.desktopRules).toEqual(GLOBAL_RULES);
    expect(migrated.channels.map((c) => c.rules)).toEqual([GLOBAL_RULES, GLOBAL_RULES]);
    expect(migrated.desktop).toMatchObject(STORED_V1.desktop);
    expect(migrated.channels.map(({ rules: _, ...c }) => c)).toEqual(STORED_V1.channels);
  });

  it('never loses alerts over unreadable stored routes', () => {
    expect(migrateRoutes(null).channels).toEqual([]);
    expect(migrateRoutes({ channels: 'x' }).desktop.threshold).toBe(true);
  });

  it('keeps rules a channel already has', () => {
    const own = { thresholds: [50], kinds: null };
    const stored = { ...STORED_V1, channels: [{ ...STORED_V1.channels[0], rules: own }] };
    expect(migrateRoutes(structuredClone(stored)).channels[0]!.rules).toEqual(own);
    expect(migrateRoutes(undefined).desktop).toEqual(DEFAULT_ROUTES.desktop);
  });
});

describe('migrateRoutesV3 (version 2 to 3)', () => {
  it('gives every place all organisations and keeps its levels and routes', () => {
    const migrated = migrateRoutesV3(structuredClone(V2));
    expect(migrated.desktopRules).toEqual({ thresholds: [80], kinds: null, orgs: null });
    expect(migrated.channels.map((c) => c.rules)).toEqual([GLOBAL_RULES, GLOBAL_RULES]);
    expect(migrated.desktop).toMatchObject(V2.desktop);
    expect(migrated.channels.map((c) => c.events.threshold)).toEqual([true, true]);
  });

  it('routes "use it or lose it" where reset alerts went', () => {
    const migrated = migrateRoutesV3(structuredClone(V2));
    expect(migrated.desktop.unused).toBe(false);
    expect(migrated.channels.map((c) => c.events.unused)).toEqual([true, false]);
  });

  it('takes version 1 routes through both steps, and never loses alerts over junk', () => {
    const v1 = { desktop: { reset: true }, channels: [{ ...ntfyChannel('x'), rules: undefined }] };
    const migrated = migrateRoutesV3(migrateRoutes(structuredClone(v1)));
    expect(migrated.channels[0]!.rules).toEqual(GLOBAL_RULES);
    expect(migrated.desktop.unused).toBe(true);
    expect(migrateRoutesV3(null).channels).toEqual([]);
    expect(migrateRoutesV3('junk').desktopRules).toEqual(GLOBAL_RULES);
  });
});
