import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createServices } from '../../../../entrypoints/background/services';
import type { SnapshotRepo } from '../../../../lib/storage/db';
import { createSnapshotRepo, openUsageDb } from '../../../../lib/storage/db';
import { latestItem, statusItem } from '../../../../lib/storage/items';
import { fakeReading, ORG, T0 } from '../../support/builders';
import { fixture } from '../../support/fixtures';

/**
 * A full disk, through the worker's real services: the write that does not fit fails for quota,
 * the reading is still shown, the worker compacts old history, and the next write fits.
 */

/** A disk that holds `capacity` snapshots: writes that would overflow it fail as Chromium's do. */
const disk = { capacity: Infinity };

function quotaError() {
  return new DOMException('The disk is full (test quota)', 'QuotaExceededError');
}

function onDisk(repo: SnapshotRepo): SnapshotRepo {
  return {
    ...repo,
    async addMany(readings) {
      if ((await repo.count()) + readings.length > disk.capacity) throw quotaError();
      return repo.addMany(readings);
    },
    async add(reading) {
      if ((await repo.count()) + 1 > disk.capacity) throw quotaError();
      return repo.add(reading);
    },
    async replace(remove, add) {
      if ((await repo.count()) - remove.length + add.length > disk.capacity) throw quotaError();
      return repo.replace(remove, add);
    },
  };
}

// The worker's repository, on the limited disk; everything else about the database is real.
vi.mock('../../../../lib/storage/db', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../lib/storage/db')>();
  return {
    ...real,
    createSnapshotRepo: (db: Parameters<typeof real.createSnapshotRepo>[0]) =>
      onDisk(real.createSnapshotRepo(db)),
  };
});

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('a full disk', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // A fixed clock, so the compaction buckets fall the same way every run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    disk.capacity = Infinity;
    vi.stubGlobal('indexedDB', new IDBFactory());
    // Host access to claude.ai, as the install grants it.
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const path = new URL(String(input)).pathname;
      if (path === '/api/organizations')
        return Response.json(
          fixture<{ capabilities: string[] }[]>('organizations.json').slice(0, 2),
        );
      return Response.json(fixture('max-sep-2026.json'));
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('still shows the reading, compacts old history to make room, and stores the next one', async () => {
    // Ten days of readings every 2 minutes, three of them past the raw days: the disk is full.
    const now = Date.now();
    const old = Array.from({ length: 10 * 720 }, (_, i) =>
      fakeReading(10 + (i % 50), 20, { at: now - 10 * DAY + i * 2 * MIN }),
    );
    const seeded = createSnapshotRepo(await openUsageDb());
    await seeded.addMany(old);
    disk.capacity = old.length;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const { poller, openRepo } = createServices();
    expect(await poller.poll('install')).toEqual({ ok: true });

    // The reading was not stored, but it is shown, and the problem is reported.
    expect((await latestItem.getValue())[ORG]?.limits.map((l) => l.percent)).toEqual([48, 64, 2]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('64%');
    const status = await statusItem.getValue();
    expect(status.storeError?.detail).toMatch(/QuotaExceededError/);
    expect(warn.mock.calls.filter(([m]) => String(m).includes('could not store'))).toHaveLength(1);

    // Compaction made room: the three old days went from 2,160 raw readings to 10-minute points.
    const repo = await openRepo();
    const afterCompaction = await repo.count();
    // (the one 10-minute bucket that straddles the raw boundary stays raw: 5 readings, not 1)
    expect(afterCompaction).toBe(old.length - 3 * 720 + 3 * 144 + 4);
    expect((await repo.all()).filter((s) => s.tier === 10).length).toBeGreaterThan(400);

    // The next poll's readings fit, and the problem clears.
    expect(await poller.poll('alarm')).toEqual({ ok: true });
    expect(await repo.count()).toBe(afterCompaction + 1);
    expect((await repo.latest(ORG))?.at).toBe((await latestItem.getValue())[ORG]!.at);
    expect((await statusItem.getValue()).storeError).toBeNull();
  });
});
