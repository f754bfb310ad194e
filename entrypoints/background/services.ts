import { browser } from 'wxt/browser';
import { chooseBadgeOrg, computeBadge, type BadgeView } from '@/lib/badge';
import { historyRepo } from '@/lib/history-repo';
import { createPoller } from '@/lib/poller';
import { alertStateItem } from '@/lib/alerts/store';
import { remindersItem } from '@/lib/alerts/reminder-store';
import { createReminders } from '@/lib/alerts/reminder-run';
import { createDispatcher } from '@/lib/channels/dispatch';
import { deliveryLogItem, routesItem } from '@/lib/channels/store';
import { testPayload } from '@/lib/channels/payload';
import type { DeliveryRecord } from '@/lib/channels/types';
import { compactHistory } from '@/lib/compaction';
import { createNotifier } from '@/lib/notifier';
import { limitOutlook, type LimitOutlook } from '@/lib/outlook';
import { createPollStore, type PollState } from '@/lib/poll-store';
import { settingsItem } from '@/lib/settings';
import { statusOf } from '@/lib/status';
import { CLAUDE_HOST_PERMISSION, createClaudeClient } from '@/lib/usage/client';

/** The forecast looks back a day, as in the popup. */
const FORECAST_HISTORY_MS = 24 * 3_600_000;

/** Build the worker's services once per worker life; nothing here touches the network. */
export function createServices() {
  const openRepo = historyRepo;

  const store = createPollStore();
  // What the toolbar shows now; a cache, not state: a fresh worker just sets everything once.
  let shown: Partial<BadgeView> = {};

  /** Redraw the badge from the given state (or storage); calls the browser only for what changed. */
  async function updateBadge(given?: PollState): Promise<void> {
    const { settings, latest, orgs, status } = given ?? (await store.read());
    const org = chooseBadgeOrg(orgs.list, latest, settings);
    const reading = (org && latest[org.uuid]) ?? null;
    const view = computeBadge({
      reading,
      org,
      status: statusOf(status, org?.uuid),
      settings,
      now: Date.now(),
    });
    const calls: Promise<void>[] = [];
    if (view.text !== shown.text) calls.push(browser.action.setBadgeText({ text: view.text }));
    if (view.color !== shown.color) {
      calls.push(browser.action.setBadgeBackgroundColor({ color: view.color }));
      // Not in every browser's typings or versions; white text reads on all our colours.
      const action = browser.action as {
        setBadgeTextColor?: (d: { color: string }) => Promise<void>;
      };
      if (action.setBadgeTextColor) calls.push(action.setBadgeTextColor({ color: '#ffffff' }));
    }
    if (view.title !== shown.title) calls.push(browser.action.setTitle({ title: view.title }));
    shown = view;
    await Promise.all(calls);
  }

  // A worker with nothing to do is stopped after 30 s; a delivery waiting to retry must not be.
  // Any extension API call counts as activity, so one every 20 s keeps it while deliveries run.
  let pending = 0;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  function whileDelivering<T>(work: Promise<T>): Promise<T> {
    if (pending++ === 0)
      keepAlive = setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
    return work.finally(() => {
      if (--pending === 0) clearInterval(keepAlive);
    });
  }
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

  const poller = createPoller({
    client: createClaudeClient({ fetch: (...args) => fetch(...args), now: Date.now }),
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

  /** The options page's "Send test" for one channel: one attempt, its outcome logged and returned. */
  async function testChannel(channelId: string): Promise<DeliveryRecord | null> {
    const channel = (await routesItem.getValue()).channels.find((c) => c.id === channelId);
    return channel ? sendToChannel(channel, testPayload(), { retries: 0 }) : null;
  }

  /** Each limit's outlook for the in-page meter's verdict: the popup's forecast, from a day of history. */
  async function outlooksFor(orgId: string): Promise<Record<string, LimitOutlook>> {
    const reading = (await store.read()).latest[orgId];
    if (!reading) return {};
    const now = Date.now();
    const history = await (await openRepo()).range(orgId, now - FORECAST_HISTORY_MS, now);
    return Object.fromEntries(reading.limits.map((l) => [l.id, limitOutlook(l, history, now)]));
  }

  const reminders = createReminders({
    reminders: remindersItem,
    alarms: browser.alarms,
    poll: () => poller.poll('alarm'),
    read: () => store.read(),
    announce: (notice, state) => notifier.announce(notice, state),
    now: Date.now,
  });

  return { poller, updateBadge, openRepo, notifier, compact, testChannel, outlooksFor, reminders };
}
