import { orgTitle } from '../accounts/accounts';
import { decideOnFailure, decideOnReading, releaseHeld, type Decision } from './decide';
import { noticeFor, type AudienceRules } from './audience';
import { decideOwn, DESKTOP } from './audience-run';
import type { AlertState, Notice } from './state';
import { t } from '../display/i18n';
import { payloadOf, routedEvent } from '../channels/payload';
import { routeOn } from '../channels/routing';
import type { AlertPayload, AlertRoutes, Channel } from '../channels/types';
import type { Item } from '../storage/item';
import type { PollState } from '../storage/poll-store';
import type { Failure, Org, Reading } from '../usage/types';

export const USAGE_PAGE = 'https://claude.ai/settings/usage';

export interface NotifierDeps {
  notifications: {
    create(
      id: string,
      options: {
        type: 'basic';
        iconUrl: string;
        title: string;
        message: string;
        priority?: number;
      },
    ): Promise<string>;
    /** Where the browser has it: a notice re-created after `clear` pops up again. */
    clear?(id: string): Promise<boolean>;
  };
  state: Item<AlertState>;
  iconUrl: string;
  now: () => number;
  /** Minutes since local midnight, for quiet hours. */
  localMinutes: () => number;
  /** Where each alert rule goes beyond the desktop; without it, alerts are desktop-only. */
  channels?: {
    routes: Item<AlertRoutes>;
    /** Deliver in the background: the notifier never waits for a channel. */
    send: (channel: Channel, payload: AlertPayload) => Promise<unknown>;
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

/**
 * Applies the pure alert decisions once per poll: one read and one write of the alert state, then
 * the notices. Calls run one after another, so two quick polls can never race the stored state.
 */
export function createNotifier(deps: NotifierDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = (task: () => Promise<void>): Promise<void> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  async function show(notices: Notice[]): Promise<void> {
    for (const notice of notices) {
      // A higher threshold or "limit reached" is news even while the older notice is still in
      // the tray. Creating over its id replaces it, but whether a replacement pops up again is the
      // browser's and the system's choice; clearing first makes it a new notice everywhere.
      await deps.notifications.clear?.(notice.id).catch(() => false);
      await deps.notifications.create(notice.id, {
        type: 'basic',
        iconUrl: deps.iconUrl,
        title: notice.title,
        message: notice.message,
        priority: notice.priority >= 2 ? 2 : 0,
      });
    }
  }

  return {
    /** After a poll: what its readings and failures call for, given the state the poll left. */
    afterPoll(
      poll: PollState,
      readings: { org: Org; reading: Reading }[],
      failures: Failure[],
    ): Promise<void> {
      return serial(async () => {
        const routes = deps.channels ? await deps.channels.routes.getValue() : null;
        const channels = routes?.channels.filter((c) => c.enabled) ?? [];
        // The rules decide what to say whenever anything listens: the desktop or a channel.
        const settings = {
          ...poll.settings.notifications,
          enabled: poll.settings.notifications.enabled || channels.length > 0,
        };
        const minutes = deps.localMinutes();
        const now = deps.now();
        const before = await deps.state.getValue();
        let decision: Decision = releaseHeld(before, poll.latest, settings, minutes, now);
        const notices = [...decision.notices];
        const several = poll.orgs.list.length > 1;
        const inputs = readings.map(({ org, reading }) => ({
          orgId: org.uuid,
          orgLabel: several || org.account ? orgTitle(org) : undefined,
          reading,
        }));
        for (const input of inputs) {
          decision = decideOnReading(decision.state, input, settings, now, minutes);
          notices.push(...decision.notices);
        }
        for (const failure of failures) {
          decision = decideOnFailure(decision.state, failure, settings, minutes);
          notices.push(...decision.notices);
        }
        const desktop = poll.settings.notifications.enabled;
        const desktopRules = routes?.desktopRules;
        const own = decideOwn(
          before,
          [
            ...(desktop ? [{ id: DESKTOP, rules: desktopRules }] : []),
            ...channels.map((c) => ({ id: c.id, rules: c.rules })),
          ],
          [DESKTOP, ...(routes?.channels.map((c) => c.id) ?? [])],
          {
            latest: poll.latest,
            inputs,
            rules: poll.settings.notifications,
            minutes,
            now,
          },
        );
        await deps.state.setValue({ ...decision.state, audiences: own.states });
        // Channels first and unawaited: a slow or dead one never delays the desktop or the poll.
        const forAudience = (id: string, rules: AudienceRules | undefined) => [
          ...notices.filter((n) => noticeFor(n, rules, poll.latest, false)),
          ...(own.notices[id] ?? []),
        ];
        for (const channel of channels) {
          for (const notice of forAudience(channel.id, channel.rules)) {
            const event = routedEvent(notice);
            if (!event || !channel.events[event]) continue;
            const payload = payloadOf(notice, event, poll.latest, poll.orgs);
            void deps.channels!.send(channel, payload).catch(() => undefined);
          }
        }
        await show(
          forAudience(DESKTOP, desktopRules).filter((n) => {
            const event = routedEvent(n);
            return desktop && (!event || routes?.desktop[event] !== false);
          }),
        );
      });
    },

    /**
     * A notice decided outside the polls (the reset reminder), routed like its kind: to the
     * desktop and the channels its route reaches, or, when routed nowhere, to the desktop anyway,
     * since the person asked for it. Not held by quiet hours, for the same reason.
     */
    announce(notice: Notice, poll: PollState): Promise<void> {
      return serial(async () => {
        const event = routedEvent(notice);
        const routes = deps.channels ? await deps.channels.routes.getValue() : null;
        const rules = poll.settings.notifications;
        const channels = (routes?.channels ?? []).filter(
          (c) =>
            c.enabled &&
            event !== null &&
            routeOn(rules, routes!, event, { channelId: c.id }) &&
            noticeFor(notice, c.rules, poll.latest, false),
        );
        for (const channel of channels) {
          const payload = payloadOf(notice, event!, poll.latest, poll.orgs);
          void deps.channels!.send(channel, payload).catch(() => undefined);
        }
        const desktop =
          rules.enabled && (event === null || !routes || routeOn(rules, routes, event, 'desktop'));
        if (desktop || channels.length === 0) await show([notice]);
      });
    },

    /** The options page's "Send test notification". */
    sendTest(): Promise<void> {
      return show([
        {
          id: 'test',
          kind: 'test',
          title: t('notifyTitle'),
          message: t('notifyTest'),
          priority: 1,
        },
      ]);
    },
  };
}

/** Clicking a notification: the popup, else claude.ai's usage page. */
export async function openFromNotification(deps: {
  openPopup?: () => Promise<void>;
  openTab: (url: string) => Promise<unknown>;
}): Promise<void> {
  try {
    if (!deps.openPopup) throw new Error('no openPopup');
    await deps.openPopup();
  } catch {
    await deps.openTab(USAGE_PAGE);
  }
}
