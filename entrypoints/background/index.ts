import { browser } from 'wxt/browser';
import { ensureMaintenanceAlarm, MAINTENANCE_ALARM } from '@/lib/worker/alarms';
import { answerMessage } from '@/lib/messages';
import { openFromNotification } from '@/lib/alerts/notifier';
import { POLL_ALARM } from '@/lib/poll/poller';
import { pageTextItem, settingsItem } from '@/lib/storage/items';
import { formatPercent } from '@/lib/display/format';
import { t, uiLocale } from '@/lib/display/i18n';
import { prepareText } from '@/lib/display/prepared-text';
import { dashboardPath } from '@/lib/display/dashboard-address';
import { createServices } from './services';

export default defineBackground(() => {
  const { poller, updateBadge, notifier, compact, testChannel, outlooksFor, reminders, accounts } =
    createServices();

  // Listeners first and synchronously: a worker woken by an event must not miss it.
  // The in-page meter's texts, made here so a claude.ai page need not: after an install or an
  // update (new messages), and on each browser start (the browser's language may have changed).
  const preparePageText = () =>
    void pageTextItem.setValue(prepareText(t, uiLocale() ?? 'en', (n) => formatPercent(n)));
  browser.runtime.onInstalled.addListener(() => {
    preparePageText();
    void poller.poll('install');
  });
  browser.runtime.onStartup.addListener(() => {
    preparePageText();
    void poller.poll('startup');
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void poller.poll('alarm');
    if (alarm.name === MAINTENANCE_ALARM) void compact();
    void reminders.ring(alarm.name);
  });
  // The answer through `sendResponse` (kept open by returning true): Chromium and Firefox alike,
  // with no polyfill between them.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Accounts change only from the extension's own pages, never from a claude.ai page's script.
    const own = sender.url?.startsWith(browser.runtime.getURL('/'));
    if ((message as { type?: string })?.type?.startsWith?.('account-') && !own) return undefined;
    const answer = answerMessage(
      {
        refresh: ({ trigger }) =>
          poller
            .poll(trigger ?? 'refresh')
            .then((r) => (r.deferred ? { ok: r.ok, deferred: r.deferred } : { ok: r.ok })),
        'test-notification': () => notifier.sendTest().then(() => ({ ok: true })),
        'test-channel': ({ channelId }) => testChannel(channelId),
        'reset-reminder': ({ orgId, limitId, on }) =>
          reminders.set(orgId, limitId, on).then((ok) => ({ ok })),
        outlooks: ({ orgId }) => outlooksFor(orgId),
        'account-add': ({ name, key }) => accounts.add(name, key),
        'account-key': ({ id, key }) => accounts.replaceKey(id, key),
        'account-rename': ({ id, name }) => accounts.rename(id, name),
        'account-remove': ({ id, keepHistory }) => accounts.remove(id, keepHistory),
        // The in-page meter's "Details": the dashboard, in a tab of its own.
        'open-details': ({ orgId }) =>
          browser.tabs
            .create({ url: browser.runtime.getURL(dashboardPath(orgId)) })
            .then(() => ({ ok: true })),
      },
      message,
    );
    if (!answer) return undefined;
    void answer.then(sendResponse, (error: unknown) => {
      console.warn('Claude Usage Meter: a message could not be answered', error);
      sendResponse(undefined);
    });
    return true;
  });
  browser.notifications.onClicked.addListener((id) => {
    void browser.notifications.clear(id);
    void openFromNotification({
      openPopup: browser.action.openPopup ? () => browser.action.openPopup() : undefined,
      openTab: (url) => browser.tabs.create({ url }),
    });
  });
  // Settings take effect at once: the badge redraws, the next poll follows the new interval.
  settingsItem.watch((next, previous) => {
    void updateBadge();
    if (next.pollMinutes !== previous?.pollMinutes) void poller.reschedule();
  });

  void poller.recover();
  void reminders.restore();
  void ensureMaintenanceAlarm(browser.alarms);
  // A worker can outlive a lost alarm (an update, a crash): make sure the schedule exists.
  void browser.alarms.get(POLL_ALARM).then((alarm) => {
    if (!alarm) void poller.poll('wake');
  });
});
