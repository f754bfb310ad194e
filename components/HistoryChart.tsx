import { Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { Series } from '@/lib/chart-points';
import { formatPercent } from '@/lib/format';

// Only the pieces drawn here: a tree-shaken Chart.js keeps the popup small.
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

export interface HistoryChartProps {
  series: Series[];
  from: number;
  to: number;
  /** Called once the chart has drawn (the bench marks it). */
  onDrawn?: () => void;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** "5-hour session 12% → 48%; Weekly (all models) 60% → 64%" for screen readers. */
export function summarise(series: Series[], hours: number): string {
  if (series.every((s) => s.points.length === 0)) return `No readings in the last ${hours} h yet`;
  const parts = series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const first = s.points[0]!.y;
      const last = s.points[s.points.length - 1]!.y;
      const peak = Math.max(...s.points.map((p) => p.y));
      return `${s.label} ${formatPercent(first)} to ${formatPercent(last)}, peak ${formatPercent(peak)}`;
    });
  return `Usage over the last ${hours} h: ${parts.join('; ')}`;
}

/** The percent of each limit over time, one line per limit; resets show as the drops they are. */
export default function HistoryChart({ series, from, to, onDrawn }: HistoryChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line'> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const grid = cssVar('--grid');
    const text = cssVar('--muted');
    const colours = [1, 2, 3, 4, 5].map((i) => cssVar(`--series-${i}`));
    const span = to - from;
    const tick = new Intl.DateTimeFormat(
      undefined,
      span > 36 * 3_600_000
        ? { weekday: 'short', day: 'numeric' }
        : { hour: '2-digit', minute: '2-digit' },
    );
    const tooltipTime = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, {
      type: 'line',
      data: {
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.points,
          borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length],
          borderWidth: 2,
          pointRadius: 0,
          pointHitRadius: 6,
          tension: 0,
        })),
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
            max: to,
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
            ticks: { color: text, stepSize: 25, callback: (v) => `${v}%` },
          },
        },
        plugins: {
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? tooltipTime.format(items[0].parsed.x ?? 0) : ''),
              label: (item) => `${item.dataset.label}: ${formatPercent(item.parsed.y ?? 0)}`,
            },
          },
        },
      },
    });
    onDrawn?.();
  }, [series, from, to]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={summarise(series, Math.round((to - from) / 3_600_000))}
    />
  );
}
