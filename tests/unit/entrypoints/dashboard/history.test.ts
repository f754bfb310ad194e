// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { renderHook, waitFor } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHistory, useRecent } from '../../../../entrypoints/dashboard/history';
import { dayPacks } from '../../../../lib/storage/db-packs';
import { historyRepo } from '../../../../lib/storage/history-repo';
import { fakeReading, ORG } from '../../support/builders';

const HOUR = 3_600_000;

/** Readings of two organisations, one and thirty hours ago, stored as the worker stores them. */
async function seed() {
  const now = Date.now();
  const repo = await historyRepo(dayPacks);
  for (const [orgId, at, percent] of [
    [ORG, now - HOUR, 40],
    [ORG, now - 30 * HOUR, 20],
    ['other', now - HOUR, 5],
  ] as const)
    await repo.add(fakeReading(percent, 10, { orgId, at }));
}

describe('the dashboard history hooks', () => {
  beforeAll(seed);

  it("useHistory reads one organisation's range and works out its statistics", async () => {
    const { result } = renderHook(() => useHistory(ORG, 24 * HOUR));
    await waitFor(() => expect(result.current).not.toBeNull());
    const session = result.current!.series.find((s) => s.id === 'session');
    expect(session?.points.map((p) => p.y)).toEqual([40]);
    expect(result.current!.to - result.current!.from).toBe(24 * HOUR);
  });

  it('useRecent groups the last day of every organisation by organisation', async () => {
    const { result } = renderHook(() => useRecent(1));
    await waitFor(() => expect(result.current).not.toBeNull());
    const { byOrg, outlookOf } = result.current!;
    expect(outlookOf).toBeTypeOf('function');
    expect(Object.keys(byOrg).sort()).toEqual([ORG, 'other'].sort());
    expect(byOrg[ORG]!.map((r) => r.limits[0]!.percent)).toEqual([40]);
  });
});
