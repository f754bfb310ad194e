// Bundled by the bench (esbuild) and evaluated in an extension page: seeds history through the
// project's own repository, so nothing in the shipped bundle exists for the bench's sake.
import { createSnapshotRepo, openUsageDb } from '../lib/db';
import type { Reading } from '../lib/usage/types';

const STEP = 2 * 60_000;

async function seed(template: Reading, count: number): Promise<{ before: number; after: number }> {
  const usage = async () => (await navigator.storage.estimate()).usage ?? 0;
  const repo = createSnapshotRepo(await openUsageDb());
  await repo.clear();
  const before = await usage();
  const end = template.at;
  const batch: Reading[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const at = end - i * STEP;
    const wave = (Math.sin(at / 3_600_000) + 1) * 45;
    batch.push({
      ...template,
      at,
      limits: template.limits.map((l, k) => ({ ...l, percent: Math.round((wave + k * 7) % 100) })),
    });
    if (batch.length === 5_000) await repo.addMany(batch.splice(0));
  }
  await repo.addMany(batch);
  return { before, after: await usage() };
}

(globalThis as { benchSeed?: typeof seed }).benchSeed = seed;
