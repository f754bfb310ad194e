// The dashboard's history worker (`/history-worker.js`, started by the page's first ask, after
// its cards have painted): the year's range read and its statistics run here, so the page's
// main thread stays free for Chart.js while IndexedDB answers.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { usePreparedText } from '@/lib/display/i18n';
import { readHistory } from '@/lib/storage/history-read';
import type { HistoryAnswer, HistoryAsk } from '@/lib/history/history-protocol';
import { dayPacks } from '@/lib/storage/db-packs';
import { historyRepo } from '@/lib/storage/history-repo';

export default defineUnlistedScript(() => {
  const repo = () => historyRepo(dayPacks);
  // Opened as the worker starts, before the page asks: the first ask finds the database open.
  void repo().catch(() => undefined);
  self.addEventListener('message', (event: MessageEvent<HistoryAsk>) => {
    const { id, orgId, from, to, text } = event.data;
    // Limits are labelled in the page's words (a worker has no `i18n` of its own).
    usePreparedText(text);
    void readHistory(repo, orgId, from, to).then((read) => {
      const answer: HistoryAnswer = { id, ...read };
      self.postMessage(answer);
    });
  });
});
