import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSnapshotRepo, openUsageDb, type Snapshot } from '../../../lib/storage/db';
import { toJsonExport } from '../../../lib/history/export';
import { importBounds } from '../../../lib/history/import';
import { runImport, type ImportDeps } from '../../../lib/history/import-run';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { fakeReading, fakeSettings, ORG, T0 } from '../support/builders';

const NOW = T0 + 3600_000;
const bounds = importBounds(NOW, DEFAULT_SETTINGS.history);
const minutes = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => fakeReading(i % 100, 5, { at: T0 - (from + i) * 60_000 }));
const fileOf = (readings: Snapshot[]) =>
  JSON.stringify(toJsonExport(readings, fakeSettings(), NOW));

describe('runImport', () => {
  let repo: ReturnType<typeof createSnapshotRepo>;
  beforeEach(async () => {
    repo = createSnapshotRepo(await openUsageDb(new IDBFactory()));
  });

  function deps(overrides: Partial<ImportDeps> = {}): ImportDeps & { progress: number[] } {
    const progress: number[] = [];
    return {
      repo,
      bounds,
      signal: new AbortController().signal,
      onProgress: (f) => progress.push(f),
      pause: () => Promise.resolve(),
      progress,
      ...overrides,
    };
  }

  it('never replaces a stored reading, and counts new and already-here honestly', async () => {
    const stored = fakeReading(80, 50, { at: T0 - 60_000 });
    await repo.add(stored);
    const file = [
      fakeReading(0, 0, { at: T0 - 60_000 }),
      fakeReading(10, 10, { at: T0 - 120_000 }),
      fakeReading(20, 20, { at: T0 - 180_000 }),
    ];
    expect(await runImport(fileOf(file), deps())).toEqual({
      kind: 'done',
      added: 2,
      already: 1,
      tooOld: 0,
    });
    expect((await repo.range(ORG, T0 - 60_000, T0 - 60_000))[0]).toEqual(stored);
    expect(await repo.count()).toBe(3);
  });

  it('says "0 new, N already here" when the export of this history comes back', async () => {
    await repo.addMany(minutes(40));
    const before = await repo.all();
    const outcome = await runImport(fileOf(before), deps());
    expect(outcome).toEqual({ kind: 'done', added: 0, already: 40, tooOld: 0 });
    expect(await repo.all()).toEqual(before);
  });

  it('refuses a damaged file whole, leaving the history as it was', async () => {
    await repo.addMany(minutes(3));
    const file = JSON.parse(fileOf(minutes(10, 100))) as { readings: Snapshot[] };
    file.readings[7]!.limits[0]!.percent = 1e308;
    const outcome = await runImport(JSON.stringify(file), deps());
    expect(outcome).toEqual({
      kind: 'refused',
      reason: expect.stringMatching(/^readings\[7\]\.limits\[0\]\.percent: 1e\+308/),
    });
    expect(await repo.count()).toBe(3);
  });

  it('reports progress in steps up to the end, checking first and writing after', async () => {
    const run = deps();
    await runImport(fileOf(minutes(9_000)), run);
    expect(run.progress.length).toBeGreaterThan(6);
    expect(run.progress).toEqual([...run.progress].sort((a, b) => a - b));
    expect(run.progress.at(-1)).toBe(1);
    expect(run.progress).toContain(0.3);
    expect(await repo.count()).toBe(9_000);
  });

  it('pauses between batches so the page can paint and take a click', async () => {
    let pauses = 0;
    await runImport(fileOf(minutes(9_000)), deps({ pause: async () => void pauses++ }));
    expect(pauses).toBe(4);
  });

  it('writes nothing when cancelled while checking', async () => {
    await repo.addMany(minutes(2));
    const controller = new AbortController();
    const outcome = await runImport(
      fileOf(minutes(9_000, 10)),
      deps({ signal: controller.signal, pause: async () => controller.abort() }),
    );
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(await repo.count()).toBe(2);
  });

  it('writes nothing when cancelled while writing, even after chunks went in', async () => {
    await repo.addMany(minutes(2));
    const controller = new AbortController();
    const writes: number[] = [];
    const outcome = await runImport(
      fileOf(minutes(9_000, 10)),
      deps({
        signal: controller.signal,
        onProgress: (f) => {
          if (f > 0.3) writes.push(f);
          if (f > 0.5) controller.abort();
        },
      }),
    );
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(writes.length).toBeGreaterThan(0);
    expect(await repo.count()).toBe(2);
  });

  it('writes nothing when a write fails part-way, and says so', async () => {
    const file = minutes(5_000);
    // A value IndexedDB cannot store, after thousands of good ones: the transaction fails late.
    const poisoned = createSnapshotRepo(await openUsageDb(new IDBFactory()));
    const outcome = await runImport(
      fileOf(file),
      deps({
        repo: {
          addNew: (readings, options) =>
            poisoned.addNew(
              readings.map((r, i) => (i === 4_500 ? { ...r, extra: (() => 1) as never } : r)),
              options,
            ),
        },
      }),
    );
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(await poisoned.count()).toBe(0);
  });
});
