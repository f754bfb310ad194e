import { Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cursorStops, nearestStop, valuesAt, type Series } from '@/lib/chart-points';
import { formatClock, formatPercent } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';

// Only the pieces drawn here: a tree-shaken Chart.js keeps the popup small. No Tooltip plugin:
// the readout under the chart says the values, for the pointer and the keyboard alike.
Chart.register(LineController, LineElement, PointElement, LinearScale);

export interface HistoryChartProps {
  series: Series[];
  from: number;
  to: number;
  /**
   * Dashed "at this pace" lines, each drawn in the colour of the series with the same id; the time
   * axis stretches to their end (the reset) when that lies beyond `to`.
   */
  projections?: Series[];
  /** Called once the chart has drawn (the bench marks it). */
  onDrawn?: () => void;
}

const NO_PROJECTIONS: Series[] = [];

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/**
 * "5-hour session 12% → 48%; Weekly (all models) 60% → 64%" for screen readers, then where each
 * dashed projection ends: "5-hour session at this pace: 100 % by 18:00".
 */
export function summarise(
  series: Series[],
  hours: number,
  projections: Series[] = NO_PROJECTIONS,
  now = Date.now(),
): string {
  // "24 h", "7 d": the same words as the range buttons.
  const span =
    hours % 24 === 0 && hours > 24 ? t('durationDays', hours / 24) : t('durationHours', hours);
  if (series.every((s) => s.points.length === 0)) return t('chartNoReadings', span);
  const parts = series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const first = s.points[0]!.y;
      const last = s.points[s.points.length - 1]!.y;
      const peak = Math.max(...s.points.map((p) => p.y));
      return t('chartSeries', [
        s.label,
        formatPercent(first),
        formatPercent(last),
        formatPercent(peak),
      ]);
    });
  for (const p of projections) {
    const end = p.points[p.points.length - 1];
    if (end)
      parts.push(
        t('chartProjectionSummary', [p.label, formatPercent(end.y), formatClock(end.x, now)]),
      );
  }
  return t('chartSummary', [span, parts.join('; ')]);
}

/** The percent of each limit over time, one line per limit; resets show as the drops they are. */
export default function HistoryChart({
  series,
  from,
  to,
  projections = NO_PROJECTIONS,
  onDrawn,
}: HistoryChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line'> | null>(null);
  /** The time the readout speaks of: where the pointer is, or where the arrow keys moved it. */
  const [cursor, setCursor] = useState<{ at: number; byKey: boolean } | null>(null);
  const moveTo = (at: number | null, byKey: boolean) =>
    setCursor(at === null ? null : { at, byKey });
  const stops = useMemo(() => cursorStops(series), [series]);
  const readoutTime = useMemo(
    () =>
      new Intl.DateTimeFormat(uiLocale(), { weekday: 'short', hour: '2-digit', minute: '2-digit' }),
    [],
  );

  useEffect(() => {
    if (!canvas.current) return;
    const grid = cssVar('--grid');
    const text = cssVar('--muted');
    const colours = [1, 2, 3, 4, 5].map((i) => cssVar(`--series-${i}`));
    const colourOf = (id: string) => {
      const index = series.findIndex((s) => s.id === id);
      return colours[Math.max(0, index) % colours.length];
    };
    const end = Math.max(to, ...projections.flatMap((p) => p.points.map((point) => point.x)));
    const span = end - from;
    const locale = uiLocale();
    const tick = new Intl.DateTimeFormat(
      locale,
      span > 36 * 3_600_000
        ? { weekday: 'short', day: 'numeric' }
        : { hour: '2-digit', minute: '2-digit' },
    );
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, {
      type: 'line',
      data: {
        datasets: [
          ...series.map((s, i) => ({
            label: s.label,
            data: s.points,
            borderColor: colours[i % colours.length],
            backgroundColor: colours[i % colours.length],
            borderWidth: 2,
            pointRadius: 0,
            pointHitRadius: 6,
            tension: 0,
          })),
          ...projections.map((p) => ({
            label: p.label,
            data: p.points,
            borderColor: colourOf(p.id),
            backgroundColor: colourOf(p.id),
            borderWidth: 1.5,
            borderDash: [6, 4],
            pointRadius: 0,
            pointHitRadius: 6,
            tension: 0,
          })),
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear',
            min: from,
            max: end,
            grid: { color: grid },
            ticks: {
              color: text,
              stepSize: span / 4,
              includeBounds: false,
              maxRotation: 0,
              callback: (v) => tick.format(Number(v)),
            },
          },
          y: {
            min: 0,
            suggestedMax: 100,
            grid: { color: grid },
            ticks: { color: text, stepSize: 25, callback: (v) => formatPercent(Number(v), locale) },
          },
        },
        // Called for the pointer inside the plot area; leaving the canvas clears it (below).
        onHover: (event, _elements, c) =>
          moveTo(nearestStop(stops, c.scales.x?.getValueForPixel(event.x ?? NaN) ?? NaN), false),
      },
    });
    onDrawn?.();
  }, [series, from, to, projections]);

  useEffect(() => () => chart.current?.destroy(), []);

  // The keys mark the cursor's points on the lines; under the pointer Chart.js marks them itself,
  // and marking them here too would fight it on every move.
  useEffect(() => {
    const c = chart.current;
    if (!c || cursor?.byKey === false) return;
    const active = cursor
      ? valuesAt(series, cursor.at).map((v) => ({
          datasetIndex: series.findIndex((s) => s.id === v.id),
          index: v.index,
        }))
      : [];
    c.setActiveElements(active);
    c.update('none');
  }, [cursor, series]);

  /** ← → step through the readings, Home and End jump to the first and last, Escape leaves. */
  function onKeyDown(event: KeyboardEvent) {
    if (stops.length === 0) return;
    const at = cursor === null ? stops.length : stops.indexOf(cursor.at);
    const step: Record<string, number> = {
      ArrowLeft: Math.max(0, at - 1),
      ArrowRight: Math.min(stops.length - 1, at + 1),
      Home: 0,
      End: stops.length - 1,
      Escape: -1,
    };
    const next = step[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next < 0 ? null : stops[next]!, true);
  }

  const readout =
    cursor === null
      ? t('chartReadoutHint')
      : t('chartReadout', [
          readoutTime.format(cursor.at),
          valuesAt(series, cursor.at)
            .map((v) => t('chartTooltip', [v.label, formatPercent(v.y)]))
            .join(' · '),
        ]);

  return (
    <>
      <div class="chart-canvas">
        <canvas
          ref={canvas}
          role="img"
          tabIndex={0}
          aria-keyshortcuts="ArrowLeft ArrowRight Home End Escape"
          aria-label={summarise(series, Math.round((to - from) / 3_600_000), projections)}
          onKeyDown={onKeyDown}
          onBlur={() => setCursor(null)}
          onMouseLeave={() => setCursor(null)}
        />
      </div>
      <p class="chart-readout" aria-live="polite">
        {readout}
      </p>
    </>
  );
}
