// What a write of readings needs to know of the day packs: which days it touched, and the
// placeholder it leaves over each. Apart from `day-pack.ts` so that the history database's code
// (the popup loads it for its chart) carries none of the packing itself.
import type { DayPack, Snapshot } from '../storage/db-schema';

/** Packs cover whole UTC days, so they mean the same in every time zone. */
export const DAY_MS = 24 * 3_600_000;

/** The UTC day start of a moment. Pure. */
export const packDayOf = (at: number) => Math.floor(at / DAY_MS) * DAY_MS;

/** The placeholder for a day whose readings changed and whose pack is not made yet. */
export function stalePack(orgId: string, day: number): DayPack {
  return {
    orgId,
    day,
    count: 0,
    ids: [],
    kinds: [],
    names: [],
    labels: [],
    values: null,
    stale: true,
  };
}

export interface TouchedDay {
  orgId: string;
  day: number;
  readings: Snapshot[];
}

/** The (organisation, UTC day) pairs some readings or keys fall in, with the readings given. Pure. */
export function daysTouched(items: readonly (Snapshot | { orgId: string; at: number })[]) {
  const days = new Map<string, TouchedDay>();
  for (const item of items) {
    const day = packDayOf(item.at);
    const key = `${item.orgId}\n${day}`;
    let d = days.get(key);
    if (!d) days.set(key, (d = { orgId: item.orgId, day, readings: [] }));
    if ('limits' in item) d.readings.push(item);
  }
  return [...days.values()];
}
