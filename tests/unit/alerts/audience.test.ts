import { describe, expect, it, vi } from 'vitest';
import { parseLevels, type AudienceRules } from '../../../lib/alerts/audience';
import { EMPTY_ALERT_STATE, type AlertState } from '../../../lib/alerts/state';
import { migrateRoutes } from '../../../lib/channels/migrate';
import type { AlertPayload, AlertRoutes, Channel } from '../../../lib/channels/types';
import { createNotifier } from '../../../lib/alerts/notifier';
import type { Item } from '../../../lib/storage/item';
import { ORG, T0, fakeReading, fakeSettings, fakeStatus } from '../support/builders';
import { STORED_V1 } from '../support/stored-routes';

function memoryItem<T>(value: T): Item<T> & { peek: () => T } {
  return {
    getValue: async () => value,
    setValue: async (next: T) => void (value = next),
    peek: () => value,
  };
}

const org = { uuid: ORG, name: 'Acme', plan: 'Max' };
const HOUR = 3600_000;

/** A notifier over `routes`; `poll(session, weekly, hoursLater)` returns who heard what. */
function setup(routes: AlertRoutes, desktop = true) {
  const create = vi.fn(async (id: string) => id);
  const send = vi.fn(async () => undefined);
  const state = memoryItem<AlertState>(EMPTY_ALERT_STATE);
  let now = T0;
  const notifier = createNotifier({
    notifications: { create },
    state,
    iconUrl: 'i.png',
    now: () => now,
    localMinutes: () => 12 * 60,
    channels: { routes: memoryItem(routes), send },
  });
  const settings = fakeSettings();
  settings.notifications.enabled = desktop;
  async function poll(session: number, weekly = 10, hours = 0) {
    now = T0 + hours * HOUR;
    create.mockClear();
    send.mockClear();
    const base = fakeReading(session, weekly);
    // Five hours on, the session window has started again.
    const limits = base.limits.map((l) =>
      l.id === 'session' && hours >= 5 ? { ...l, resetsAt: l.resetsAt! + 5 * HOUR } : l,
    );
    const reading = { ...base, at: now, limits };
    await notifier.afterPoll(
      {
        settings,
        status: fakeStatus(),
        orgs: { list: [org], discoveredAt: T0 },
        latest: { [ORG]: reading },
      },
      [{ org, reading }],
      [],
    );
    const heard: string[] = create.mock.calls.map((c) => `desktop ${c[0]}`);
    for (const call of send.mock.calls as unknown as [Channel, AlertPayload][])
      heard.push(`${call[0].id} ${call[1].event}:${call[1].limit}:${call[1].percent}`);
    return heard.sort();
  }
  return { poll, state };
}

const own = (thresholds: number[] | null, kinds?: AudienceRules['kinds']): AudienceRules => ({
  thresholds,
  kinds: kinds ?? null,
});

describe('routes migrated from version 1', () => {
  it('leaves what every place hears exactly as before, poll after poll', async () => {
    const before = setup(structuredClone(STORED_V1) as unknown as AlertRoutes);
    const after = setup(migrateRoutes(structuredClone(STORED_V1)));
    const script: [number, number, number][] = [
      [60, 10, 0],
      [80, 10, 0.1],
      [92, 91, 0.2],
      [100, 96, 0.3],
      [5, 96, 5.5],
      [78, 96, 6],
    ];
    const heard: string[][] = [];
    for (const [session, weekly, hours] of script) {
      const expected = await before.poll(session, weekly, hours);
      expect(await after.poll(session, weekly, hours)).toEqual(expected);
      heard.push(expected);
    }
    // The script did exercise every place: not a comparison of two silences.
    expect(heard.flat().some((h) => h.startsWith('ch-ntfy threshold'))).toBe(true);
    expect(heard.flat().some((h) => h.startsWith('ch-hook reached'))).toBe(true);
    expect(heard.flat().some((h) => h.startsWith('desktop reset:'))).toBe(true);
  });
});

describe('thresholds per audience', () => {
  const channel = (id: string, rules?: AudienceRules): Channel => ({
    id,
    name: id,
    enabled: true,
    events: {
      threshold: true,
      reached: true,
      reset: true,
      forecast: false,
      unused: false,
      signed_out: true,
    },
    rules,
    type: 'ntfy',
    server: 'https://ntfy.sh',
    topic: id,
    token: '',
  });
  const routes = (
    desktopRules: AudienceRules | undefined,
    ...channels: Channel[]
  ): AlertRoutes => ({
    desktop: {
      threshold: true,
      reached: true,
      reset: true,
      forecast: false,
      unused: false,
      signed_out: true,
    },
    desktopRules,
    channels,
  });

  it('fires, re-arms and cools down per audience and threshold', async () => {
    const { poll, state } = setup(
      routes(own([75]), channel('pushover', own([75])), channel('discord', own([95]))),
    );
    expect(await poll(60, 10, 0)).toEqual([]);
    expect(await poll(80, 10, 0.1)).toEqual([
      `desktop threshold:${ORG}|session`,
      'pushover threshold:5-hour session:80',
    ]);
    expect(await poll(96, 10, 0.2)).toEqual(['discord threshold:5-hour session:96']);
    expect(await poll(100, 10, 0.3)).toEqual([
      `desktop reached:${ORG}|session`,
      'discord reached:5-hour session:100',
      'pushover reached:5-hour session:100',
    ]);
    // Each keeps its own memory.
    expect(Object.keys(state.peek().audiences ?? {}).sort()).toEqual([
      'desktop',
      'discord',
      'pushover',
    ]);
    // Falling 5 points below 75 re-arms it for those who use 75; the 4 h cooldown still holds it.
    expect(await poll(69, 10, 0.4)).toEqual([]);
    expect(await poll(77, 10, 0.5)).toEqual([]);
    expect(await poll(60, 10, 4.6)).toEqual([]);
    expect(await poll(78, 10, 4.7)).toEqual([
      `desktop threshold:${ORG}|session`,
      'pushover threshold:5-hour session:78',
    ]);
  });

  it('mixes audiences on the global rules with one of its own, each hearing once', async () => {
    const { poll } = setup(routes(undefined, channel('hook', own([95]))));
    expect(await poll(80, 10, 0)).toEqual([`desktop threshold:${ORG}|session`]);
    expect(await poll(91, 10, 0.1)).toEqual([`desktop threshold:${ORG}|session`]);
    expect(await poll(95, 10, 0.2)).toEqual([
      `desktop threshold:${ORG}|session`,
      'hook threshold:5-hour session:95',
    ]);
  });

  it('tells an audience only of the limits it chose, resets included', async () => {
    const sessionOnly = own(null, { session: true, weekly: false, weekly_model: false });
    const { poll } = setup(routes(undefined, channel('phone', sessionOnly)));
    expect(await poll(20, 91, 0)).toEqual([`desktop threshold:${ORG}|weekly`]);
    expect(await poll(92, 91, 0.1)).toEqual([
      `desktop threshold:${ORG}|session`,
      'phone threshold:5-hour session:92',
    ]);
    // The session window restarts after running high: both hear the reset.
    expect(await poll(3, 91, 5.5)).toEqual([
      `desktop reset:${ORG}|session`,
      'phone reset:5-hour session:3',
    ]);
  });

  it('a channel with its own levels hears nothing from the desktop being off', async () => {
    const { poll } = setup(routes(own([50]), channel('hook', own([95]))), false);
    expect(await poll(60, 10, 0)).toEqual([]);
    expect(await poll(96, 10, 0.1)).toEqual(['hook threshold:5-hour session:96']);
  });
});

describe('parseLevels', () => {
  it.each<[string, number[] | null]>([
    ['95', [95]],
    ['95, 75 ,75; 90%', [75, 90, 95]],
    ['', null],
    ['0', null],
    ['100', null],
    ['7.5', null],
    ['abc', null],
    ['10 20 30 40 50 60', null],
  ])('%j → %j', (text, expected) => {
    expect(parseLevels(text)).toEqual(expected);
  });
});

describe('announce (the reset reminder)', () => {
  const hook: Channel = {
    id: 'hook',
    name: 'Hook',
    enabled: true,
    events: {
      threshold: true,
      reached: true,
      reset: true,
      forecast: false,
      unused: false,
      signed_out: true,
    },
    type: 'ntfy',
    server: 'https://ntfy.sh',
    topic: 'x',
    token: '',
  };
  const notice = {
    id: `reset:${ORG}|session`,
    kind: 'reset' as const,
    title: '5-hour session is back',
    message: '0% used now',
    priority: 1,
    key: `${ORG}|session`,
  };

  async function announce(routes: AlertRoutes) {
    const create = vi.fn(async (id: string) => id);
    const send = vi.fn(async () => undefined);
    const notifier = createNotifier({
      notifications: { create },
      state: memoryItem<AlertState>(EMPTY_ALERT_STATE),
      iconUrl: 'i.png',
      now: () => T0,
      localMinutes: () => 0,
      channels: { routes: memoryItem(routes), send },
    });
    const reading = fakeReading(0);
    await notifier.announce(notice, {
      settings: fakeSettings(),
      status: fakeStatus(),
      orgs: { list: [org], discoveredAt: T0 },
      latest: { [ORG]: reading },
    });
    return {
      desktop: create.mock.calls.length,
      channels: (send.mock.calls as unknown as [Channel, AlertPayload][]).map(
        ([c, p]) => `${c.id} ${p.event} ${p.title}`,
      ),
    };
  }

  it('goes where reset alerts go', async () => {
    const desktop = {
      threshold: true,
      reached: true,
      reset: false,
      forecast: true,
      unused: false,
      signed_out: true,
    };
    expect(await announce({ desktop, channels: [hook] })).toEqual({
      desktop: 0,
      channels: ['hook reset 5-hour session is back'],
    });
    expect(await announce({ desktop: { ...desktop, reset: true }, channels: [] })).toEqual({
      desktop: 1,
      channels: [],
    });
  });

  it('still reaches the desktop when reset alerts are routed nowhere: it was asked for', async () => {
    const desktop = {
      threshold: true,
      reached: true,
      reset: false,
      forecast: true,
      unused: false,
      signed_out: true,
    };
    const muted = { ...hook, events: { ...hook.events, reset: false } };
    expect(await announce({ desktop, channels: [muted] })).toEqual({ desktop: 1, channels: [] });
  });
});
