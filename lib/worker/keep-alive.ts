/** Chrome stops a worker after 30 s without extension API calls; one every 20 s keeps it. */
export const KEEP_ALIVE_MS = 20_000;

export interface KeepAliveDeps {
  /** Any cheap extension API call (e.g. `runtime.getPlatformInfo`). */
  ping: () => unknown;
  setInterval: (run: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

/**
 * Keep the worker alive while some work runs (a channel delivery waiting to retry), and let it be
 * stopped as soon as none does: `whileBusy(work)` returns the work's own promise.
 */
export function createKeepAlive(deps: KeepAliveDeps) {
  let pending = 0;
  let timer: unknown;
  return function whileBusy<T>(work: Promise<T>): Promise<T> {
    if (pending++ === 0) timer = deps.setInterval(() => void deps.ping(), KEEP_ALIVE_MS);
    return work.finally(() => {
      if (--pending === 0) deps.clearInterval(timer);
    });
  };
}
