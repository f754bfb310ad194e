import { useEffect, useState } from 'preact/hooks';
import { offersReminder, reminderKey, type Reminders } from '@/lib/alerts/reminder';
import { t } from '@/lib/display/i18n';
import type { Limit } from '@/lib/usage/types';
import { ext } from '@/entrypoints/popup/ext';
import { readStored, STORED_KEYS, watchStored } from '@/lib/storage/raw';
import { askWorker } from '@/lib/messages';

/** The reminders as stored, kept current while the popup is open. */
function useReminders(): Reminders {
  const [reminders, setReminders] = useState<Reminders>({});
  useEffect(() => {
    const key = STORED_KEYS.resetReminders;
    const read = () =>
      void readStored(ext, [key]).then((raw) => {
        const value = raw[key];
        setReminders(value && typeof value === 'object' ? (value as Reminders) : {});
      });
    read();
    return watchStored(ext, [key], read);
  }, []);
  return reminders;
}

/**
 * "Notify me when it resets" on a limit's row: offered at the limit (or over the reset alerts'
 * threshold); pressed again, it cancels. The worker keeps the reminder and its alarm.
 */
export function ResetReminder(props: {
  orgId: string;
  limit: Limit;
  resetAfterPercent: number;
  now: number;
}) {
  const { orgId, limit } = props;
  const reminders = useReminders();
  const [busy, setBusy] = useState(false);
  const set = reminderKey(orgId, limit.id) in reminders;
  if (!set && !offersReminder(limit.percent, limit.resetsAt, props.resetAfterPercent, props.now))
    return null;

  async function toggle() {
    setBusy(true);
    await askWorker(ext, { type: 'reset-reminder', orgId, limitId: limit.id, on: !set }).catch(
      () => undefined,
    );
    setBusy(false);
  }

  return (
    <button
      type="button"
      class="reminder"
      aria-pressed={set}
      aria-label={set ? t('remCancelFor', limit.label) : t('remSetFor', limit.label)}
      disabled={busy}
      onClick={() => void toggle()}
    >
      {set ? t('remCancel') : t('remSet')}
    </button>
  );
}

/**
 * The reminder button for one limit's row, or nothing without an organisation or signed out. One call from the
 * popup, so its first paint carries no more than that call (the popup redraws each minute, and
 * with it the time the button goes by).
 */
export function reminderFor(
  org: { uuid: string } | null,
  limit: Limit,
  settings: { notifications: { resetAfterPercent: number } },
  signedOut: boolean,
) {
  return (
    org &&
    !signedOut && (
      <ResetReminder
        orgId={org.uuid}
        limit={limit}
        resetAfterPercent={settings.notifications.resetAfterPercent}
        now={Date.now()}
      />
    )
  );
}
