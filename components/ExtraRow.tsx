import {
  barValue,
  formatBalance,
  formatExact,
  formatExtra,
  formatPercent,
} from '@/lib/display/format';
import { t } from '@/lib/display/i18n';
import type { Level } from '@/lib/display/levels';
import type { Balance, ExtraUsage } from '@/lib/usage/types';

/** Extra usage as a row: a bar of the monthly cap when there is one, else its text alone. */
export function ExtraRow({ extra, level }: { extra: ExtraUsage; level: (p: number) => Level }) {
  const text = formatExtra(extra);
  if (extra.limitMinor === null || extra.limitMinor <= 0)
    return (
      <p class="extra">
        <span>{t('popupExtraUsage')}</span> {text}
      </p>
    );
  const percent = (Math.max(0, extra.usedMinor) / extra.limitMinor) * 100;
  const lvl = level(percent);
  return (
    <div class="row extra-row">
      <div class="row-head">
        <span class="row-label">{t('popupExtraUsage')}</span>
        <span class={`row-percent text-${lvl}`}>{formatPercent(percent)}</span>
      </div>
      <div
        class={`bar level-${lvl}`}
        role="progressbar"
        aria-label={t('popupExtraUsage')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={barValue(percent)}
        aria-valuetext={text}
      >
        <div class="bar-fill" style={{ width: `${barValue(percent)}%` }} />
      </div>
      <div class="row-foot">
        <span>{text}</span>
      </div>
    </div>
  );
}

/** The prepaid balance beside the extra usage, with when it was read in its tooltip. */
export function PrepaidRow({ balance, readAt }: { balance: Balance; readAt: number | null }) {
  return (
    <p class="extra" title={readAt ? t('popupBalanceReadAt', formatExact(readAt)) : undefined}>
      <span>{t('popupPrepaid')}</span> {formatBalance(balance)}
    </p>
  );
}
