import { collectTrace, type Cdp, type TraceEvent } from './cdp';

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string };
}

interface ProfileChunk {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
  startTime?: number;
}

/** What `traceScriptTime` found: the total, and its part that only the samples saw. */
export interface ScriptTime {
  ms: number;
  /** Of `ms`: time in the script's code outside its own trace events (promise continuations). */
  microtaskMs: number;
}

/**
 * Main-thread time of each script (by a part of its URL) while `during` runs, from one trace:
 * the outermost trace events whose script is it (its evaluation and compilation, and every
 * callback it registered: timers, observers, frames), plus what V8's sampling profiler saw of its code outside them. The second
 * part is code run as a promise continuation (after an `await` of an extension API): Chrome
 * traces those as anonymous microtasks that name no script.
 */
export async function traceScriptTimes(
  browser: Cdp,
  urlParts: readonly string[],
  during: () => Promise<void>,
): Promise<ScriptTime[]> {
  const events = await collectTrace(
    browser,
    ['devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', '__metadata'],
    during,
  );
  return urlParts.map((urlPart) => scriptTime(events, urlPart));
}

function scriptTime(events: TraceEvent[], urlPart: string): ScriptTime {
  const ours = (e: TraceEvent) => {
    const data = e.args?.data;
    return (data?.url ?? data?.scriptName ?? '').includes(urlPart);
  };
  const outer = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && ours(e))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const endOf = new Map<string, number>();
  const spans: [number, number][] = [];
  let micros = 0;
  for (const e of outer) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (endOf.get(thread) ?? -Infinity)) continue;
    endOf.set(thread, e.ts + (e.dur ?? 0));
    spans.push([e.ts, e.ts + e.dur!]);
    micros += e.dur!;
  }
  const inSpan = (t: number) => spans.some(([a, b]) => t >= a && t < b);
  const sampled = sampledMicros(events, urlPart, inSpan);
  return { ms: (micros + sampled) / 1000, microtaskMs: sampled / 1000 };
}

/** Sampled time in code from `urlPart` at moments `counted` does not already cover. */
function sampledMicros(
  events: TraceEvent[],
  urlPart: string,
  counted: (t: number) => boolean,
): number {
  // Each profile (one per thread) arrives as chunks: its nodes grow, its samples follow on.
  const profiles = new Map<string, { nodes: Map<number, ProfileNode>; t: number }>();
  const samples: { profile: string; node: number; t: number }[] = [];
  for (const e of events) {
    const data = (e.args as { data?: ProfileChunk } | undefined)?.data;
    const key = `${e.pid}:${(e as { id?: string }).id}`;
    if (e.name === 'Profile') profiles.set(key, { nodes: new Map(), t: data?.startTime ?? e.ts });
    if (e.name !== 'ProfileChunk' || !data) continue;
    const profile = profiles.get(key);
    if (!profile) continue;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    ids.forEach((node, i) => {
      profile.t += deltas[i] ?? 0;
      samples.push({ profile: key, node, t: profile.t });
    });
  }
  const mine = new Map<string, boolean>();
  const isMine = (profile: string, id: number): boolean => {
    const cacheKey = `${profile}/${id}`;
    const known = mine.get(cacheKey);
    if (known !== undefined) return known;
    const node = profiles.get(profile)!.nodes.get(id);
    const result =
      !!node &&
      ((node.callFrame?.url ?? '').includes(urlPart) ||
        (node.parent !== undefined && isMine(profile, node.parent)));
    mine.set(cacheKey, result);
    return result;
  };
  let micros = 0;
  const byLeaf = new Map<string, number>();
  for (let i = 0; i + 1 < samples.length; i++) {
    const s = samples[i]!;
    const next = samples[i + 1]!;
    if (next.profile !== s.profile || counted(s.t) || !isMine(s.profile, s.node)) continue;
    // A sample stands for the time until the next one, capped where the thread went idle.
    micros += Math.min(next.t - s.t, 2_000);
    if (process.env.BENCH_TRACE_DUMP) {
      const node = profiles.get(s.profile)!.nodes.get(s.node)!;
      const frame = node.callFrame as {
        functionName?: string;
        url?: string;
        lineNumber?: number;
        columnNumber?: number;
      };
      const name = `${frame.functionName || '(anon)'} ${(frame.url ?? '').split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
      byLeaf.set(name, (byLeaf.get(name) ?? 0) + Math.min(next.t - s.t, 2_000));
    }
  }
  if (process.env.BENCH_TRACE_DUMP)
    console.log(
      [...byLeaf]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => `  ${(v / 1000).toFixed(2)} ${k}`)
        .join('\n'),
    );
  return micros;
}
