import { limitTally, toSeries, type ChartPoint, type Series } from '../chart/chart-points';
import { resetMarkers } from '../chart/dashboard-chart';
import { chartPointBudget } from '../chart/dashboard-ranges';
import { heatTally, summariseHits, type HeatMap, type HitSummary } from './habits';
import { summariseWeeks, windowTally, type UsageWindow, type WeekSummary } from './windows';
import type { Snapshot } from '../storage/db';
import type { ReadingWalk } from './packed-readings';

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

/**
 * The readings of one range (oldest first) → chart series, windows, weeks, heat-map and hits.
 * The statistics walk the readings twice and keep numbers and strings of them, never a reading
 * or a limit: readings read in place (`PackedReadings`) are safe here. Pure.
 */
export function deriveHistory(
  readings: ReadingWalk<Snapshot>,
  from: number,
  to: number,
): DashboardHistory {
  // One walk for the three statistics that read every reading; the chart's points take a second.
  const counts = limitTally();
  const split = windowTally();
  const heat = heatTally();
  readings.forEach((reading) => {
    counts.add(reading);
    split.add(reading);
    heat.add(reading);
  });
  const windows = split.done();
  return {
    from,
    to,
    series: toSeries(readings, chartPointBudget(to - from), counts.done()),
    resets: resetMarkers(windows, from, to, to),
    windows,
    weeks: summariseWeeks(windows),
    heat: heat.done(),
    hits: summariseHits(windows, from, to),
  };
}
