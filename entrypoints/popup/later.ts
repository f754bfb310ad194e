/** A loader that asks once and hands every caller the same promise. */
const once = <T>(load: () => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
};

/**
 * What the popup loads after its bars, each asked for once; the components that need them wait
 * on the same promises. The rest (the status line, the switcher, the forecast; the storage
 * module) is asked for by the components' effects, a frame after the bars, so its chunks do not
 * arrive while the chart is being made.
 */
export const later = {
  // Its database is being opened meanwhile (by the popup's HTML).
  db: once(() => import('@/lib/storage/early-open')),
  chart: once(() => import('@/components/HistoryChart')),
  afterPaint: once(() => import('./after-paint')),
  storage: once(() => import('@/lib/storage/page-data')),
};

/**
 * Starts loading the chart's code and its history's, in the task that paints the bars: left to
 * the components' effects, they would wait for the first frame before even starting.
 */
export function startChart(): void {
  void later.db();
  void later.chart();
}
