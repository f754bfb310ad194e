// Bundled by the bench and the demo (esbuild) and evaluated in an extension page: seeds history
// through the project's own repository, so nothing in the shipped bundle exists for their sake.
import { compactHistory } from '../lib/history/compaction';
import { createSnapshotRepo, openUsageDb } from '../lib/storage/db';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { Limit, Reading } from '../lib/usage/types';

const STEP = 2 * 60_000;
const HOUR = 3_600_000;
const SESSION = 5 * HOUR;
const WEEK = 7 * 24 * HOUR;

/** A plausible percent for `limit` at `at`: sessions climb and reset every 5 h, weeks climb slowly. */
function percentAt(
  limit: Limit,
  at: number,
  end: number,
): { percent: number; resetsAt: number | null } {
  const daytime = 0.35 + 0.65 * Math.max(0, Math.sin((2 * Math.PI * at) / (24 * HOUR)));
  if (limit.kind === 'session') {
    const resetsAt =
      (limit.resetsAt ?? end) -
      Math.ceil(((limit.resetsAt ?? end) - at) / SESSION) * SESSION +
      SESSION;
    const phase = 1 - (resetsAt - at) / SESSION;
    return { percent: Math.min(100, Math.round(phase * 105 * daytime)), resetsAt };
  }
  const weekEnd = limit.resetsAt ?? end + WEEK;
  const resetsAt = at > weekEnd - WEEK ? weekEnd : weekEnd - WEEK;
  const phase = 1 - (resetsAt - at) / WEEK;
  const scale = limit.kind === 'weekly' ? 1 : 0.9;
  return {
    percent: Math.round(Math.min(limit.percent, phase * limit.percent * 1.05) * scale),
    resetsAt,
  };
}

async function seed(template: Reading, count: number): Promise<{ before: number; after: number }> {
  const usage = async () => (await navigator.storage.estimate()).usage ?? 0;
  const repo = createSnapshotRepo(await openUsageDb());
  await repo.clear();
  const before = await usage();
  const end = template.at;
  const batch: Reading[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const at = end - i * STEP;
    batch.push({
      ...template,
      at,
      limits: template.limits.map((l) => ({ ...l, ...percentAt(l, at, end) })),
    });
    if (batch.length === 5_000) await repo.addMany(batch.splice(0));
  }
  await repo.addMany(batch);
  return { before, after: await usage() };
}

/** Compact as the worker's daily maintenance does (default history settings); the records left. */
async function compact(now: number): Promise<number> {
  const repo = createSnapshotRepo(await openUsageDb());
  await compactHistory(repo, DEFAULT_SETTINGS.history, now);
  return repo.count();
}

(globalThis as { benchSeed?: typeof seed }).benchSeed = seed;
(globalThis as { benchCompact?: typeof compact }).benchCompact = compact;
