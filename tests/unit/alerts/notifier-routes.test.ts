import { describe, expect, it, vi } from 'vitest';
import { EMPTY_ALERT_STATE, type AlertState } from '../../../lib/alerts/state';
import {
  DEFAULT_CHANNEL_EVENTS,
  DEFAULT_ROUTES,
  type AlertPayload,
  type AlertRoutes,
  type Channel,
} from '../../../lib/channels/types';
import { createNotifier } from '../../../lib/alerts/notifier';
import type { PollState } from '../../../lib/storage/poll-store';
import type { Item } from '../../../lib/storage/item';
import { ORG, T0, fakeReading, fakeSettings, fakeStatus } from '../support/builders';

function memoryItem<T>(value: T): Item<T> {
  return {
    getValue: async () => value,
    setValue: async (next: T) => void (value = next),
  };
}

const phone: Channel = {
  id: 'phone',
  name: 'Phone',
  enabled: true,
  events: { ...DEFAULT_CHANNEL_EVENTS },
  type: 'ntfy',
  server: 'https://ntfy.sh',
  topic: 't',
  token: '',
};
const org = { uuid: ORG, name: 'Acme Research', plan: 'Max' };

function setup(routes: AlertRoutes, desktop = true, send = vi.fn(async () => undefined)) {
  const create = vi.fn(async (id: string) => id);
  const clock = { minutes: 12 * 60 };
  const notifier = createNotifier({
    notifications: { create },
    state: memoryItem<AlertState>(EMPTY_ALERT_STATE),
    iconUrl: 'icon.png',
    now: () => T0,
    localMinutes: () => clock.minutes,
    channels: { routes: memoryItem(routes), send },
  });
  const settings = fakeSettings();
  settings.notifications.enabled = desktop;
  settings.notifications.quietHours = { enabled: true, start: '22:00', end: '07:00' };
  const poll = (percent: number): Promise<void> => {
    const reading = fakeReading(percent);
    const state: PollState = {
      settings,
      status: fakeStatus(),
      orgs: { list: [org], discoveredAt: T0 },
      latest: { [ORG]: reading },
    };
    return notifier.afterPoll(state, [{ org, reading }], []);
  };
  const signedOut = (): Promise<void> =>
    notifier.afterPoll(
      {
        settings,
        status: fakeStatus(),
        orgs: { list: [org], discoveredAt: T0 },
        latest: { [ORG]: fakeReading(20) },
      },
      [],
      [{ kind: 'signed_out', status: 401, detail: 'session invalid' }],
    );
  return { create, send, poll, signedOut, clock };
}

const sent = (send: ReturnType<typeof vi.fn>) =>
  send.mock.calls.map((c) => (c as unknown as [Channel, AlertPayload])[1]);

describe('notifier routes', () => {
  it('tells a channel what it tells the desktop, with the limit, percent and organisation', async () => {
    const { create, send, poll } = setup({ ...DEFAULT_ROUTES, channels: [phone] });
    await poll(91);
    expect(create).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
    const [channel, payload] = send.mock.calls[0] as unknown as [Channel, AlertPayload];
    expect(channel.id).toBe('phone');
    expect(payload).toMatchObject({
      event: 'threshold',
      limit: '5-hour session',
      percent: 91,
      organization: 'Acme Research',
      resetsAt: new Date(fakeReading(91).limits[0]!.resetsAt!).toISOString(),
    });
    expect(payload.title).toBe('5-hour session at 91%');
  });

  it('still alerts a channel when desktop notifications are off', async () => {
    const { create, send, poll } = setup({ ...DEFAULT_ROUTES, channels: [phone] }, false);
    await poll(91);
    expect(create).not.toHaveBeenCalled();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends a rule only where it is routed', async () => {
    const routes: AlertRoutes = {
      desktop: { ...DEFAULT_ROUTES.desktop, threshold: false },
      channels: [phone, { ...phone, id: 'quiet', events: { ...phone.events, threshold: false } }],
    };
    const { create, send, poll } = setup(routes);
    await poll(80);
    expect(create).not.toHaveBeenCalled();
    expect(send.mock.calls.map((c) => (c as unknown as [Channel])[0].id)).toEqual(['phone']);
  });

  it('skips a channel that is switched off, and says nothing when no rule fires', async () => {
    const { send, poll } = setup({ ...DEFAULT_ROUTES, channels: [{ ...phone, enabled: false }] });
    await poll(91);
    await poll(20);
    expect(send).not.toHaveBeenCalled();
  });

  it('never waits for a channel: a dead one leaves the desktop and the poll on time', async () => {
    const never = vi.fn(() => new Promise<undefined>(() => undefined));
    const { create, poll } = setup({ ...DEFAULT_ROUTES, channels: [phone] }, true, never);
    await poll(91); // resolves although the channel never answers
    expect(never).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('holds channel alerts in quiet hours too, and sends the one still true afterwards', async () => {
    const { create, send, poll, clock } = setup({ ...DEFAULT_ROUTES, channels: [phone] });
    clock.minutes = 23 * 60;
    await poll(91);
    expect(send).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    clock.minutes = 8 * 60;
    await poll(92);
    expect(sent(send).map((p) => [p.event, p.percent])).toEqual([['threshold', 92]]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('tells a channel about a sign-out, with no limit and a null percent', async () => {
    const { send, signedOut } = setup({ ...DEFAULT_ROUTES, channels: [phone] });
    await signedOut();
    await signedOut();
    expect(sent(send)).toEqual([
      expect.objectContaining({ event: 'signed_out', limit: '', percent: null, resetsAt: '' }),
    ]);
  });
});
