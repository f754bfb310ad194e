import { useEffect, useLayoutEffect, type Dispatch, type StateUpdater } from 'preact/hooks';
import type { PopupData } from '@/lib/storage/page-data';
import { nextTickIn } from '@/lib/display/format';
import type { Theme } from '@/lib/settings';
import type { Limit, Reading } from '@/lib/usage/types';
import { later as load } from './later';

/**
 * The first paint came from a plain storage read; the storage module (settings migrations,
 * change events) loads after it and keeps the data current.
 */
export function useStoredData(setData: Dispatch<StateUpdater<PopupData>>): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void load.storage().then(({ readPopupData, watchPopupData, sharedWith }) => {
      if (!live) return;
      const reread = () =>
        void readPopupData().then((d) => live && setData((before) => sharedWith(before, d)));
      stop = watchPopupData(reread);
      reread();
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);
}

/** Before the browser paints: no frame in the other theme, and the chart reads its colours from it. */
export function useTheme(theme: Theme): void {
  useLayoutEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}

/** One timer for every countdown: `setNow` at the next moment any of their texts changes. */
export function useTicks(
  limits: Limit[] | undefined,
  nextTry: number | null,
  now: number,
  setNow: (now: number) => void,
): void {
  useEffect(() => {
    const ticks = (limits ?? [])
      .map((l) => nextTickIn(l.resetsAt, now))
      .filter((t): t is number => t !== null);
    if (nextTry !== null && nextTry > now) ticks.push(nextTry - now);
    const delay = Math.min(60_000, ...ticks);
    const timer = setTimeout(() => setNow(Date.now()), delay + 5);
    return () => clearTimeout(timer);
  }, [now, limits, nextTry]);
}

/**
 * History for the chart and the forecasts (`spanMs` back from now), asked for as the bars render
 * (the read is async, so it costs them nothing), not a frame later; again with each new reading.
 */
export function useHistory(
  orgId: string | undefined,
  spanMs: number,
  readingAt: number | undefined,
  setHistory: (history: Reading[]) => void,
): void {
  useLayoutEffect(() => {
    if (!orgId) return;
    let live = true;
    const to = Date.now();
    void load
      .db()
      .then(({ popupHistoryRepo }) => popupHistoryRepo())
      .then((repo) => repo.range(orgId, to - spanMs, to))
      .then((readings) => live && setHistory(readings))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [orgId, spanMs, readingAt]);
}
