import { Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  clipProjection,
  projectionSeries,
  toSeries,
  cursorStops,
  dotPoints,
  nearestStop,
  valuesAt,
  type ChartPoint,
  type Series,
} from '@/lib/chart/chart-points';
import { timeTicks } from '@/lib/chart/chart-ticks';
import { summarise } from '@/lib/chart/chart-summary';
import { formatPercent } from '@/lib/display/format';
import { t, uiLocale } from '@/lib/display/i18n';
import type { Limit, Reading } from '@/lib/usage/types';
import { futureStrip } from './future-strip';

export { summarise };

// Only the pieces drawn here: a tree-shaken Chart.js keeps the popup small. No Tooltip plugin:
// the readout under the chart says the values, for the pointer and the keyboard alike.
Chart.register(LineController, LineElement, PointElement, LinearScale);

export interface HistoryChartProps {
  series: Series[];
  from: number;
  to: number;
  /**
   * Dashed "at this pace" lines, each drawn in the colour of the series with the same id, inside
   * a marked future strip after `to` (a quarter of the range), cut where the strip ends.
   */
  projections?: Series[];
  /** The colour slot (1–5) of each limit id, as its row shows it. */
  slots?: Record<string, number>;
  /** Called once the chart has drawn (the bench marks it). */
  onDrawn?: () => void;
}

const NO_PROJECTIONS: Series[] = [];
const NO_SLOTS: Record<string, number> = {};
/** The future strip's width, as a share of the range shown: the past keeps its whole range. */
const FUTURE_SHARE = 0.25;

/** The page's colours as its stylesheet sets them (for the theme the person's system is in). */
function cssVars(): (name: string) => string {
  const style = getComputedStyle(document.documentElement);
  return (name) => style.getPropertyValue(name).trim();
}

export interface ReadingsChartProps extends Omit<HistoryChartProps, 'series' | 'projections'> {
  /** The readings of the range shown, oldest first. */
  readings: Reading[];
  /** The history the forecast reads (it may reach back further than the range). */
  history: Reading[];
  /** The limit whose "at this pace" line is drawn, if any. */
  project?: Limit;
}

/**
 * The chart from readings: the popup loads this module after the bars, so turning readings into
 * series and projections costs the first paint nothing.
 */
export default function ReadingsChart({ readings, history, project, ...rest }: ReadingsChartProps) {
  const series = useMemo(() => toSeries(readings), [readings]);
  const projections = useMemo(() => {
    const line = project ? projectionSeries(project, history, rest.to) : null;
    return line ? [line] : NO_PROJECTIONS;
  }, [project, history, rest.to]);
  return <HistoryChart series={series} projections={projections} {...rest} />;
}

/** The percent of each limit over time, one line per limit; resets show as the drops they are. */
export function HistoryChart({
  series,
  from,
  to,
  projections = NO_PROJECTIONS,
  slots = NO_SLOTS,
  onDrawn,
}: HistoryChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', ChartPoint[]> | null>(null);
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
  const slotOf = (id: string) => slots[id] ?? 5;
  const empty = series.every((s) => s.points.length === 0);

  // Set when a chart is made: it marks no points yet, so the effect below has nothing to undo.
  const fresh = useRef(false);

  // Drawn before the browser paints: a plain effect would leave the canvas blank for a frame.
  useLayoutEffect(() => {
    if (!canvas.current) return;
    const cssVar = cssVars();
    const grid = cssVar('--grid');
    const text = cssVar('--muted');
    const colourOf = (id: string) => cssVar(`--series-${slotOf(id)}`);
    const future = projections.some((p) => p.points.length > 0);
    const end = future ? to + (to - from) * FUTURE_SHARE : to;
    const clipped = projections.map((p) => clipProjection(p, end));
    const locale = uiLocale();
    const ticks = timeTicks(from, to, locale);
    const labels = new Map(ticks.map((tick) => [tick.at, tick.label]));
    const strip = futureStrip(future ? to : null, { fill: grid, text, label: t('chartFuture') });
    chart.current?.destroy();
    chart.current = new Chart<'line', ChartPoint[]>(canvas.current, {
      type: 'line',
      data: {
        datasets: [
          ...series.map((s) => ({
            label: s.label,
            data: s.points,
            borderColor: colourOf(s.id),
            backgroundColor: colourOf(s.id),
            borderWidth: 2,
            pointRadius: 0,
            pointHitRadius: 6,
            tension: 0,
            // The newest reading sits on the plot's right edge: let its dot show whole.
            clip: 6,
          })),
          ...clipped
            .filter((p) => p.points.length > 0)
            .map((p) => ({
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
          // A reading with no neighbour near enough for a line (a first one) shows as a dot. Its
          // own dataset, after the lines the readout counts by index: with one radius for every
          // point of a line, Chart.js works out a line's point options once, not once a point.
          // Only the limits that have such a reading: each dataset costs Chart.js its options.
          ...series
            .map((s) => ({ s, dots: dotPoints(s.points, (to - from) / 30) }))
            .filter(({ dots }) => dots.length > 0)
            .map(({ s, dots }) => ({
              label: s.label,
              data: dots,
              showLine: false,
              pointRadius: 3,
              pointHitRadius: 0,
              pointBackgroundColor: colourOf(s.id),
              pointBorderColor: colourOf(s.id),
              clip: 6,
            })),
        ],
      },
      plugins: [strip],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        layout: { padding: { right: 4 } },
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear',
            min: from,
            max: end,
            grid: { color: grid },
            // Whole hours or days in the person's time zone, chosen by a tested pure function.
            afterBuildTicks: (scale) => {
              scale.ticks = ticks.map((tick) => ({ value: tick.at }));
            },
            ticks: {
              color: text,
              maxRotation: 0,
              autoSkip: true,
              callback: (v) => labels.get(Number(v)) ?? '',
            },
          },
          y: {
            min: 0,
            suggestedMax: 100,
            grid: { color: grid },
            ticks: { color: text, stepSize: 50, callback: (v) => formatPercent(Number(v), locale) },
          },
        },
        // Called for the pointer inside the plot area; leaving the canvas clears it (below).
        onHover: (event, _elements, c) =>
          moveTo(nearestStop(stops, c.scales.x?.getValueForPixel(event.x ?? NaN) ?? NaN), false),
      },
    });
    fresh.current = true;
    onDrawn?.();
  }, [series, from, to, projections, slots]);

  useEffect(() => () => chart.current?.destroy(), []);

  // The keys mark the cursor's points on the lines; under the pointer Chart.js marks them itself,
  // and marking them here too would fight it on every move.
  useEffect(() => {
    const c = chart.current;
    const made = fresh.current;
    fresh.current = false;
    // A new chart with no cursor: a second update of every point would change nothing.
    if (!c || cursor?.byKey === false || (made && cursor === null)) return;
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

  // Without a cursor the line under the chart is its legend; with one, the values at the cursor,
  // each beside the same swatch.
  const items =
    cursor === null
      ? series.filter((s) => s.points.length > 0).map((s) => ({ id: s.id, text: s.label }))
      : valuesAt(series, cursor.at).map((v) => ({
          id: v.id,
          text: t('chartTooltip', [v.label, formatPercent(v.y)]),
        }));

  return (
    <>
      <div class="chart-canvas">
        <canvas
          ref={canvas}
          role="img"
          tabIndex={0}
          aria-keyshortcuts="ArrowLeft ArrowRight Home End Escape"
          aria-label={summarise(series, Math.round((to - from) / 3_600_000), projections, to)}
          aria-describedby="chart-keys"
          onKeyDown={onKeyDown}
          onBlur={() => setCursor(null)}
          onMouseLeave={() => setCursor(null)}
        />
        {empty && <p class="chart-empty">{t('chartEmpty')}</p>}
      </div>
      <span id="chart-keys" class="sr-only">
        {t('chartReadoutHint')}
      </span>
      <p class={`chart-readout legend${cursor ? ' reading' : ''}`} aria-live="polite">
        {cursor !== null && <span class="readout-time">{readoutTime.format(cursor.at)}</span>}
        {items.map((item) => (
          <span
            key={item.id}
            class="legend-item"
            style={{ '--swatch': `var(--series-${slotOf(item.id)})` }}
          >
            <span class="swatch" aria-hidden="true" />
            {item.text}
          </span>
        ))}
      </p>
    </>
  );
}
