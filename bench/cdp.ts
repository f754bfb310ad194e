import WebSocket from 'ws';

/** A minimal DevTools-protocol client for one target (the bench's view into the service worker). */
export interface Cdp {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): void;
}

interface Target {
  type: string;
  url: string;
  webSocketDebuggerUrl: string;
}

/** Connect to the first target whose URL starts with `urlPrefix`, via the browser's debugging port. */
export async function connectTarget(
  port: number,
  urlPrefix: string,
  type = 'service_worker',
): Promise<Cdp> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Target[];
  const target = targets.find((t) => t.type === type && t.url.startsWith(urlPrefix));
  if (!target)
    throw new Error(
      `No ${type} target at ${urlPrefix}; saw ${targets.map((t) => t.url).join(', ')}`,
    );
  const ws = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id === undefined) return;
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
    close: () => ws.close(),
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
}

/** Busy time in a CPU profile: every sample but the idle ones (ms). */
export function busyMs(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): number {
  const idle = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
  );
  let micros = 0;
  // timeDeltas[i] is the time before sample i; attribute it to sample i-1's node.
  for (let i = 1; i < profile.samples.length; i++) {
    if (!idle.has(profile.samples[i - 1]!)) micros += profile.timeDeltas[i]!;
  }
  return micros / 1000;
}
