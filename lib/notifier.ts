import { decideOnFailure, decideOnReading, releaseHeld, type Decision } from './alerts/decide';
import type { AlertState, Notice } from './alerts/state';
import type { Item } from './poll-store-item';
import type { Settings } from './settings';
import type { Failure, Org, Reading } from './usage/types';

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
  };
  state: Item<AlertState>;
  settings: () => Promise<Settings>;
  /** The organisations tracked now: their names go into the text when there are several. */
  orgCount: () => Promise<number>;
  latest: () => Promise<Record<string, Reading>>;
  iconUrl: string;
  now: () => number;
  /** Minutes since local midnight, for quiet hours. */
  localMinutes: () => number;
}

export type Notifier = ReturnType<typeof createNotifier>;

/**
 * Applies the pure alert decisions: shows what they say, keeps the state they return. Calls run
 * one after another, so two quick readings can never race the stored state.
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
      await deps.notifications.create(notice.id, {
        type: 'basic',
        iconUrl: deps.iconUrl,
        title: notice.title,
        message: notice.message,
        priority: notice.priority >= 2 ? 2 : 0,
      });
    }
  }

  async function apply(decide: (state: AlertState, settings: Settings) => Decision): Promise<void> {
    const [state, settings] = await Promise.all([deps.state.getValue(), deps.settings()]);
    const released = releaseHeld(
      state,
      await deps.latest(),
      settings.notifications,
      deps.localMinutes(),
    );
    const decision = decide(released.state, settings);
    await deps.state.setValue(decision.state);
    await show([...released.notices, ...decision.notices]);
  }

  return {
    afterReading(org: Org, reading: Reading): Promise<void> {
      return serial(async () => {
        const orgLabel = (await deps.orgCount()) > 1 ? org.name : undefined;
        await apply((state, settings) =>
          decideOnReading(
            state,
            { orgId: org.uuid, orgLabel, reading },
            settings.notifications,
            deps.now(),
            deps.localMinutes(),
          ),
        );
      });
    },

    afterFailure(failure: Failure): Promise<void> {
      return serial(() =>
        apply((state, settings) =>
          decideOnFailure(state, failure, settings.notifications, deps.localMinutes()),
        ),
      );
    },

    /** The options page's "Send test notification". */
    sendTest(): Promise<void> {
      return show([
        {
          id: 'test',
          kind: 'test',
          title: 'Claude usage',
          message: 'Notifications work. You will be told near your limits.',
          priority: 1,
        },
      ]);
    },
  };
}

/** Clicking a notification: the popup where the browser allows it, else claude.ai's usage page. */
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
