/** Daily housekeeping: compacting old history. */
export const MAINTENANCE_ALARM = 'maintenance';
/** The first housekeeping waits a little after install, then runs once a day. */
export const MAINTENANCE_SCHEDULE = { delayInMinutes: 10, periodInMinutes: 24 * 60 } as const;

export interface AlarmsApi {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
}

/**
 * Create the maintenance alarm only when it is missing or its period changed: recreating it on
 * every worker start would push the daily run forward forever (a worker starts many times a day).
 */
export async function ensureMaintenanceAlarm(alarms: AlarmsApi): Promise<boolean> {
  const alarm = await alarms.get(MAINTENANCE_ALARM);
  if (alarm && alarm.periodInMinutes === MAINTENANCE_SCHEDULE.periodInMinutes) return false;
  await alarms.create(MAINTENANCE_ALARM, { ...MAINTENANCE_SCHEDULE });
  return true;
}
