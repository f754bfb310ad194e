import type { ChartData, ChartOptions } from 'chart.js';
import { dotPoints, type ChartPoint, type Series } from '@/lib/chart/chart-points';
import { hitPoints, type TimeView } from '@/lib/chart/dashboard-chart';
import { dateFormat, percentText } from '@/lib/display/intl-cache';
import { t } from '@/lib/display/i18n';

/** Datasets per limit, in this order: its line, its lone readings, its moments at the limit, its resets. */
export const DATASETS_PER_LIMIT = 4;

/**
 * The dashboard chart's datasets: per limit its line, the readings too short a run for a line
 * (dots), the moments it was at the limit (ringed in red) and its resets (triangles). Every
 * option is one value for the whole dataset, so Chart.js works out each dataset's once.
 */
export function datasetsOf(
  series: Series[],
  opts: {
    hidden: ReadonlySet<string>;
    resets: Map<string, ChartPoint[]>;
    colours: string[];
    critical: string;
    from: number;
    to: number;
  },
): ChartData<'line'>['datasets'] {
  const { hidden, resets, colours, critical, from, to } = opts;
  return series.flatMap((s, i) => {
    const colour = colours[i % colours.length];
    const base = { parsing: false as const, hidden: hidden.has(s.id), tension: 0 };
    return [
      {
        ...base,
        label: s.label,
        data: s.points,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2,
        pointRadius: 0,
        pointHitRadius: 6,
        // The newest reading sits on the plot's right edge: let its dot show whole.
        clip: 6,
      },
      // A reading with no neighbour near enough for a line (a first one) shows as a dot.
      {
        ...base,
        label: s.label,
        data: dotPoints(s.points, (to - from) / 30),
        showLine: false,
        pointRadius: 3,
        pointHitRadius: 0,
        pointBackgroundColor: colour,
        pointBorderColor: colour,
        clip: 6,
      },
      // The moments at the limit, ringed in red over the line.
      {
        ...base,
        label: t('dashChartHits', s.label),
        data: hitPoints(s),
        showLine: false,
        pointRadius: 3.5,
        pointBorderWidth: 1.5,
        pointBackgroundColor: critical,
        pointBorderColor: critical,
      },
      {
        ...base,
        label: t('dashChartResets', s.label),
        data: resets.get(s.id) ?? [],
        showLine: false,
        pointStyle: 'triangle',
        pointRadius: 5,
        pointBackgroundColor: colour,
        pointBorderColor: colour,
      },
    ];
  });
}

/** The time and percent axes for what is in view, in the page's colours and the reader's words. */
export function scalesOf(
  visible: TimeView,
  { grid, muted }: { grid: string; muted: string },
): ChartOptions<'line'>['scales'] {
  return {
    x: {
      type: 'time',
      min: visible.min,
      max: visible.max,
      // Labels that show days fall on whole days, so no day is named twice.
      time: { minUnit: visible.max - visible.min > 3 * 86_400_000 ? 'day' : 'minute' },
      grid: { color: grid },
      ticks: {
        color: muted,
        maxRotation: 0,
        autoSkipPadding: 16,
        // Dates of one format are about as wide as each other: a sample of them tells Chart.js
        // how many fit, instead of measuring a year's daily labels one by one.
        sampleSize: 12,
        callback: (value, _i, ticks) => {
          const span = (ticks[ticks.length - 1]?.value ?? 0) - (ticks[0]?.value ?? 0);
          return dateFormat(
            span > 3 * 86_400_000
              ? { day: 'numeric', month: 'short' }
              : { weekday: 'short', hour: '2-digit', minute: '2-digit' },
          ).format(Number(value));
        },
      },
    },
    y: {
      min: 0,
      suggestedMax: 100,
      grid: { color: grid },
      ticks: {
        color: muted,
        stepSize: 25,
        callback: (v) => percentText(Number(v)),
      },
    },
  };
}
