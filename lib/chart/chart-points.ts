import { forecast, forecastOptions, windowLength, windowPoints } from '../forecast/forecast';
import { t } from '../display/i18n';
import type { Limit, Reading } from '../usage/types';
import type { ReadingWalk, Tally } from '../history/packed-readings';

export interface ChartPoint {
  x: number;
  y: number;
}

export interface Series {
  id: string;
  label: string;
  points: ChartPoint[];
}

/** Each limit's newest label and how many readings hold it, oldest first as met. */
export type LimitCounts = Map<string, { label: string; count: number }>;

/** `toSeries`'s first pass a reading at a time, for a walk that feeds other statistics too. */
export function limitTally(): Tally<Reading, LimitCounts> {
  const byId: LimitCounts = new Map();
  return {
    add(reading) {
      for (const limit of reading.limits) {
        const seen = byId.get(limit.id);
        if (seen) {
          seen.label = limit.label;
          seen.count += 1;
        } else byId.set(limit.id, { label: limit.label, count: 1 });
      }
    },
    done: () => byId,
  };
}

/**
 * Readings → one series per limit (labels from the newest reading), oldest first, each downsampled
 * to at most `maxPoints` as `downsample` does. Two passes (the first may be done already: `counts`),
 * so a year of readings builds only the points it keeps. Pure.
 */
export function toSeries(
  readings: ReadingWalk<Reading>,
  maxPoints = 300,
  counts?: LimitCounts,
): Series[] {
  let byId = counts;
  if (!byId) {
    const tally = limitTally();
    readings.forEach(tally.add);
    byId = tally.done();
  }
  const buckets = new Map([...byId].map(([id, s]) => [id, new Buckets(s.count, maxPoints)]));
  readings.forEach((reading) => {
    for (const limit of reading.limits) buckets.get(limit.id)!.add(reading.at, limit.percent);
  });
  return [...byId].map(([id, s]) => ({ id, label: s.label, points: buckets.get(id)!.done() }));
}

/**
 * `downsample` over points that arrive one at a time, their number known beforehand. A point is
 * made only when it is kept: a year of readings keeps a few thousand of its 70,000.
 */
class Buckets {
  private readonly out: ChartPoint[] = [];
  private readonly size: number;
  private readonly all: boolean;
  private i = 0;
  private end = 0;
  private bucket = 0;
  private started = false;
  private minX = 0;
  private minY = 0;
  private maxX = 0;
  private maxY = 0;

  constructor(
    private readonly count: number,
    maxPoints: number,
  ) {
    this.all = count <= maxPoints;
    this.size = count / Math.max(1, Math.floor(maxPoints / 2));
  }

  add(x: number, y: number) {
    if (this.all) {
      this.out.push({ x, y });
      return;
    }
    if (this.i >= this.end) {
      this.flush();
      this.end = Math.min(this.count, Math.floor((this.bucket + 1) * this.size));
      this.bucket += 1;
      this.started = true;
      this.minX = this.maxX = x;
      this.minY = this.maxY = y;
    } else {
      if (y < this.minY) {
        this.minX = x;
        this.minY = y;
      }
      if (y > this.maxY) {
        this.maxX = x;
        this.maxY = y;
      }
    }
    this.i += 1;
  }

  private flush() {
    if (!this.started) return;
    const min = { x: this.minX, y: this.minY };
    const max = { x: this.maxX, y: this.maxY };
    if (this.minX === this.maxX) this.out.push(min);
    else if (this.minX < this.maxX) this.out.push(min, max);
    else this.out.push(max, min);
  }

  done(): ChartPoint[] {
    if (!this.all) this.flush();
    this.started = false;
    return this.out;
  }
}

/**
 * Min/max buckets: each bucket keeps its lowest and highest point, in time order, so peaks and the
 * drops of a reset survive any amount of history. Returns at most `maxPoints` points.
 */
export function downsample(points: readonly ChartPoint[], maxPoints: number): ChartPoint[] {
  if (points.length <= maxPoints) return [...points];
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = points.length / buckets;
  const out: ChartPoint[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(points.length, Math.floor((b + 1) * size));
    let min = points[start]!;
    let max = points[start]!;
    for (let i = start + 1; i < end; i++) {
      const p = points[i]!;
      if (p.y < min.y) min = p;
      if (p.y > max.y) max = p;
    }
    if (min === max) out.push(min);
    else if (min.x < max.x) out.push(min, max);
    else out.push(max, min);
  }
  return out;
}

/**
 * The dashed "at this pace" line of one limit: from its last reading in the current window to the
 * reset, at the percent the forecast projects for then (capped at 100). Null when the forecast has
 * too little data, the limit is full, or its window is not running. Pure.
 */
export function projectionSeries(
  limit: Limit,
  history: readonly Reading[],
  now: number,
): Series | null {
  if (limit.kind === 'other' || limit.resetsAt === null || limit.resetsAt <= now) return null;
  if (limit.percent >= 100) return null;
  const points = windowPoints(history, limit.id, limit.resetsAt, windowLength(limit.kind));
  const result = forecast(points, limit.resetsAt, now, forecastOptions(limit.kind));
  if (!result.enough) return null;
  const last = points[points.length - 1]!;
  return {
    id: limit.id,
    label: t('chartProjection', limit.label),
    points: [
      { x: last.at, y: last.percent },
      { x: limit.resetsAt, y: Math.min(100, result.percentAtReset) },
    ],
  };
}

/** Every distinct time in the series, oldest first: where the chart's reading cursor can stand. */
export function cursorStops(series: readonly Series[]): number[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
}

/** The stop nearest `x`, or null when there is none. Pure. */
export function nearestStop(stops: readonly number[], x: number): number | null {
  if (stops.length === 0 || !Number.isFinite(x)) return null;
  let lo = 0;
  let hi = stops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  const after = stops[lo]!;
  const before = stops[lo - 1];
  return before !== undefined && x - before <= after - x ? before : after;
}

/**
 * What each limit read at time `x`: the point of each series nearest to it (with its index in the
 * series), for the series whose span covers `x`: a limit that did not exist yet says nothing. Pure.
 */
export function valuesAt(
  series: readonly Series[],
  x: number,
): { id: string; label: string; y: number; index: number }[] {
  return series.flatMap((s) => {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    if (!first || !last || x < first.x || x > last.x) return [];
    const xs = s.points.map((p) => p.x);
    const index = xs.indexOf(nearestStop(xs, x)!);
    return [{ id: s.id, label: s.label, y: s.points[index]!.y, index }];
  });
}

/**
 * A projection cut at `until`, its end moved along the line: the chart's future strip is a fixed
 * share of the plot, so a reset far ahead neither stretches the axis nor shrinks the past. Pure.
 */
export function clipProjection(series: Series, until: number): Series {
  const [a, b] = series.points;
  if (!a || !b || b.x <= until) return series;
  if (a.x >= until) return { ...series, points: [] };
  const y = a.y + ((b.y - a.y) * (until - a.x)) / (b.x - a.x);
  return { ...series, points: [a, { x: until, y }] };
}

/**
 * The points to draw as dots: a line needs some length to be seen, so a run of readings (points
 * no further than `gapMs` apart) that spans less than `gapMs` shows as a dot on its newest point:
 * a first reading, two readings seconds apart, one after the browser slept. The line itself draws
 * no points, so Chart.js resolves its point options once, not once a point. Pure.
 */
export function dotPoints(points: readonly ChartPoint[], gapMs: number): ChartPoint[] {
  const dots: ChartPoint[] = [];
  let start = 0;
  for (let i = 0; i < points.length; i++) {
    const next = points[i + 1];
    if (next && next.x - points[i]!.x <= gapMs) continue;
    if (points[i]!.x - points[start]!.x < gapMs) dots.push(points[i]!);
    start = i + 1;
  }
  return dots;
}
