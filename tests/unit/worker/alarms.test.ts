import { describe, expect, it } from 'vitest';
import {
  ensureMaintenanceAlarm,
  MAINTENANCE_ALARM,
  MAINTENANCE_SCHEDULE,
} from '../../../lib/worker/alarms';

function alarmsWith(existing?: { periodInMinutes?: number }) {
  const created: [string, object][] = [];
  return {
    created,
    api: {
      get: async (name: string) => (existing ? { name, ...existing } : undefined),
      create: (name: string, info: object) => void created.push([name, info]),
    },
  };
}

describe('the maintenance alarm', () => {
  it('is created when missing', async () => {
    const a = alarmsWith();
    expect(await ensureMaintenanceAlarm(a.api)).toBe(true);
    expect(a.created).toEqual([[MAINTENANCE_ALARM, { ...MAINTENANCE_SCHEDULE }]]);
  });

  it('is left alone when it exists with its period, so a worker start never delays it', async () => {
    const a = alarmsWith({ periodInMinutes: MAINTENANCE_SCHEDULE.periodInMinutes });
    expect(await ensureMaintenanceAlarm(a.api)).toBe(false);
    expect(a.created).toEqual([]);
  });

  it('is made again when its period changed', async () => {
    const a = alarmsWith({ periodInMinutes: 60 });
    expect(await ensureMaintenanceAlarm(a.api)).toBe(true);
    expect(a.created).toHaveLength(1);
  });
});
