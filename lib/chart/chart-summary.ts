import type { Series } from './chart-points';
import { formatClock, formatPercent } from '../display/format';
import { t } from '../display/i18n';

/**
 * "5-hour session 12% → 48%; Weekly (all models) 60% → 64%" for screen readers, then where each
 * dashed projection ends: "5-hour session at this pace: 100 % by 18:00".
 */
export function summarise(
  series: Series[],
  hours: number,
  projections: Series[],
  now: number,
): string {
  // "24 h", "7 d": the same words as the range buttons.
  const span =
    hours % 24 === 0 && hours > 24 ? t('durationDays', hours / 24) : t('durationHours', hours);
  if (series.every((s) => s.points.length === 0)) return t('chartNoReadings', span);
  const parts = series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const first = s.points[0]!.y;
      const last = s.points[s.points.length - 1]!.y;
      const peak = Math.max(...s.points.map((p) => p.y));
      return t('chartSeries', [
        s.label,
        formatPercent(first),
        formatPercent(last),
        formatPercent(peak),
      ]);
    });
  for (const p of projections) {
    const end = p.points[p.points.length - 1];
    if (end)
      parts.push(
        t('chartProjectionSummary', [p.label, formatPercent(end.y), formatClock(end.x, now)]),
      );
  }
  return t('chartSummary', [span, parts.join('; ')]);
}
