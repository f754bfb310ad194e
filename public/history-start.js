/* global Worker */
// The dashboard's history worker (entrypoints/history-worker.ts), started while the HTML is read:
// a worker takes some 50–100 ms to start on a busy page, so by the time the page asks for its
// history the worker is up and its database open.
try {
  globalThis.historyWorker = new Worker('/history-worker.js');
} catch {
  /* the page starts it, or reads the history itself */
}
