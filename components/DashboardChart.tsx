import { Chart, LinearScale, LineController, LineElement, PointElement, TimeScale } from 'chart.js';
import 'chartjs-adapter-date-fns';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  cursorStops,
  nearestStop,
  valuesAt,
  type ChartPoint,
  type Series,
} from '@/lib/chart/chart-points';
import { dragView, zoomView, type TimeView } from '@/lib/chart/dashboard-chart';
import { datasetsOf, DATASETS_PER_LIMIT, scalesOf } from './dashboard-chart-config';
import { dateFormat, percentText } from '@/lib/display/intl-cache';
import { t, uiLocale } from '@/lib/display/i18n';

// Only what is drawn here; the time scale's ticks come from the date adapter, their words from Intl.
Chart.register(LineController, LineElement, PointElement, LinearScale, TimeScale);

export interface DashboardChartProps {
  series: Series[];
  /** Where each limit reset, by limit id: drawn as markers on the time axis. */
  resets: Map<string, ChartPoint[]>;
  from: number;
  to: number;
  /** Limit ids switched off in the legend. */
  hidden: ReadonlySet<string>;
  /** Called once the chart has drawn (the bench marks it). */
  onDrawn?: () => void;
}

/**
 * Draws a small throwaway time chart off screen: run while the history is read, it takes
 * Chart.js's first-run costs (compiling its code, its date adapter) off the real chart's time.
 */
export function warmUp(): void {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 200;
    const day = 86_400_000;
    new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [{ parsing: false, data: [0, 1, 2, 3].map((i) => ({ x: i * day, y: i * 30 })) }],
      },
      options: {
        animation: false,
        responsive: false,
        normalized: true,
        scales: { x: { type: 'time', time: { minUnit: 'day' } }, y: { min: 0, max: 100 } },
      },
    }).destroy();
  } catch {
    /* only a head start: the real chart draws either way */
  }
}

const cssVar = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** A large history chart: drag or + and − to zoom, 0 to see it all, ← → to read it point by point. */
export default function DashboardChart({
  series,
  resets,
  from,
  to,
  hidden,
  onDrawn,
}: DashboardChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line'> | null>(null);
  // What a chart just made shows already: the legend and the zoom it was made with.
  const made = useRef<{ hidden: ReadonlySet<string>; min: number; max: number } | null>(null);
  const [view, setView] = useState<TimeView | null>(null);
  const [cursor, setCursor] = useState<{ at: number; byKey: boolean } | null>(null);
  const [drag, setDrag] = useState<{ start: number; x0: number; x1: number } | null>(null);
  const bounds = useMemo(() => ({ min: from, max: to }), [from, to]);
  const shown = useMemo(() => series.filter((s) => !hidden.has(s.id)), [series, hidden]);
  const visible = view ?? bounds;
  const stops = useMemo(
    () => cursorStops(shown).filter((x) => x >= visible.min && x <= visible.max),
    [shown, visible.min, visible.max],
  );
  // Chart.js keeps the hover handler of the chart it made; it reads the stops of now through this.
  const stopsRef = useRef(stops);
  stopsRef.current = stops;
  const locale = uiLocale();
  const readoutTime = useMemo(
    () => dateFormat({ dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );

  useEffect(() => setView(null), [from, to]);

  // Drawn before the browser paints, in the frame that shows the history: a plain effect would
  // wait for a paint of the page without it first.
  useLayoutEffect(() => {
    if (!canvas.current) return;
    const colours = [1, 2, 3, 4, 5].map((i) => cssVar(`--series-${i}`));
    const critical = cssVar('--critical');
    const muted = cssVar('--muted');
    const grid = cssVar('--grid');
    chart.current?.destroy();
    chart.current = new Chart<'line'>(canvas.current, {
      type: 'line',
      data: {
        datasets: datasetsOf(series, { hidden, resets, colours, critical, from, to }),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        normalized: true,
        events: ['mousemove', 'mouseout'],
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: scalesOf(visible, { grid, muted }),
        onHover: (event, _e, c) => {
          const x = c.scales.x?.getValueForPixel(event.x ?? NaN) ?? NaN;
          const at = nearestStop(stopsRef.current, x);
          setCursor(at === null ? null : { at, byKey: false });
        },
      },
    });
    made.current = { hidden, min: visible.min, max: visible.max };
    onDrawn?.();
  }, [series, resets]);

  // The legend and the zoom change the drawn chart in place; no new chart for either.
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    // Its first run after a new chart: an update of every point that would change nothing,
    // unless the legend or zoom changed since, or a point was chosen by key.
    const was = made.current;
    made.current = null;
    const same = was?.hidden === hidden && was.min === visible.min && was.max === visible.max;
    if (same && !cursor?.byKey) return;
    c.data.datasets.forEach((d, i) =>
      c.setDatasetVisibility(i, !hidden.has(series[Math.floor(i / DATASETS_PER_LIMIT)]!.id)),
    );
    c.options.scales!.x!.min = visible.min;
    c.options.scales!.x!.max = visible.max;
    const active = cursor?.byKey
      ? valuesAt(shown, cursor.at).map((v) => ({
          datasetIndex: DATASETS_PER_LIMIT * series.findIndex((s) => s.id === v.id),
          index: v.index,
        }))
      : [];
    if (cursor?.byKey || cursor === null) c.setActiveElements(active);
    c.update('none');
  }, [hidden, visible.min, visible.max, cursor]);

  useEffect(() => () => chart.current?.destroy(), []);

  const timeAt = (clientX: number) => {
    const c = chart.current;
    const rect = canvas.current!.getBoundingClientRect();
    return c?.scales.x?.getValueForPixel(clientX - rect.left) ?? NaN;
  };

  function onKeyDown(event: KeyboardEvent) {
    const centre = cursor?.at ?? (visible.min + visible.max) / 2;
    if (event.key === '+' || event.key === '=' || event.key === '-' || event.key === '0') {
      event.preventDefault();
      if (event.key === '0') return setView(null);
      setView(zoomView(visible, centre, event.key === '-' ? 2 : 0.5, bounds));
      return;
    }
    if (stops.length === 0) return;
    const index = cursor === null ? stops.length : stops.indexOf(nearestStop(stops, cursor.at)!);
    const next = {
      ArrowLeft: Math.max(0, index - 1),
      ArrowRight: Math.min(stops.length - 1, index + 1),
      Home: 0,
      End: stops.length - 1,
      Escape: -1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setCursor(next < 0 ? null : { at: stops[next]!, byKey: true });
  }

  const readout =
    cursor === null
      ? t('dashChartHint')
      : t('chartReadout', [
          readoutTime.format(cursor.at),
          valuesAt(shown, cursor.at)
            .map((v) => t('chartTooltip', [v.label, percentText(v.y)]))
            .join(' · ') || '—',
        ]);

  return (
    <>
      <div class="dash-chart-canvas">
        <canvas
          ref={canvas}
          role="img"
          tabIndex={0}
          aria-keyshortcuts="ArrowLeft ArrowRight Home End Escape + - 0"
          aria-label={t('dashChartLabel')}
          onKeyDown={onKeyDown}
          onBlur={() => setCursor(null)}
          onMouseLeave={() => setCursor(null)}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            (e.currentTarget as HTMLCanvasElement).setPointerCapture(e.pointerId);
            setDrag({ start: timeAt(e.clientX), x0: e.offsetX, x1: e.offsetX });
          }}
          onPointerMove={(e) => drag && setDrag({ ...drag, x1: e.offsetX })}
          onPointerUp={(e) => {
            if (!drag) return;
            const next = dragView(drag.start, timeAt(e.clientX), visible);
            setDrag(null);
            if (next) setView(next);
          }}
        />
        {drag && Math.abs(drag.x1 - drag.x0) > 2 && (
          <div
            class="dash-drag"
            style={{
              left: `${Math.min(drag.x0, drag.x1)}px`,
              width: `${Math.abs(drag.x1 - drag.x0)}px`,
            }}
          />
        )}
      </div>
      <div class="dash-chart-foot">
        <p class="chart-readout" aria-live="polite">
          {readout}
        </p>
        {view && (
          <button type="button" class="dash-small-button" onClick={() => setView(null)}>
            {t('dashZoomReset')}
          </button>
        )}
      </div>
    </>
  );
}
