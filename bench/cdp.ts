import WebSocket from 'ws';

/** A minimal DevTools-protocol client for one target (the bench's view into the browser). */
export interface Cdp {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Listen to an event of the protocol. */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  close(): void;
}

interface Target {
  type: string;
  url: string;
  webSocketDebuggerUrl: string;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
}

async function connect(url: string): Promise<Cdp> {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Message;
    if (message.id === undefined) {
      for (const listener of listeners.get(message.method ?? '') ?? [])
        listener(message.params ?? {});
      return;
    }
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error.message));
    else waiter?.resolve(message.result);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise<T>((resolve, reject) =>
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject }),
      );
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    close: () => ws.close(),
  };
}

/** Connect to the first target whose URL starts with `urlPrefix`, via the browser's debugging port. */
export async function connectTarget(
  port: number,
  urlPrefix: string,
  type = 'service_worker',
): Promise<Cdp> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Target[];
  const target = targets.find((t) => t.type === type && t.url.startsWith(urlPrefix));
  if (!target) {
    throw new Error(
      `No ${type} target at ${urlPrefix}; saw ${targets.map((t) => t.url).join(', ')}`,
    );
  }
  return connect(target.webSocketDebuggerUrl);
}

/** Connect to the browser itself (for tracing). */
export async function connectBrowser(port: number): Promise<Cdp> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };
  return connect(version.webSocketDebuggerUrl);
}

export interface TraceEvent {
  ph: string;
  ts: number;
  dur?: number;
  name: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

/** Every trace event of the given categories recorded while `during` runs. */
export async function collectTrace(
  browser: Cdp,
  categories: string[],
  during: () => Promise<void>,
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  let done: () => void = () => {};
  const complete = new Promise<void>((resolve) => (done = resolve));
  browser.on('Tracing.dataCollected', (p) => events.push(...(p.value as TraceEvent[])));
  browser.on('Tracing.tracingComplete', () => done());
  await browser.send('Tracing.start', {
    traceConfig: { includedCategories: categories },
    transferMode: 'ReportEvents',
  });
  await during();
  await browser.send('Tracing.end');
  await complete;
  return events;
}

/**
 * CPU time (thread time) of every service-worker thread while `during` runs, from Chrome's own
 * trace of top-level tasks: unlike a sampling profiler, it adds next to nothing to what it measures.
 */
export async function traceWorkerCpu(browser: Cdp, during: () => Promise<void>): Promise<number> {
  const categories = (process.env.BENCH_TRACE_CATS ?? 'toplevel,__metadata').split(',');
  const events = await collectTrace(browser, categories, during);
  const workerThreads = new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' && e.name === 'thread_name' && /ServiceWorker/i.test(e.args?.name ?? ''),
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Trace events nest (a task, the script it runs, ...): count only the outermost on each thread.
  const outer = events
    .filter((e) => e.ph === 'X' && e.tdur !== undefined && workerThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const endOf = new Map<string, number>();
  let micros = 0;
  for (const e of outer) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (endOf.get(thread) ?? -Infinity)) continue;
    endOf.set(thread, e.ts + (e.dur ?? 0));
    micros += e.tdur!;
  }
  if (process.env.BENCH_TRACE_DUMP) {
    const by = new Map<string, number>();
    for (const e of events) {
      if (e.tdur !== undefined && workerThreads.has(`${e.pid}:${e.tid}`))
        by.set(e.name, (by.get(e.name) ?? 0) + e.tdur);
    }
    console.log(
      [...by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => `${(v / 1000).toFixed(2)} ${k}`)
        .join('\n'),
    );
  }
  return micros / 1000;
}
