import { toSeries, type ChartPoint, type Series } from '../chart/chart-points';
import { resetMarkers } from '../chart/dashboard-chart';
import { chartPointBudget } from '../chart/dashboard-ranges';
import { heatMap, summariseHits, type HeatMap, type HitSummary } from './habits';
import { splitWindows, summariseWeeks, type UsageWindow, type WeekSummary } from './windows';
import type { Snapshot } from '../storage/db';

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

/** The readings of one range (oldest first) → chart series, windows, weeks, heat-map and hits. Pure. */
export function deriveHistory(
  readings: readonly Snapshot[],
  from: number,
  to: number,
): DashboardHistory {
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
