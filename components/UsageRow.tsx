import { barValue, formatClock, formatCountdown, formatExact, formatPercent } from '@/lib/format';
import { t } from '@/lib/i18n';
import type { Level } from '@/lib/levels';
import type { Limit } from '@/lib/usage/types';

export interface UsageRowProps {
  limit: Limit;
  level: Level;
  now: number;
  /** One line under the bar: the forecast, or the pace through the week. */
  hints?: string[];
  /** Where the percent would be at the reset at the current pace (0–100), shown as a tick. */
  paceMarker?: number;
  /** Dim the row: the numbers are not current (signed out). */
  dimmed?: boolean;
}

/** One limit: its name, percent, a bar coloured by level, and a live countdown to the reset. */
export function UsageRow({ limit, level, now, hints = [], paceMarker, dimmed }: UsageRowProps) {
  const value = barValue(limit.percent);
  const countdown = formatCountdown(limit.resetsAt, now);
  const started = limit.resetsAt !== null;
  return (
    <li class={`row${dimmed ? ' dimmed' : ''}`}>
      <div class="row-head">
        <span class="row-label">{limit.label}</span>
        <span class="row-percent">{formatPercent(limit.percent)}</span>
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
        {paceMarker !== undefined && (
          <div class="bar-marker" style={{ left: `${Math.min(100, Math.max(0, paceMarker))}%` }} />
        )}
      </div>
      <div class="row-foot">
        {started ? (
          <span class="countdown" tabIndex={0} title={formatExact(limit.resetsAt!)}>
            {limit.resetsAt! > now ? t('countdownResetsIn', countdown) : countdown}
            <span class="countdown-exact"> · {formatClock(limit.resetsAt!, now)}</span>
          </span>
        ) : (
          <span class="countdown">{countdown}</span>
        )}
      </div>
      {hints.map((hint) => (
        <p class="row-hint" key={hint}>
          {hint}
        </p>
      ))}
    </li>
  );
}
