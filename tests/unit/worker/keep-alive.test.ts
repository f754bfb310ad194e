import { describe, expect, it } from 'vitest';
import { createKeepAlive, KEEP_ALIVE_MS } from '../../../lib/worker/keep-alive';

function clock() {
  const timers = new Map<number, () => void>();
  let next = 1;
  let pings = 0;
  const whileBusy = createKeepAlive({
    ping: () => pings++,
    setInterval: (run, ms) => {
      expect(ms).toBe(KEEP_ALIVE_MS);
      timers.set(next, run);
      return next++;
    },
    clearInterval: (handle) => timers.delete(handle as number),
  });
  const tick = () => timers.forEach((run) => run());
  return { whileBusy, tick, timers, pings: () => pings };
}

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('keep-alive', () => {
  it('pings while any work runs, with one timer, and stops when the last ends', async () => {
    const c = clock();
    const a = deferred();
    const b = deferred();
    const first = c.whileBusy(a.promise);
    const second = c.whileBusy(b.promise);
    expect(c.timers.size).toBe(1);
    c.tick();
    expect(c.pings()).toBe(1);
    a.resolve();
    await first;
    expect(c.timers.size).toBe(1);
    b.reject(new Error('gave up'));
    await expect(second).rejects.toThrow('gave up');
    expect(c.timers.size).toBe(0);
    // New work starts a new timer.
    const d = deferred();
    const third = c.whileBusy(d.promise);
    expect(c.timers.size).toBe(1);
    d.resolve();
    await third;
    expect(c.timers.size).toBe(0);
  });
});
