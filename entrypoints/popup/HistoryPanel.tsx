import type { ComponentChildren } from 'preact';
import { t } from '@/lib/display/i18n';

const H = 3_600_000;
/** The chart's ranges. */
export const RANGES = [
  { label: () => t('durationHours', 1), ms: H },
  { label: () => t('durationHours', 5), ms: 5 * H },
  { label: () => t('durationHours', 24), ms: 24 * H },
  { label: () => t('durationDays', 7), ms: 7 * 24 * H },
  { label: () => t('durationDays', 30), ms: 30 * 24 * H },
];
export type Range = (typeof RANGES)[number];

/**
 * The history: a range picker and the chart (or a wait line until it and its history load),
 * folded behind one click when many limits need the popup's height.
 */
export function HistoryPanel(props: {
  folded: boolean;
  range: Range;
  onRange: (range: Range) => void;
  chart: ComponentChildren | null;
}) {
  return (
    <details class="history" open={!props.folded} aria-label={t('popupHistory')}>
      <summary class={props.folded ? '' : 'sr-only'}>{t('popupHistory')}</summary>
      <div class="ranges" role="group" aria-label={t('popupHistoryRange')}>
        {RANGES.map((r) => (
          <button
            type="button"
            key={r.ms}
            aria-pressed={r === props.range}
            onClick={() => props.onRange(r)}
          >
            {r.label()}
          </button>
        ))}
      </div>
      <div class="chart-box">
        {props.chart ?? <p class="chart-wait">{t('popupLoadingHistory')}</p>}
      </div>
    </details>
  );
}
