import { orgTitle } from '../accounts/accounts';
import type { Item } from '../storage/item';
import type { PollState } from '../storage/poll-store';
import {
  alarmName,
  alarmTime,
  checkReminder,
  keyOfAlarm,
  missingAlarms,
  reminderKey,
  type Reminders,
} from './reminder';
import type { Notice } from './state';

export interface ReminderDeps {
  reminders: Item<Reminders>;
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
    getAll(): Promise<{ name: string }[]>;
  };
  /** One poll through the poller (and so its etiquette), as the schedule's alarm would. */
  poll: () => Promise<unknown>;
  read: () => Promise<PollState>;
  announce: (notice: Notice, state: PollState) => Promise<void>;
  now: () => number;
}

/** The reset reminders in the worker: set and cancel them, ring them, and keep their alarms. */
export function createReminders(deps: ReminderDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    /** Set (`on`) or cancel the reminder for one limit; false when the limit has no reset ahead. */
    set(orgId: string, limitId: string, on: boolean): Promise<boolean> {
      return serial(async () => {
        const key = reminderKey(orgId, limitId);
        const all = { ...(await deps.reminders.getValue()) };
        if (!on) {
          delete all[key];
          await deps.reminders.setValue(all);
          await deps.alarms.clear(alarmName(key));
          return true;
        }
        const { latest } = await deps.read();
        const limit = latest[orgId]?.limits.find((l) => l.id === limitId);
        if (!limit || limit.resetsAt === null || limit.resetsAt <= deps.now()) return false;
        const reminder = {
          orgId,
          limitId,
          label: limit.label,
          resetsAt: limit.resetsAt,
          percent: limit.percent,
          looks: 0,
        };
        // The alarm first: the popup shows "set" from storage, and a set reminder has its alarm.
        await deps.alarms.create(alarmName(key), { when: alarmTime(reminder, deps.now()) });
        all[key] = reminder;
        await deps.reminders.setValue(all);
        return true;
      });
    },

    /** An alarm rang: if it is a reminder's, poll once and tell what the reading shows. */
    ring(alarm: string): Promise<void> {
      const key = keyOfAlarm(alarm);
      if (key === null) return Promise.resolve();
      return serial(async () => {
        const reminder = (await deps.reminders.getValue())[key];
        if (!reminder) return;
        await deps.poll().catch(() => undefined);
        const state = await deps.read();
        const org = state.orgs.list.find((o) => o.uuid === reminder.orgId);
        const label =
          org && (state.orgs.list.length > 1 || org.account) ? orgTitle(org) : undefined;
        const outcome = checkReminder(reminder, state.latest[reminder.orgId], deps.now(), label);
        const all = { ...(await deps.reminders.getValue()) };
        if (outcome.kind === 'back' || outcome.kind === 'drop') delete all[key];
        else all[key] = outcome.reminder;
        await deps.reminders.setValue(all);
        if (outcome.kind === 'again') await deps.alarms.create(alarm, { when: outcome.at });
        if (outcome.kind === 'moved')
          await deps.alarms.create(alarm, { when: alarmTime(outcome.reminder, deps.now()) });
        if (outcome.kind === 'back' || outcome.kind === 'moved')
          await deps.announce(outcome.notice, state);
      });
    },

    /** A fresh worker: recreate the alarms of reminders that lost theirs. */
    restore(): Promise<void> {
      return serial(async () => {
        const names = (await deps.alarms.getAll()).map((a) => a.name);
        const missing = missingAlarms(await deps.reminders.getValue(), names, deps.now());
        for (const { name, when } of missing) await deps.alarms.create(name, { when });
      });
    },
  };
}
