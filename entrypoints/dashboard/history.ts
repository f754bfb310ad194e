import { useEffect, useState } from 'preact/hooks';
import { toSeries, type Series } from '@/lib/chart-points';
import { resetMarkers } from '@/lib/dashboard-chart';
import { chartPointBudget } from '@/lib/dashboard-ranges';
import type { Snapshot } from '@/lib/db';
import { historyRepo } from '@/lib/history-repo';
import { heatMap, summariseHits, type HeatMap, type HitSummary } from '@/lib/habits';
import { splitWindows, summariseWeeks, type UsageWindow, type WeekSummary } from '@/lib/windows';
import type { ChartPoint } from '@/lib/chart-points';
import type { Reading } from '@/lib/usage/types';

/** Everything the history sections show, worked out from one range read. */
export interface DashboardHistory {
  from: number;
  to: number;
  series: Series[];
  resets: Map<string, ChartPoint[]>;
  windows: UsageWindow[];
  weeks: WeekSummary[];
  heat: HeatMap;
  hits: HitSummary;
}

/** The readings of one range → chart series, windows, weeks, heat-map and hits. */
export function deriveHistory(readings: Snapshot[], from: number, to: number): DashboardHistory {
  const windows = splitWindows(readings);
  return {
    from,
    to,
    series: toSeries(readings, chartPointBudget(to - from)),
    resets: resetMarkers(windows, from, to, to),
    windows,
    weeks: summariseWeeks(windows),
    heat: heatMap(readings),
    hits: summariseHits(windows, from, to),
  };
}

const openRepo = historyRepo;

/**
 * The history of one organisation over the range ending now: ONE indexed range read per change of
 * organisation or range, then the statistics from it. Null while reading.
 */
export function useHistory(orgId: string | null, rangeMs: number): DashboardHistory | null {
  const [history, setHistory] = useState<DashboardHistory | null>(null);
  useEffect(() => {
    if (!orgId) return;
    let live = true;
    setHistory(null);
    const to = Date.now();
    const from = to - rangeMs;
    void openRepo()
      .then((r) => r.range(orgId, from, to))
      .catch(() => [] as Snapshot[])
      .then((readings) => {
        performance.mark('history-read');
        const derived = deriveHistory(readings, from, to);
        performance.mark('history-derived');
        if (live) setHistory(derived);
      });
    return () => {
      live = false;
    };
  }, [orgId, rangeMs]);
  return history;
}

/** The last day of every organisation in one indexed read, for the cards' forecasts. */
export function useRecent(at: number | undefined): Record<string, Reading[]> | null {
  const [recent, setRecent] = useState<Record<string, Reading[]> | null>(null);
  useEffect(() => {
    let live = true;
    const to = Date.now();
    void openRepo()
      .then((r) => r.rangeAll(to - 24 * 3_600_000, to))
      .catch(() => [] as Snapshot[])
      .then((readings) => {
        const byOrg: Record<string, Reading[]> = {};
        for (const reading of readings) (byOrg[reading.orgId] ??= []).push(reading);
        if (live) setRecent(byOrg);
      });
    return () => {
      live = false;
    };
  }, [at]);
  return recent;
}
