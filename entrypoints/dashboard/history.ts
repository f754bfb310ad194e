import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/lib/display/i18n';
import { prepareText } from '@/lib/display/prepared-text';
import type { DashboardHistory } from '@/lib/history/dashboard-history';
import {
  WORKER_TEXT_KEYS,
  type HistoryAnswer,
  type HistoryAsk,
} from '@/lib/history/history-protocol';
import type { HistoryRead } from '@/lib/storage/history-read';
import type { Snapshot } from '@/lib/storage/db';
import type { limitOutlook } from '@/lib/forecast/outlook';
import type { Reading } from '@/lib/usage/types';

export type { DashboardHistory };

// The database for the cards' forecasts loads beside the cards' first paint, not before it.
const repoModule = import('@/lib/storage/history-repo');
const packsModule = import('@/lib/storage/db-packs');
const openRepo = () =>
  Promise.all([repoModule, packsModule]).then(([{ historyRepo }, { dayPacks }]) =>
    historyRepo(dayPacks),
  );

/** The same read and statistics in the page, where the worker cannot start. */
const readHere = (orgId: string, from: number, to: number): Promise<HistoryRead> =>
  import('@/lib/storage/history-read').then(({ readHistory }) =>
    readHistory(openRepo, orgId, from, to),
  );

/** How long the page waits for the worker before it reads a range itself. */
const WORKER_PATIENCE_MS = 15_000;

/** Each ask waiting for the worker: handed its answer, or null to read the range in the page. */
const waiting = new Map<number, (answer: HistoryRead | null) => void>();
let asks = 0;

/**
 * The history worker, started by the page's first ask (after the cards have painted: a worker
 * starting beside them slows them), or null where it cannot start: then the page reads the
 * history itself. A worker that fails to load hands what it was asked to the page.
 */
let worker: Worker | null | undefined;
function historyWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    const w = new Worker('/history-worker.js');
    w.addEventListener('message', (event: MessageEvent<HistoryAnswer>) => {
      const { id, ...read } = event.data;
      waiting.get(id)?.(read);
    });
    w.addEventListener('error', () => {
      worker = null;
      for (const settle of [...waiting.values()]) settle(null);
      w.terminate();
    });
    return (worker = w);
  } catch {
    return (worker = null);
  }
}

/** One range's history, from the worker (or the page where it cannot run). */
function readHistory(orgId: string, from: number, to: number): Promise<HistoryRead> {
  const w = historyWorker();
  if (!w) return readHere(orgId, from, to);
  return new Promise((resolve) => {
    const id = ++asks;
    // A worker that never answers (stuck, or gone without a word) does not leave the page
    // waiting: after this long the page reads the range itself.
    const settle = (answer: HistoryRead | null) => {
      clearTimeout(stuck);
      waiting.delete(id);
      resolve(answer ?? readHere(orgId, from, to));
    };
    const stuck = setTimeout(() => settle(null), WORKER_PATIENCE_MS);
    waiting.set(id, settle);
    const text = prepareText(t, uiLocale() ?? 'en', null, WORKER_TEXT_KEYS);
    const ask: HistoryAsk = { id, orgId, from, to, text };
    w.postMessage(ask);
  });
}

/**
 * The history of one organisation over the range ending now: ONE indexed range read per change of
 * organisation or range, then the statistics from it, both in the history worker. Null while
 * reading.
 */
export function useHistory(orgId: string | null, rangeMs: number): DashboardHistory | null {
  const [history, setHistory] = useState<DashboardHistory | null>(null);
  useEffect(() => {
    if (!orgId) return;
    let live = true;
    setHistory(null);
    const to = Date.now();
    void readHistory(orgId, to - rangeMs, to).then(({ history: ready, readMs, deriveMs }) => {
      performance.mark('history-read', { detail: { readMs, deriveMs } });
      if (live) setHistory(ready);
    });
    return () => {
      live = false;
    };
  }, [orgId, rangeMs]);
  return history;
}

/** The cards' forecasts: each organisation's last day of readings, and the forecast itself. */
export interface Recent {
  byOrg: Record<string, Reading[]>;
  outlookOf: typeof limitOutlook;
}

// The forecast's code loads beside the readings it needs, not before the cards' first paint.
const outlookModule = import('@/lib/forecast/outlook');

/** The last day of every organisation in one indexed read, for the cards' forecasts. */
export function useRecent(at: number | undefined): Recent | null {
  const [recent, setRecent] = useState<Recent | null>(null);
  useEffect(() => {
    let live = true;
    const to = Date.now();
    const readings = openRepo()
      .then((r) => r.rangeAll(to - 24 * 3_600_000, to))
      .catch(() => [] as Snapshot[]);
    void Promise.all([readings, outlookModule]).then(([all, { limitOutlook }]) => {
      const byOrg: Record<string, Reading[]> = {};
      for (const reading of all) (byOrg[reading.orgId] ??= []).push(reading);
      if (live) setRecent({ byOrg, outlookOf: limitOutlook });
    });
    return () => {
      live = false;
    };
  }, [at]);
  return recent;
}
