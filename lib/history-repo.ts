import { createSnapshotRepo, openUsageDb, type SnapshotRepo } from './db';

let repo: Promise<SnapshotRepo> | null = null;

/**
 * The one connection to the history database of this page (or worker) life, opened on first use.
 * A failed open is tried again on the next call; a newer version of the extension opening the
 * database (`versionchange`) or the browser closing it drops this one, so the next call reopens.
 */
export function historyRepo(): Promise<SnapshotRepo> {
  repo ??= openUsageDb()
    .then((db) => {
      const forget = () => {
        db.close();
        repo = null;
      };
      db.addEventListener('versionchange', forget);
      db.addEventListener('close', () => (repo = null));
      return createSnapshotRepo(db);
    })
    .catch((error: unknown) => {
      repo = null;
      throw error;
    });
  return repo;
}
