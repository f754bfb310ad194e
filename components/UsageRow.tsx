import type { ComponentChildren } from 'preact';
import { formatDuration, formatForecastIn } from '@/lib/display/duration';
import {
  barValue,
  formatClock,
  formatCountdown,
  formatExact,
  formatPercent,
} from '@/lib/display/format';
import { t } from '@/lib/display/i18n';
import type { Level } from '@/lib/display/levels';
import type { LimitOutlook } from '@/lib/forecast/outlook';
import type { Limit } from '@/lib/usage/types';

export interface UsageRowProps {
  limit: Limit;
  level: Level;
  now: number;
  /** What the history says: the forecast for a limit at risk, the pace through the window. */
  outlook?: LimitOutlook;
  /** The limit's colour slot (1–5), shared with its chart line and readout. */
  slot?: number;
  /** Dim the row: the numbers are not current (signed out). */
  dimmed?: boolean;
  /** At the end of the reset line: the row's own action (the reset reminder), after paint. */
  children?: ComponentChildren;
}

/**
 * One limit in two lines around its bar: the name and the percent coloured by level above;
 * the reset ("Resets in 2 h 11 min · 09:56", or "Limit reached · back at …") below, with the
 * forecast only when the limit runs out before its reset, and the pace only when ahead of it.
 */
export function UsageRow({
  limit,
  level,
  now,
  outlook = {},
  slot,
  dimmed,
  children,
}: UsageRowProps) {
  const value = barValue(limit.percent);
  const due = limit.resetsAt;
  const reached = limit.percent >= 100 && due !== null && due > now;
  const { runsOutAt, aheadBy, elapsedPercent } = outlook;
  return (
    <li
      class={`row${dimmed ? ' dimmed' : ''}`}
      style={slot ? { '--swatch': `var(--series-${slot})` } : undefined}
    >
      <div class="row-head">
        <span class="row-label">
          {slot && <span class="swatch" aria-hidden="true" />}
          {limit.label}
        </span>
        <span class={`row-percent text-${level}`}>{formatPercent(limit.percent)}</span>
      </div>
      <div
        class={`bar level-${level}`}
        role="progressbar"
        aria-label={limit.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={formatPercent(limit.percent)}
      >
        <div class="bar-fill" style={{ width: `${value}%` }} />
        {elapsedPercent !== undefined && !reached && (
          <div
            class="bar-marker"
            title={t('rowPaceMarker')}
            style={{ left: `${Math.min(100, Math.max(0, elapsedPercent))}%` }}
          />
        )}
      </div>
      <div class="row-foot">
        {due === null ? (
          <span class="countdown">{formatCountdown(null, now)}</span>
        ) : (
          <span
            class={`countdown${reached ? ' text-critical' : ''}`}
            tabIndex={0}
            title={formatExact(due)}
          >
            {reached
              ? t('limitReachedBack', [formatClock(due, now), formatDuration(due - now)])
              : due > now
                ? `${t('countdownResetsIn', formatCountdown(due, now))} · ${formatClock(due, now)}`
                : formatCountdown(due, now)}
          </span>
        )}
        {!reached && runsOutAt !== undefined && due !== null ? (
          <span class="row-note text-warn">
            {t('rowRunsOut', [formatForecastIn(runsOutAt - now), formatDuration(due - runsOutAt)])}
          </span>
        ) : (
          !reached &&
          aheadBy !== undefined && <span class="row-note">{t('rowAhead', aheadBy)}</span>
        )}
        {children}
      </div>
    </li>
  );
}
