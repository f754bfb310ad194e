import { describe, expect, it, vi } from 'vitest';
import {
  GLOBAL_RULES,
  hearsOrg,
  noticeFor,
  type AudienceRules,
} from '../../../lib/alerts/audience';
import { EMPTY_ALERT_STATE, type AlertState, type Notice } from '../../../lib/alerts/state';
import { migrateRoutesV3 } from '../../../lib/channels/migrate';
import type { AlertPayload, AlertRoutes, Channel } from '../../../lib/channels/types';
import { createNotifier } from '../../../lib/alerts/notifier';
import type { Item } from '../../../lib/storage/item';
import type { Org } from '../../../lib/usage/types';
import { ORG, T0, fakeReading, fakeSettings, fakeStatus } from '../support/builders';
import { ROUTES_V2 as V2 } from '../support/stored-routes';

const TEAM = '9d8e7f6a-2222-4222-8222-0000000071ea';
const GONE = '00000000-dead-4000-8000-000000000000';
const personal: Org = { uuid: ORG, name: 'Personal', plan: 'Max' };
const team: Org = { uuid: TEAM, name: 'Acme Team', plan: 'Team' };
const EVENTS = {
  threshold: true,
  reached: true,
  reset: true,
  forecast: false,
  unused: true,
  signed_out: true,
};

function memoryItem<T>(value: T): Item<T> {
  return { getValue: async () => value, setValue: async (next: T) => void (value = next) };
}

const rules = (over: Partial<AudienceRules> = {}): AudienceRules => ({ ...GLOBAL_RULES, ...over });
const channel = (id: string, r?: AudienceRules): Channel => ({
  id,
  name: id,
  enabled: true,
  events: { ...EVENTS },
  rules: r,
  type: 'ntfy',
  server: 'https://ntfy.sh',
  topic: id,
  token: '',
});

/** Both organisations polled at the given session percents; returns who heard what, sorted. */
async function heard(routes: AlertRoutes, percents: [number, number][], orgs = [personal, team]) {
  const create = vi.fn(async (id: string) => id);
  const send = vi.fn(async () => undefined);
  const notifier = createNotifier({
    notifications: { create },
    state: memoryItem<AlertState>(EMPTY_ALERT_STATE),
    iconUrl: 'i.png',
    now: () => T0,
    localMinutes: () => 12 * 60,
    channels: { routes: memoryItem(routes), send },
  });
  const settings = fakeSettings();
  settings.notifications.forecast = false;
  const out: string[][] = [];
  for (const [mine, theirs] of percents) {
    create.mockClear();
    send.mockClear();
    const readings = [
      { org: personal, reading: fakeReading(mine) },
      { org: team, reading: fakeReading(theirs, 10, { orgId: TEAM }) },
    ].filter((r) => orgs.includes(r.org));
    await notifier.afterPoll(
      {
        settings,
        status: fakeStatus(),
        orgs: { list: orgs, discoveredAt: T0 },
        latest: Object.fromEntries(readings.map((r) => [r.org.uuid, r.reading])),
      },
      readings,
      [],
    );
    const list = create.mock.calls.map((c) => `desktop ${c[0]}`);
    for (const [c, p] of send.mock.calls as unknown as [Channel, AlertPayload][])
      list.push(`${c.id} ${p.event} ${p.organization}`);
    out.push(list.sort());
  }
  return out;
}

describe('organisations per place', () => {
  it('sends each place the notices of the organisations it chose, all by default', async () => {
    const routes: AlertRoutes = {
      desktop: { ...EVENTS },
      desktopRules: rules(),
      channels: [
        channel('all'),
        channel('team-hook', rules({ orgs: [TEAM] })),
        // Its own levels too: its own run hears only its organisation.
        channel('mine-95', rules({ thresholds: [95], orgs: [ORG] })),
        channel('none', rules({ orgs: [] })),
      ],
    };
    expect(await heard(routes, [[80, 92]])).toEqual([
      [
        'all threshold Acme Team',
        'all threshold Personal',
        `desktop threshold:${ORG}|session`,
        `desktop threshold:${TEAM}|session`,
        'team-hook threshold Acme Team',
      ],
    ]);
    expect(await heard(routes, [[96, 97]])).toEqual([
      [
        'all threshold Acme Team',
        'all threshold Personal',
        `desktop threshold:${ORG}|session`,
        `desktop threshold:${TEAM}|session`,
        'mine-95 threshold Personal',
        'team-hook threshold Acme Team',
      ],
    ]);
  });

  it('lets a chosen organisation that has gone match nothing, and takes in new ones under "all"', async () => {
    const routes: AlertRoutes = {
      desktop: { ...EVENTS },
      desktopRules: rules({ orgs: [GONE] }),
      channels: [channel('all')],
    };
    // Only the personal organisation at first; the team one is added later.
    const [first] = await heard(routes, [[91, 0]], [personal]);
    expect(first).toEqual(['all threshold Personal']);
    const [later] = await heard(routes, [[91, 91]]);
    expect(later).toEqual(['all threshold Acme Team', 'all threshold Personal']);
  });

  it.each<[string, AudienceRules | undefined, string, boolean]>([
    ['no rules (routes stored before them)', undefined, ORG, true],
    ['all organisations', rules(), TEAM, true],
    ['a chosen one', rules({ orgs: [TEAM] }), TEAM, true],
    ['not chosen', rules({ orgs: [TEAM] }), ORG, false],
    ['none chosen', rules({ orgs: [] }), ORG, false],
  ])('hearsOrg with %s', (_, r, org, expected) => {
    expect(hearsOrg(r, org)).toBe(expected);
  });

  it('still tells every place of a sign-out, which is about no organisation', () => {
    const notice: Notice = { id: 's', kind: 'signed_out', title: '', message: '', priority: 2 };
    expect(noticeFor(notice, rules({ orgs: [] }), {}, false)).toBe(true);
  });
});

describe('routes migrated to version 3', () => {
  it('leaves what every place hears exactly as before', async () => {
    const script: [number, number][] = [
      [80, 20],
      [92, 91],
      [100, 96],
    ];
    const stored = structuredClone(V2) as unknown as AlertRoutes;
    const before = await heard(stored, script);
    expect(await heard(migrateRoutesV3(structuredClone(V2)), script)).toEqual(before);
    expect(before.flat().length).toBeGreaterThan(4);
  });
});

describe('routing "use it or lose it"', () => {
  it('goes through its own route, to places that hear its organisation', async () => {
    const create = vi.fn(async (id: string) => id);
    const send = vi.fn(async () => undefined);
    const routes: AlertRoutes = {
      desktop: { ...EVENTS },
      desktopRules: rules(),
      channels: [
        channel('told'),
        { ...channel('resets-only'), events: { ...EVENTS, unused: false } },
        channel('team-only', rules({ orgs: [TEAM] })),
        // Its own levels: "use it or lose it" still comes from the shared run, once.
        channel('own-levels', rules({ thresholds: [95] })),
      ],
    };
    const notifier = createNotifier({
      notifications: { create },
      state: memoryItem<AlertState>(EMPTY_ALERT_STATE),
      iconUrl: 'i.png',
      now: () => T0,
      localMinutes: () => 12 * 60,
      channels: { routes: memoryItem(routes), send },
    });
    const settings = fakeSettings();
    settings.notifications.useItOrLoseIt = { enabled: true, hoursBefore: 12, belowPercent: 50 };
    const base = fakeReading(10, 30);
    // The weekly limit resets in 6 hours with 30 % used.
    const reading = {
      ...base,
      limits: base.limits.map((l) =>
        l.id === 'weekly' ? { ...l, resetsAt: T0 + 6 * 3600_000 } : l,
      ),
    };
    await notifier.afterPoll(
      {
        settings,
        status: fakeStatus(),
        orgs: { list: [personal], discoveredAt: T0 },
        latest: { [ORG]: reading },
      },
      [{ org: personal, reading }],
      [],
    );
    expect(create.mock.calls.map((c) => c[0])).toEqual([`unused:${ORG}|weekly`]);
    const told = (send.mock.calls as unknown as [Channel, AlertPayload][]).map(
      ([c, p]) => `${c.id} ${p.event} ${p.limit} ${p.percent}`,
    );
    expect(told).toEqual([
      'told unused Weekly (all models) 30',
      'own-levels unused Weekly (all models) 30',
    ]);
  });
});
