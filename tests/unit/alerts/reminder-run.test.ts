import { describe, expect, it } from 'vitest';
import { alarmName, REMINDER_GRACE_MS, type Reminders } from '../../../lib/alerts/reminder';
import { createReminders } from '../../../lib/alerts/reminder-run';
import type { Notice } from '../../../lib/alerts/state';
import type { Item } from '../../../lib/storage/item';
import type { PollState } from '../../../lib/storage/poll-store';
import { ORG, T0, fakeLimit, fakeReading, fakeSettings, fakeStatus } from '../support/builders';

const MIN = 60_000;
const RESET = T0 + 2 * 3600_000 + 11 * MIN; // fakeLimit's session resetsAt

function memoryItem<T>(value: T): Item<T> {
  return { getValue: async () => value, setValue: async (next) => void (value = next) };
}

/** A browser stand-in: storage that survives "restarts", alarms that may be lost. */
function world() {
  const reminders = memoryItem<Reminders>({});
  const alarms = new Map<string, number>();
  const notices: Notice[] = [];
  let now = T0;
  let reading = fakeReading(100);
  let polls = 0;
  const state = (): PollState => ({
    settings: fakeSettings(),
    status: fakeStatus(),
    orgs: { list: [{ uuid: ORG, name: 'Acme', plan: 'Max' }], discoveredAt: T0 },
    latest: { [ORG]: reading },
  });
  const start = () =>
    createReminders({
      reminders,
      alarms: {
        create: (name, { when }) => void alarms.set(name, when),
        clear: async (name) => alarms.delete(name),
        getAll: async () => [...alarms.keys()].map((name) => ({ name })),
      },
      poll: async () => void polls++,
      read: async () => state(),
      announce: async (notice) => void notices.push(notice),
      now: () => now,
    });
  return {
    reminders,
    alarms,
    notices,
    start,
    polls: () => polls,
    at: (t: number) => void (now = t),
    reads: (r: typeof reading) => void (reading = r),
  };
}

const afterReset = (percent: number, resetsAt = RESET + 5 * 3600_000) => ({
  ...fakeReading(percent),
  at: RESET + REMINDER_GRACE_MS,
  limits: [fakeLimit({ percent, resetsAt })],
});

describe('createReminders', () => {
  it('fires once at the reset, after one poll, and is gone', async () => {
    const w = world();
    const reminders = w.start();
    expect(await reminders.set(ORG, 'session', true)).toBe(true);
    const name = alarmName(`${ORG}|session`);
    expect(w.alarms.get(name)).toBe(RESET + REMINDER_GRACE_MS);

    w.at(RESET + REMINDER_GRACE_MS);
    w.reads(afterReset(0));
    await reminders.ring(name);
    expect(w.polls()).toBe(1);
    expect(w.notices.map((n) => [n.kind, n.title, n.message])).toEqual([
      ['reset', '5-hour session is back', '0% used now'],
    ]);
    expect(await w.reminders.getValue()).toEqual({});
    // A late second ring (a duplicate alarm) says nothing more.
    await reminders.ring(name);
    expect(w.notices).toHaveLength(1);
  });

  it('is stored only once its alarm exists, so a reminder shown as set always rings', async () => {
    const alarms = new Map<string, number>();
    let stored: Reminders = {};
    const alarmWhenStored: boolean[] = [];
    const reminders = createReminders({
      reminders: {
        getValue: async () => stored,
        setValue: async (next) => {
          alarmWhenStored.push(alarms.has(alarmName(`${ORG}|session`)));
          stored = next;
        },
      },
      alarms: {
        create: async (name, { when }) => void alarms.set(name, when),
        clear: async (name) => alarms.delete(name),
        getAll: async () => [...alarms.keys()].map((name) => ({ name })),
      },
      poll: async () => undefined,
      read: async () => ({
        settings: fakeSettings(),
        status: fakeStatus(),
        orgs: { list: [{ uuid: ORG, name: 'Acme', plan: 'Max' }], discoveredAt: T0 },
        latest: { [ORG]: fakeReading(100) },
      }),
      announce: async () => undefined,
      now: () => T0,
    });
    await reminders.set(ORG, 'session', true);
    expect(alarmWhenStored).toEqual([true]);
    expect(Object.keys(stored)).toEqual([`${ORG}|session`]);
  });

  it('re-waits, and says when, if the reading shows the reset moved later', async () => {
    const w = world();
    const reminders = w.start();
    await reminders.set(ORG, 'session', true);
    const name = alarmName(`${ORG}|session`);
    const later = RESET + 40 * MIN;
    w.at(RESET + REMINDER_GRACE_MS);
    w.reads(afterReset(100, later));
    await reminders.ring(name);
    expect(w.notices.map((n) => n.title)).toEqual(['5-hour session has not reset yet']);
    expect(w.notices[0]!.message).toMatch(/^Resets in 40 min · /);
    expect(w.alarms.get(name)).toBe(later + REMINDER_GRACE_MS);

    w.at(later + REMINDER_GRACE_MS);
    w.reads({ ...afterReset(3), at: later + REMINDER_GRACE_MS });
    await reminders.ring(name);
    expect(w.notices.map((n) => n.title)).toEqual([
      '5-hour session has not reset yet',
      '5-hour session is back',
    ]);
  });

  it('survives a restart: the stored reminder gets its lost alarm back and still fires', async () => {
    const w = world();
    await w.start().set(ORG, 'session', true);
    w.alarms.clear(); // the browser restarted and the alarm was not kept
    const fresh = w.start();
    await fresh.restore();
    const name = alarmName(`${ORG}|session`);
    expect(w.alarms.get(name)).toBe(RESET + REMINDER_GRACE_MS);
    // Restoring twice makes no second alarm.
    await fresh.restore();
    expect(w.alarms.size).toBe(1);
    w.at(RESET + REMINDER_GRACE_MS);
    w.reads(afterReset(1));
    await fresh.ring(name);
    expect(w.notices.map((n) => n.title)).toEqual(['5-hour session is back']);
  });

  it('can be cancelled, and is refused for a limit with no reset ahead', async () => {
    const w = world();
    const reminders = w.start();
    await reminders.set(ORG, 'session', true);
    await reminders.set(ORG, 'session', false);
    expect(w.alarms.size).toBe(0);
    expect(await w.reminders.getValue()).toEqual({});
    w.reads({ ...fakeReading(100), limits: [fakeLimit({ percent: 100, resetsAt: null })] });
    expect(await reminders.set(ORG, 'session', true)).toBe(false);
    expect(w.alarms.size).toBe(0);
  });
});
