import { DEFAULT_SETTINGS } from '../../lib/settings';
import { toJsonExport } from '../../lib/history/export';
import type { Snapshot } from '../../lib/storage/db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A year of compacted history as the options page imports it: one point an hour (tier 60). The
 * 5-hour session is used only on Tuesdays: 40 % by the 14:00 hour, 100 % by the 15:00 hour, reset
 * at 19:00 (local time, as the page reads it). The weekly limit holds at 30 %. The year ends
 * `endGapMs` before `now`, so live readings never join a step with it.
 */
export function yearOfTuesdays(orgId: string, now: number, endGapMs = 3 * HOUR) {
  const readings: Snapshot[] = [];
  // From a local midnight: a year that began inside a Tuesday's 14:00–19:00 would start mid-session.
  const first = new Date(now - 364 * DAY);
  const start = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 1).getTime();
  const end = now - endGapMs;
  // Counted as the dashboard sees them: every Tuesday 14:00 and 15:00 hour the year holds, a
  // session still open at its end included (on a Tuesday afternoon the last one is).
  let at14 = 0;
  let at15 = 0;
  for (let at = start; at <= end; at += HOUR) {
    const d = new Date(at);
    const tuesday = d.getDay() === 2;
    const hour = d.getHours();
    const sessionEnd = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 19).getTime();
    const used = tuesday && hour >= 14 && hour < 19;
    if (tuesday && hour === 14 && at - HOUR >= start) at14 += 1;
    if (tuesday && hour === 15 && at - 2 * HOUR >= start) at15 += 1;
    const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
    readings.push({
      orgId,
      at,
      tier: 60,
      extra: null,
      limits: [
        {
          id: 'session',
          kind: 'session',
          label: '5-hour session',
          percent: used ? (hour === 14 ? 40 : 100) : 0,
          resetsAt: used ? sessionEnd : null,
        },
        {
          id: 'weekly',
          kind: 'weekly',
          label: 'Weekly (all models)',
          percent: 30,
          resetsAt: monday.getTime() + 7 * DAY,
        },
      ],
    });
  }
  // Each 15:00 hour is a session at the limit: the hits.
  const json = JSON.stringify(toJsonExport(readings, DEFAULT_SETTINGS, now));
  return { json, at14, at15, tuesdays: at15 };
}
