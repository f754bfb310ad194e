/** A loader that asks once and hands every caller the same promise. */
const once = <T>(load: () => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
};

/**
 * What the popup loads after its bars, each asked for once: `main` starts all of them in the
 * task that paints the bars, and the components that need them wait on the same promises.
 * Left to the components' effects, each would wait for the first frame before even starting.
 */
const db = once(() => import('@/lib/storage/history-repo'));

export const later = {
  afterPaint: once(() => import('./after-paint')),
  // Chart.js, by far the largest chunk, after the history's code: the chart waits on the history
  // read more than on its own code, and that read starts as soon as its code is here.
  chart: once(() =>
    db()
      .catch(() => undefined)
      .then(() => import('@/components/HistoryChart')),
  ),
  storage: once(() => import('@/lib/storage/page-data')),
  db,
};

/** Starts loading everything the popup shows after its first paint. */
export function startLater(): void {
  for (const load of Object.values(later)) void load();
}
