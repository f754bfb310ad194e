// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dayPacks } from '../../../../lib/storage/db-packs';
import { historyRepo } from '../../../../lib/storage/history-repo';
import { fakeReading, ORG } from '../../support/builders';

const HOUR = 3_600_000;

/** A history worker that fails to load: it says so once and never answers. */
class FailingWorker extends EventTarget {
  asked = 0;
  constructor() {
    super();
    setTimeout(() => this.dispatchEvent(new Event('error')), 0);
  }
  postMessage() {
    this.asked += 1;
  }
  terminate() {}
}

/** A history worker that takes every ask and never answers. */
class SilentWorker extends EventTarget {
  postMessage() {}
  terminate() {}
}

async function hookWith(worker: typeof EventTarget) {
  vi.resetModules();
  vi.stubGlobal('Worker', worker);
  const { useHistory } = await import('../../../../entrypoints/dashboard/history');
  return renderHook(() => useHistory(ORG, 24 * HOUR));
}

describe('the dashboard history without its worker', () => {
  beforeAll(async () => {
    const repo = await historyRepo(dayPacks);
    await repo.add(fakeReading(40, 10, { orgId: ORG, at: Date.now() - HOUR }));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reads the range in the page when the worker fails to load', async () => {
    const { result } = await hookWith(FailingWorker);
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current!.series.find((s) => s.id === 'session')?.points.map((p) => p.y)).toEqual([
      40,
    ]);
  });

  it('reads the range in the page when the worker never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { result } = await hookWith(SilentWorker);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(result.current).toBeNull();
    await vi.advanceTimersByTimeAsync(2_000);
    vi.useRealTimers();
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current!.series.find((s) => s.id === 'session')?.points.map((p) => p.y)).toEqual([
      40,
    ]);
  });
});
