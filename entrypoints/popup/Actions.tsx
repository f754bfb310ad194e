import { formatClock } from '@/lib/display/format';
import { t } from '@/lib/display/i18n';
import type * as AfterPaint from './after-paint';
import { ext } from './ext';
import { later as load } from './later';

/**
 * The popup header's buttons: Refresh (saying until when the next try is allowed while the
 * etiquette holds it back), the dashboard and the options.
 */
export function Actions(props: {
  nextTry: number | null;
  now: number;
  refreshing: boolean;
  later: typeof AfterPaint | null;
  /** The organisation shown: the dashboard opens on it. */
  orgId: string | null;
  onRefresh: () => void;
}) {
  const { nextTry, now, refreshing } = props;
  // Said once, for both the accessible name and the tooltip.
  const wait =
    nextTry === null
      ? undefined
      : t('popupNextTry', [formatClock(nextTry, now), props.later!.formatDuration(nextTry - now)]);
  return (
    <div class="actions">
      {nextTry !== null && (
        <span class="next-try" aria-hidden="true">
          {formatClock(nextTry, now)}
        </span>
      )}
      <button
        type="button"
        class="icon-button"
        aria-label={wait ?? t('popupRefresh')}
        title={wait}
        aria-busy={refreshing}
        aria-disabled={nextTry !== null}
        disabled={refreshing}
        onClick={props.onRefresh}
      >
        <span class={refreshing ? 'spin' : ''} aria-hidden="true">
          ↻
        </span>
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label={t('popupDashboard')}
        title={t('popupDashboard')}
        // The address's code comes after the first bar, with the rest the popup loads then.
        onClick={() =>
          void load
            .afterPaint()
            .then(({ dashboardPath }) =>
              ext.tabs.create({ url: ext.runtime.getURL(dashboardPath(props.orgId)) }),
            )
            .then(() => window.close())
        }
      >
        <span aria-hidden="true">▦</span>
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label={t('popupOptions')}
        onClick={() => void ext.runtime.openOptionsPage()}
      >
        <span aria-hidden="true">⚙</span>
      </button>
    </div>
  );
}
