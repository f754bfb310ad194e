import type { IDBPDatabase } from 'idb';
import {
  createSnapshotRepo,
  openUsageDb,
  type PackKeeper,
  type SnapshotRepo,
  type UsageDB,
} from './db';
import { labeller, withLabels } from '../usage/labels';

let repo: Promise<SnapshotRepo> | null = null;

/**
 * The one connection to the history database of this page (or worker) life, opened on first use
 * (by `open`: the popup's takes the one its HTML started, see `popupHistoryRepo`).
 * A failed open is tried again on the next call; a newer version of the extension opening the
 * database (`versionchange`) or the browser closing it drops this one, so the next call reopens.
 * What it reads is labelled in the language of the page that reads it (`withLabels`). The
 * first call's `packs` (the dashboard's) keeps the day packs made as it writes.
 */
export function historyRepo(
  packs?: PackKeeper,
  open: () => Promise<IDBPDatabase<UsageDB>> = openUsageDb,
): Promise<SnapshotRepo> {
  repo ??= open()
    .then((db) => {
      const forget = () => {
        db.close();
        repo = null;
      };
      db.addEventListener('versionchange', forget);
      db.addEventListener('close', () => (repo = null));
      return labelled(createSnapshotRepo(db, packs));
    })
    .catch((error: unknown) => {
      repo = null;
      throw error;
    });
  return repo;
}

/** The repository whose reads come labelled in today's language. */
function labelled(repo: SnapshotRepo): SnapshotRepo {
  return {
    ...repo,
    range: (orgId, from, to) => repo.range(orgId, from, to).then(withLabels),
    rangeAll: (from, to) => repo.rangeAll(from, to).then(withLabels),
    // Labelled as the packs are opened: once per pack column, not once per reading.
    rangePacked: (orgId, from, to) => repo.rangePacked(orgId, from, to, labeller()),
    all: () => repo.all().then(withLabels),
    latest: (orgId) =>
      repo.latest(orgId).then((reading) => (reading ? withLabels([reading])[0] : reading)),
  };
}
