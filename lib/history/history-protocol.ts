import type { DashboardHistory } from './dashboard-history';
import type { PreparedText } from '../display/prepared-text';
import type { MessageKey } from '../display/i18n';

/**
 * The dashboard's history worker: one range read and its statistics, off the page's main thread.
 * A worker has no `i18n` API, so the page hands it the few messages reading history needs (each
 * limit's label in the page's language).
 */
export const WORKER_TEXT_KEYS = [
  'limitSession',
  'limitWeekly',
  'limitWeeklyNamed',
  'limitSurfaceOauthApps',
] as const satisfies readonly MessageKey[];

export interface HistoryAsk {
  id: number;
  orgId: string;
  from: number;
  to: number;
  text: PreparedText;
}

export interface HistoryAnswer {
  id: number;
  history: DashboardHistory;
  /** Milliseconds the worker spent reading, then working out the statistics. */
  readMs: number;
  deriveMs: number;
}
