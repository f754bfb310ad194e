/* global Worker */
// The dashboard's history worker (entrypoints/history-worker.ts), started while the HTML is read:
// a worker takes some 50–100 ms to start on a busy page, so by the time the page asks for its
// history the worker is up and its database open.
try {
  const worker = new Worker('/history-worker.js');
  globalThis.historyWorker = worker;
  // A worker that fails to load says so once, maybe before the page listens: keep it.
  worker.addEventListener('error', () => (globalThis.historyWorkerFailed = true));
} catch {
  /* the page starts it, or reads the history itself */
}
