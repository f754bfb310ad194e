import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CHANNEL_EVENTS,
  DEFAULT_ROUTES,
  type AlertPayload,
} from '../../../lib/channels/types';
import { createNotifier } from '../../../lib/alerts/notifier';
import { alertStateItem, routesItem } from '../../../lib/storage/items';
import { usagePayload } from '../support/builders';
import { BROWSER, KEY, signedOut } from '../support/accounts';
import { ACME, pollerWorld, type PollerWorld } from '../support/poller-world';

/** Polls and their notifications together, as the worker runs them, with an added login. */
describe('notifications with an added login', () => {
  let w: PollerWorld;
  beforeEach(async () => {
    w = await pollerWorld();
  });

  it('with the notifier: one sign-out notice while the added login reads, its expiry once, named', async () => {
    const shown: string[] = [];
    const sent: AlertPayload[] = [];
    await routesItem.setValue({
      ...DEFAULT_ROUTES,
      channels: [
        {
          id: 'ch',
          name: 'Phone',
          enabled: true,
          events: { ...DEFAULT_CHANNEL_EVENTS },
          type: 'ntfy',
          server: 'https://ntfy.sh',
          topic: 'mine',
          token: '',
        },
      ],
    });
    const notifier = createNotifier({
      notifications: { create: async (id, o) => (shown.push(o.title), id) },
      state: alertStateItem,
      iconUrl: 'icon.png',
      now: () => w.clock,
      localMinutes: () => 12 * 60,
      channels: { routes: routesItem, send: async (_c, p) => void sent.push(p) },
    });
    const poller = w.makePoller({
      onPolled: (state, readings, failures) => notifier.afterPoll(state, readings, failures),
    });
    await poller.poll('install');
    w.server.logins.set(BROWSER, { all: signedOut });
    w.server.logins.set(KEY, {
      orgs: [{ uuid: ACME, name: 'Acme' }],
      usage: { [ACME]: usagePayload(92, 20) },
    });
    for (let i = 0; i < 3; i++) {
      w.clock += 2 * 60_000;
      await poller.poll('alarm');
    }
    expect(shown.filter((t) => t === 'Signed out of claude.ai')).toHaveLength(1);
    expect(sent.find((p) => p.event === 'threshold')?.organization).toBe('Work · Acme');
    w.server.logins.set(KEY, { all: signedOut });
    for (let i = 0; i < 3; i++) {
      w.clock += 2 * 60_000;
      await poller.poll('alarm');
    }
    expect(shown.filter((t) => t === 'Work: session key expired')).toHaveLength(1);
    expect(shown.filter((t) => t === 'Signed out of claude.ai')).toHaveLength(1);
  });
});
