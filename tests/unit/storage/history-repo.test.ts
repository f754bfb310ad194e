import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../../lib/storage/db';
import { historyRepo } from '../../../lib/storage/history-repo';

/** Open the database as a newer version of the extension would; resolves once it got through. */
function openNewer(): Promise<'opened' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
    request.onblocked = () => resolve('blocked');
    request.onsuccess = () => {
      request.result.close();
      resolve('opened');
    };
    request.onerror = () => reject(request.error);
  });
}

describe('historyRepo', () => {
  it('is one connection per page life, and steps aside for a newer version', async () => {
    const first = historyRepo();
    expect(historyRepo()).toBe(first);
    const repo = await first;
    expect(await repo.count()).toBe(0);

    // A newer version's upgrade is not blocked by this page's open connection.
    expect(await openNewer()).toBe('opened');
    // The next call opens again instead of using the closed connection; the old version can no
    // longer open the upgraded database, and a failed open is not kept either.
    const again = historyRepo();
    expect(again).not.toBe(first);
    await expect(again).rejects.toThrow();
    const third = historyRepo();
    expect(third).not.toBe(again);
    await expect(third).rejects.toThrow();
  });
});
