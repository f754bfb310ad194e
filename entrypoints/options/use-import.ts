import { useRef, useState } from 'preact/hooks';
import type { SnapshotRepo } from '@/lib/storage/db';
import { formatCount } from '@/lib/display/format';
import { t } from '@/lib/display/i18n';
import { importBounds } from '@/lib/history/import';
import { runImport, type ImportOutcome } from '@/lib/history/import-run';
import type { Settings } from '@/lib/settings';

/** Larger than any export of ours (a year compacts to a few MB): refused before it is read. */
export const MAX_IMPORT_BYTES = 100e6;

/** A macrotask, so the page paints and takes the Cancel click between batches. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The sentence a person reads after an import. */
export function outcomeText(outcome: ImportOutcome, history: Settings['history']): string {
  switch (outcome.kind) {
    case 'refused':
      return t('dataNotImported', outcome.reason);
    case 'cancelled':
      return t('dataImportCancelled');
    case 'failed':
      return t('dataImportFailed', outcome.detail);
    case 'done': {
      const counts = t('dataImportedCounts', [
        formatCount(outcome.added),
        formatCount(outcome.already),
      ]);
      if (outcome.tooOld === 0) return counts;
      const old = t('dataImportedTooOld', [formatCount(outcome.tooOld), history.totalDays]);
      return `${counts} ${old}`;
    }
  }
}

/**
 * An import with its progress (0–1, or null when none runs) and a cancel; `done` gets the
 * sentence to show once it has ended.
 */
export function useImport(
  repo: () => Promise<Pick<SnapshotRepo, 'addNew'>>,
  history: Settings['history'],
  done: (message: string) => void,
  tooLarge: (bytes: number) => string,
) {
  const [progress, setProgress] = useState<number | null>(null);
  const running = useRef<AbortController | null>(null);

  async function start(file: File) {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setProgress(0);
    try {
      const outcome: ImportOutcome =
        file.size > MAX_IMPORT_BYTES
          ? { kind: 'refused', reason: tooLarge(MAX_IMPORT_BYTES) }
          : await runImport(await file.text(), {
              repo: await repo(),
              bounds: importBounds(Date.now(), history),
              signal: controller.signal,
              onProgress: setProgress,
              pause,
            });
      done(outcomeText(outcome, history));
    } catch (error) {
      done(t('dataImportFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      running.current = null;
      setProgress(null);
    }
  }

  return { progress, start, cancel: () => running.current?.abort() };
}
