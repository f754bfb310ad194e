import { storage } from 'wxt/utils/storage';
import type { Reminders } from './reminder';

/** "Notify me when it resets" reminders: in storage, so they survive the worker and restarts. */
export const remindersItem = storage.defineItem<Reminders>('local:resetReminders', {
  fallback: {},
  version: 1,
});
