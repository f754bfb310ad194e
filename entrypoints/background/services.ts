import { browser } from 'wxt/browser';
import { createBadgePainter, type BadgeAction } from '@/lib/badge/badge-painter';
import { historyRepo } from '@/lib/storage/history-repo';
import { createPoller } from '@/lib/poll/poller';
import { alertStateItem } from '@/lib/storage/items';
import { remindersItem } from '@/lib/storage/items';
import { createReminders } from '@/lib/alerts/reminder-run';
import { createDispatcher } from '@/lib/channels/dispatch';
import { deliveryLogItem, routesItem } from '@/lib/storage/items';
import { createChannelTest } from '@/lib/channels/channel-test';
import { compactHistory } from '@/lib/history/compaction';
import { createKeepAlive } from '@/lib/worker/keep-alive';
import { createNotifier } from '@/lib/alerts/notifier';
import { createOutlooks } from '@/lib/forecast/outlook-run';
import { createPollStore } from '@/lib/storage/poll-store';
import { settingsItem } from '@/lib/storage/items';
import { CLAUDE_HOST_PERMISSION, createClaudeClient } from '@/lib/usage/client';
import { createAccounts, type SessionRules } from '@/lib/accounts/accounts-run';
import { withoutOrgs } from '@/lib/alerts/state';
import { accountKeysItem, accountsItem, selectedOrgItem } from '@/lib/storage/items';

/** Build the worker's services once per worker life; nothing here touches the network. */
export function createServices() {
  const openRepo = historyRepo;

  const store = createPollStore();
  const updateBadge = createBadgePainter({
    action: browser.action as BadgeAction,
    read: () => store.read(),
    now: Date.now,
  });
  // A delivery waiting to retry must not see its worker stopped.
  const whileDelivering = createKeepAlive({
    ping: () => browser.runtime.getPlatformInfo(),
    setInterval: (run, ms) => setInterval(run, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  });
  const dispatcher = createDispatcher({
    fetch: (...args) => fetch(...args),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    log: deliveryLogItem,
  });
  const sendToChannel: typeof dispatcher.send = (channel, payload, options) =>
    whileDelivering(dispatcher.send(channel, payload, options));

  const notifier = createNotifier({
    notifications: browser.notifications,
    state: alertStateItem,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    now: Date.now,
    channels: { routes: routesItem, send: sendToChannel },
    localMinutes: () => {
      const d = new Date();
      return d.getHours() * 60 + d.getMinutes();
    },
  });

  /** Compact old history (daily, and when storage is full); never during a poll's own writes. */
  async function compact(): Promise<void> {
    const settings = await settingsItem.getValue();
    await compactHistory(await openRepo(), settings.history, Date.now());
  }

  const clientWith = (marker?: string) =>
    createClaudeClient({ fetch: (...args) => fetch(...args), now: Date.now, marker });
  const poller = createPoller({
    client: clientWith(),
    accounts: (stored) => accounts.logins(stored),
    openRepo,
    store,
    scheduleAlarm: (name, info) => browser.alarms.create(name, info),
    afterPoll: updateBadge,
    onPolled: (state, readings, failures) => notifier.afterPoll(state, readings, failures),
    hasHostAccess: () => browser.permissions.contains({ origins: [CLAUDE_HOST_PERMISSION] }),
    onStoreError: (error) => {
      console.warn('Claude Usage Meter: could not store a reading; compacting to make room', error);
      return compact();
    },
    now: Date.now,
  });

  // Firefox gets no key rules: its request rules could not be shown to keep a key to our requests.
  const rules = import.meta.env.FIREFOX
    ? null
    : ((browser as unknown as { declarativeNetRequest?: SessionRules }).declarativeNetRequest ??
      null);
  const accounts = createAccounts({
    accounts: accountsItem,
    keys: accountKeysItem,
    rules,
    extensionHost: new URL(browser.runtime.getURL('/')).host,
    makeClient: clientWith,
    store,
    exclusively: (fn) => poller.exclusively(fn),
    poll: () => poller.poll('account'),
    async forget(orgKeys, id) {
      const gone = (key: string) => orgKeys.includes(key);
      await alertStateItem.setValue(withoutOrgs(await alertStateItem.getValue(), gone, id));
      for (const r of Object.values(await remindersItem.getValue()))
        if (gone(r.orgId)) await reminders.set(r.orgId, r.limitId, false);
      if (gone((await selectedOrgItem.getValue()) ?? '')) await selectedOrgItem.setValue(null);
      const settings = await settingsItem.getValue();
      if (gone(settings.badgeOrg))
        await settingsItem.setValue({ ...settings, badgeOrg: 'tightest' });
    },
    deleteHistory: async (prefix) => (await openRepo()).deletePrefix(prefix),
    random: () => crypto.getRandomValues(new Uint8Array(8)),
    now: Date.now,
  });

  const testChannel = createChannelTest({ routes: routesItem, send: sendToChannel });

  const outlooksFor = createOutlooks({ read: () => store.read(), openRepo, now: Date.now });

  const reminders = createReminders({
    reminders: remindersItem,
    alarms: browser.alarms,
    poll: () => poller.poll('alarm'),
    read: () => store.read(),
    announce: (notice, state) => notifier.announce(notice, state),
    now: Date.now,
  });

  return {
    poller,
    updateBadge,
    openRepo,
    notifier,
    compact,
    testChannel,
    outlooksFor,
    reminders,
    accounts,
  };
}
