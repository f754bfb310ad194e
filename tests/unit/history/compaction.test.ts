import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { compactHistory, planCompaction } from '../../../lib/history/compaction';
import { createSnapshotRepo, openUsageDb, type Snapshot } from '../../../lib/storage/db';
import { fakeReading, ORG } from '../support/builders';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = Date.parse('2026-11-24T12:00:00Z');
const HISTORY = { rawDays: 7, totalDays: 365 };

/** A reading every 2 minutes for `days` days up to NOW, with one spike of 97 % 40 days ago. */
function history(days: number): Snapshot[] {
  const out: Snapshot[] = [];
  const spike = NOW - 40 * DAY + 8 * MIN;
  for (let at = NOW - days * DAY; at <= NOW; at += 2 * MIN) {
    out.push(fakeReading(at === spike ? 97 : 10 + ((at / MIN) % 30), 20, { at }));
  }
  return out;
}

/** Apply a plan to an in-memory list, as the repository does. */
function apply(list: Snapshot[], plan: ReturnType<typeof planCompaction>): Snapshot[] {
  const gone = new Set(plan.remove.map(([o, at]) => `${o}|${at}`));
  const kept = new Map(
    list.filter((s) => !gone.has(`${s.orgId}|${s.at}`)).map((s) => [`${s.orgId}|${s.at}`, s]),
  );
  for (const s of plan.add) kept.set(`${s.orgId}|${s.at}`, s);
  return [...kept.values()].sort((a, b) => a.at - b.at);
}

describe('planCompaction', () => {
  const raw = history(120);
  const compacted = apply(raw, planCompaction(raw, HISTORY, NOW));

  it('bounds the count: raw for 7 days, 10-minute points to 90 days, hourly after', () => {
    expect(raw.length).toBe(120 * 720 + 1);
    const rawDays = compacted.filter((s) => !s.tier).length;
    const tens = compacted.filter((s) => s.tier === 10).length;
    const hours = compacted.filter((s) => s.tier === 60).length;
    expect(rawDays).toBeLessThanOrEqual(7 * 720 + 6);
    expect(tens).toBeLessThanOrEqual(83 * 144 + 7);
    expect(hours).toBeLessThanOrEqual(30 * 24 + 2);
    expect(compacted.length).toBeLessThan(raw.length / 3);
  });

  it('keeps every peak', () => {
    const peak = (list: Snapshot[], from: number, to: number) =>
      Math.max(...list.filter((s) => s.at >= from && s.at < to).map((s) => s.limits[0]!.percent));
    expect(peak(compacted, NOW - 41 * DAY, NOW - 39 * DAY)).toBe(97);
    expect(peak(compacted, NOW - 120 * DAY, NOW)).toBe(peak(raw, NOW - 120 * DAY, NOW));
  });

  it('changes nothing the second time', () => {
    expect(planCompaction(compacted, HISTORY, NOW)).toEqual({ remove: [], add: [] });
  });

  it('drops what is older than the total retention', () => {
    const old = [
      fakeReading(50, 50, { at: NOW - 400 * DAY }),
      fakeReading(50, 50, { at: NOW - 10 * MIN }),
    ];
    expect(planCompaction(old, HISTORY, NOW)).toEqual({
      remove: [[ORG, NOW - 400 * DAY]],
      add: [],
    });
  });
});

describe('compactHistory', () => {
  it('compacts the repository in day-sized transactions and is idempotent', async () => {
    const repo = createSnapshotRepo(await openUsageDb(new IDBFactory()));
    const raw = history(20);
    await repo.addMany(raw);
    const first = await compactHistory(repo, HISTORY, NOW);
    expect(first.removed).toBeGreaterThan(0);
    const count = await repo.count();
    expect(count).toBeLessThan(raw.length / 2);
    expect(await compactHistory(repo, HISTORY, NOW)).toEqual({ removed: 0, added: 0 });
    expect(await repo.count()).toBe(count);
  });
});
