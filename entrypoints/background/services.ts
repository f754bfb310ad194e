import { browser } from 'wxt/browser';
import { chooseBadgeOrg, computeBadge } from '@/lib/badge';
import { createSnapshotRepo, openUsageDb, type SnapshotRepo } from '@/lib/db';
import { createPoller } from '@/lib/poller';
import { latestItem, orgsItem, settingsItem, statusItem } from '@/lib/settings';
import { statusOf } from '@/lib/status';
import { createClaudeClient } from '@/lib/usage/client';

/** Build the worker's services once per worker life; nothing here touches the network. */
export function createServices() {
  let repo: Promise<SnapshotRepo> | null = null;
  const openRepo = () => (repo ??= openUsageDb().then(createSnapshotRepo));

  async function updateBadge(): Promise<void> {
    const [settings, latest, orgs, status] = await Promise.all([
      settingsItem.getValue(),
      latestItem.getValue(),
      orgsItem.getValue(),
      statusItem.getValue(),
    ]);
    const org = chooseBadgeOrg(orgs.list, latest, settings);
    const reading = (org && latest[org.uuid]) ?? null;
    const view = computeBadge({
      reading,
      org,
      status: statusOf(status, org?.uuid),
      settings,
      now: Date.now(),
    });
    await Promise.all([
      browser.action.setBadgeText({ text: view.text }),
      browser.action.setBadgeBackgroundColor({ color: view.color }),
      browser.action.setTitle({ title: view.title }),
      // Not in every browser's typings or versions; white text reads on all our colours.
      (
        browser.action as { setBadgeTextColor?: (d: { color: string }) => Promise<void> }
      ).setBadgeTextColor?.({ color: '#ffffff' }),
    ]);
  }

  const poller = createPoller({
    client: createClaudeClient({ fetch: (...args) => fetch(...args), now: Date.now }),
    openRepo,
    items: { settings: settingsItem, latest: latestItem, orgs: orgsItem, status: statusItem },
    scheduleAlarm: (name, info) => browser.alarms.create(name, info),
    afterPoll: updateBadge,
    hasHostAccess: () => browser.permissions.contains({ origins: ['https://claude.ai/*'] }),
    onStoreError: (error) => console.warn('Claude Usage Meter: could not store a reading', error),
    now: Date.now,
  });

  return { poller, updateBadge, openRepo };
}
