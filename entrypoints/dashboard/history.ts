import { useEffect, useState } from 'preact/hooks';
import type { DashboardHistory } from '@/lib/history/dashboard-history';
import type { Snapshot, SnapshotRepo } from '@/lib/storage/db';
import type { Reading } from '@/lib/usage/types';

// The database and the statistics load beside the cards' first paint, not before it.
const repoModule = import('@/lib/storage/history-repo');
const derivation = import('@/lib/history/dashboard-history');

export type { DashboardHistory };

/** Up to a week the readings themselves are read; longer ranges read the day packs. */
const PACKED_AFTER_MS = 7 * 24 * 3_600_000;

/** One organisation's readings in the range, from the packs for long ranges (repaired if stale). */
async function readRange(r: SnapshotRepo, orgId: string, from: number, to: number) {
  if (to - from <= PACKED_AFTER_MS) return r.range(orgId, from, to);
  const { readings, staleDays } = await r.rangePacked(orgId, from, to);
  // Those days' readings were read instead; pack just those days again, after this paint (after
  // polls that is today's, not the year).
  const [first, last] = [staleDays[0], staleDays.at(-1)];
  if (first !== undefined && last !== undefined)
    setTimeout(() => void r.repairPacks(orgId, first, last).catch(() => undefined), 1_000);
  return readings;
}

const packsModule = import('@/lib/storage/db-packs');
const openRepo = () =>
  Promise.all([repoModule, packsModule]).then(([{ historyRepo }, { dayPacks }]) =>
    historyRepo(dayPacks),
  );

/**
 * The history of one organisation over the range ending now: ONE indexed range read per change of
 * organisation or range, then the statistics from it. Null while reading.
 */
export function useHistory(orgId: string | null, rangeMs: number): DashboardHistory | null {
  const [history, setHistory] = useState<DashboardHistory | null>(null);
  useEffect(() => {
    if (!orgId) return;
    let live = true;
    setHistory(null);
    const to = Date.now();
    const from = to - rangeMs;
    void openRepo()
      .then((r) => readRange(r, orgId, from, to))
      .catch(() => [] as Snapshot[])
      .then(async (readings) => {
        const { deriveHistory } = await derivation;
        performance.mark('history-read');
        const derived = deriveHistory(readings, from, to);
        performance.mark('history-derived');
        if (live) setHistory(derived);
      });
    return () => {
      live = false;
    };
  }, [orgId, rangeMs]);
  return history;
}

/** The last day of every organisation in one indexed read, for the cards' forecasts. */
export function useRecent(at: number | undefined): Record<string, Reading[]> | null {
  const [recent, setRecent] = useState<Record<string, Reading[]> | null>(null);
  useEffect(() => {
    let live = true;
    const to = Date.now();
    void openRepo()
      .then((r) => r.rangeAll(to - 24 * 3_600_000, to))
      .catch(() => [] as Snapshot[])
      .then((readings) => {
        const byOrg: Record<string, Reading[]> = {};
        for (const reading of readings) (byOrg[reading.orgId] ??= []).push(reading);
        if (live) setRecent(byOrg);
      });
    return () => {
      live = false;
    };
  }, [at]);
  return recent;
}
