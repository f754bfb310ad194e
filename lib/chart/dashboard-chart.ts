import type { ChartPoint, Series } from './chart-points';
import type { UsageWindow } from '../history/windows';

export interface TimeView {
  min: number;
  max: number;
}

/** Zooming in stops at half an hour across: closer than that there is nothing more to read. */
export const MIN_VIEW_MS = 30 * 60_000;

/**
 * The view after zooming by `factor` (< 1 in, > 1 out) around `centre`, kept inside `bounds` and
 * no narrower than half an hour. Zoomed out to the bounds or beyond, the whole range. Pure.
 */
export function zoomView(
  view: TimeView,
  centre: number,
  factor: number,
  bounds: TimeView,
): TimeView {
  const full = bounds.max - bounds.min;
  const width = Math.min(full, Math.max(MIN_VIEW_MS, (view.max - view.min) * factor));
  const share = view.max > view.min ? (centre - view.min) / (view.max - view.min) : 0.5;
  let min = centre - width * Math.min(1, Math.max(0, share));
  min = Math.min(Math.max(bounds.min, min), bounds.max - width);
  return { min, max: min + width };
}

/** The view a drag from `a` to `b` selects, or null for a click (under half an hour). Pure. */
export function dragView(a: number, b: number, bounds: TimeView): TimeView | null {
  const min = Math.max(bounds.min, Math.min(a, b));
  const max = Math.min(bounds.max, Math.max(a, b));
  return max - min >= MIN_VIEW_MS ? { min, max } : null;
}

/** The points of a series at or above 100 %: the moments the limit was hit. Pure. */
export function hitPoints(series: Series): ChartPoint[] {
  return series.points.filter((p) => p.y >= 100);
}

/** Where each limit reset inside the range (and before `now`), as points on the time axis. Pure. */
export function resetMarkers(
  windows: readonly UsageWindow[],
  from: number,
  to: number,
  now: number,
): Map<string, ChartPoint[]> {
  const byLimit = new Map<string, ChartPoint[]>();
  for (const w of windows) {
    if (w.end < from || w.end > Math.min(to, now)) continue;
    const list = byLimit.get(w.limitId) ?? [];
    list.push({ x: w.end, y: 0 });
    byLimit.set(w.limitId, list);
  }
  return byLimit;
}
