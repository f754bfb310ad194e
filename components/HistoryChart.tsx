import { Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { Series } from '@/lib/chart-points';
import { formatClock, formatPercent } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';

// Only the pieces drawn here: a tree-shaken Chart.js keeps the popup small.
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

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
    const tooltipTime = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
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
        plugins: {
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? tooltipTime.format(items[0].parsed.x ?? 0) : ''),
              label: (item) =>
                t('chartTooltip', [item.dataset.label ?? '', formatPercent(item.parsed.y ?? 0)]),
            },
          },
        },
      },
    });
    onDrawn?.();
  }, [series, from, to, projections]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={summarise(series, Math.round((to - from) / 3_600_000), projections)}
    />
  );
}
