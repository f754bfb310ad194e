import { describe, expect, it } from 'vitest';
import { EMPTY_ALERT_STATE, type AlertState } from '../../../lib/alerts/state';
import { createNotifier } from '../../../lib/alerts/notifier';
import type { PollState } from '../../../lib/storage/poll-store';
import type { Item } from '../../../lib/storage/item';
import { ORG, T0, fakeReading, fakeSettings, fakeStatus } from '../support/builders';

function memoryItem<T>(value: T): Item<T> {
  return { getValue: async () => value, setValue: async (next: T) => void (value = next) };
}

/** A tray where `create` over an id still there updates it without popping up: the worst case. */
function fakeTray() {
  const tray = new Map<string, string>();
  const popped: string[] = [];
  return {
    tray,
    popped,
    notifications: {
      async create(id: string, options: { title: string }) {
        if (!tray.has(id)) popped.push(options.title);
        tray.set(id, options.title);
        return id;
      },
      async clear(id: string) {
        return tray.delete(id);
      },
    },
  };
}

function setup() {
  const { tray, popped, notifications } = fakeTray();
  const notifier = createNotifier({
    notifications,
    state: memoryItem<AlertState>(EMPTY_ALERT_STATE),
    iconUrl: 'icon.png',
    now: () => T0,
    localMinutes: () => 12 * 60,
  });
  const org = { uuid: ORG, name: 'Acme', plan: 'Max' };
  const settings = fakeSettings();
  settings.notifications.forecast = false;
  const poll = (percent: number) => {
    const reading = fakeReading(percent);
    const state: PollState = {
      settings,
      status: fakeStatus(),
      orgs: { list: [org], discoveredAt: T0 },
      latest: { [ORG]: reading },
    };
    return notifier.afterPoll(state, [{ org, reading }], []);
  };
  return { tray, popped, poll };
}

describe('notifier: news pops up even over an earlier notice in the tray', () => {
  it('pops a higher threshold and "limit reached" up again; an unchanged state stays silent', async () => {
    const { tray, popped, poll } = setup();
    await poll(80);
    await poll(80);
    await poll(92);
    await poll(92);
    await poll(100);
    expect(popped).toEqual([
      '5-hour session at 80%',
      '5-hour session at 92%',
      '5-hour session limit reached',
    ]);
    // One notice per limit and kind stays in the tray: the newest.
    expect([...tray.values()]).toEqual(['5-hour session at 92%', '5-hour session limit reached']);
  });
});
