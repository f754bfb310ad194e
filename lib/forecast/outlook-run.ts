import type { SnapshotRepo } from '../storage/db';
import { limitOutlook, type LimitOutlook } from './outlook';
import type { PollState } from '../storage/poll-store';

/** The forecast looks back a day, as in the popup. */
export const FORECAST_HISTORY_MS = 24 * 3_600_000;

export interface OutlooksDeps {
  read: () => Promise<Pick<PollState, 'latest'>>;
  openRepo: () => Promise<Pick<SnapshotRepo, 'range'>>;
  now: () => number;
}

/**
 * Each limit's outlook of one organisation, for the in-page meter's verdict (the page cannot open
 * the extension's history; the worker can): the popup's forecast, from a day of history.
 */
export function createOutlooks(deps: OutlooksDeps) {
  return async function outlooksFor(orgId: string): Promise<Record<string, LimitOutlook>> {
    const reading = (await deps.read()).latest[orgId];
    if (!reading) return {};
    const now = deps.now();
    const history = await (await deps.openRepo()).range(orgId, now - FORECAST_HISTORY_MS, now);
    return Object.fromEntries(reading.limits.map((l) => [l.id, limitOutlook(l, history, now)]));
  };
}
