import type { SnapshotRepo } from '../storage/db';
import { checkImport, readImportFile, type ImportBounds } from './import';

/** What an import came to; the person reads it as one sentence. */
export type ImportOutcome =
  | { kind: 'done'; added: number; already: number; tooOld: number }
  | { kind: 'refused'; reason: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; detail: string };

export interface ImportDeps {
  repo: Pick<SnapshotRepo, 'addNew'>;
  bounds: ImportBounds;
  /** Aborted by the person's Cancel: before the commit, nothing is written. */
  signal: AbortSignal;
  /** The share done, 0–1: checking is the first 30 %, writing the rest. */
  onProgress: (fraction: number) => void;
  /** Lets the page paint and take clicks between batches; a timer in the browser. */
  pause: () => Promise<void>;
}

/** Checking is quick next to writing: its share of the progress bar. */
const CHECK_SHARE = 0.3;

/**
 * Import a JSON export: check every reading first, in batches with a pause between them, then
 * write the new ones in one transaction. Refused, cancelled or failed, the history is as before;
 * done, stored readings are kept as they were and the counts say what happened.
 */
export async function runImport(text: string, deps: ImportDeps): Promise<ImportOutcome> {
  const { signal, onProgress, pause } = deps;
  const file = readImportFile(text);
  if (!file.ok) return { kind: 'refused', reason: file.reason };
  const total = Math.max(1, file.entries.length);
  const steps = checkImport(file.entries, deps.bounds);
  let step = steps.next();
  while (!step.done) {
    onProgress((step.value / total) * CHECK_SHARE);
    await pause();
    if (signal.aborted) return { kind: 'cancelled' };
    step = steps.next();
  }
  const checked = step.value;
  if (!checked.ok) return { kind: 'refused', reason: checked.reason };
  onProgress(CHECK_SHARE);
  try {
    const { added, already } = await deps.repo.addNew(checked.readings, {
      signal,
      onProgress: (f) => onProgress(CHECK_SHARE + f * (1 - CHECK_SHARE)),
    });
    return { kind: 'done', added, already, tooOld: checked.tooOld };
  } catch (error) {
    if (signal.aborted) return { kind: 'cancelled' };
    return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
