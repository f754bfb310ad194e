import { seededRandom } from '../../fixtures/seeded-random';
import type { Snapshot } from '../../../lib/storage/db';
import type { Limit } from '../../../lib/usage/types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * Months of made-up history for two organisations, ending at `end`: sessions that climb, hit
 * 100 % and reset, weeks that reset (one early), gaps of hours and of days, a per-model limit that
 * appears half-way, a label that changes, and a step that is sometimes 2 minutes, sometimes 20.
 */
export function madeUpHistory(end: number, days: number, seed = 7): Snapshot[] {
  const random = seededRandom(seed);
  const out: Snapshot[] = [];
  for (const orgId of ['org-personal', 'org-team']) {
    let at = end - days * DAY;
    let session = 0;
    let sessionEnd = at + 5 * HOUR;
    let weekEnd = at + 7 * DAY;
    let week = 0;
    while (at <= end) {
      if (random() < 0.002) at += (1 + Math.floor(random() * 60)) * HOUR; // the browser was off
      if (at > sessionEnd) {
        session = 0;
        sessionEnd = at + 5 * HOUR - Math.floor(random() * 30) * MIN;
      }
      if (at > weekEnd || random() < 0.0002) {
        week = 0;
        weekEnd = at + 7 * DAY;
      }
      session = Math.min(
        100 + Math.floor(random() * 3),
        session + random() * (orgId === 'org-team' ? 4 : 2),
      );
      week = Math.min(100, week + random() * 0.3);
      const limits: Limit[] = [
        {
          id: 'session',
          kind: 'session',
          label: '5-hour session',
          percent: Math.round(session),
          resetsAt: sessionEnd,
        },
        {
          id: 'weekly',
          kind: 'weekly',
          label: at > end - days * DAY * 0.3 ? 'Weekly (all models)' : 'Weekly',
          percent: Math.round(week * 10) / 10,
          resetsAt: weekEnd,
        },
      ];
      if (at > end - days * DAY * 0.5)
        limits.push({
          id: 'weekly:opus',
          kind: 'weekly_model',
          label: 'Weekly · Opus',
          percent: Math.round(week / 2),
          resetsAt: weekEnd,
        });
      out.push({ orgId, at, limits, extra: null });
      at += (random() < 0.5 ? 2 : 20) * MIN + Math.floor(random() * 1000);
    }
  }
  return out;
}
