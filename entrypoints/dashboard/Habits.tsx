import { useEffect, useState } from 'preact/hooks';
import { formatDuration } from '@/lib/display/duration';
import type { HeatMap, HitSummary } from '@/lib/history/habits';
import { numberFormat, percentText } from '@/lib/display/intl-cache';
import { t } from '@/lib/display/i18n';
import type { RangeId } from '@/lib/chart/dashboard-ranges';
import type { WeekSummary } from '@/lib/history/windows';
import { formatWhen, hourName, periodPhrase, weekdayName } from './labels';

export interface HabitsProps {
  heat: HeatMap;
  hits: HitSummary;
  weeks: WeekSummary[];
  range: RangeId;
  onDrawn?: () => void;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Weeks listed at first, newest first: a year's 52 make the page some 2,000 px longer. */
const FIRST_WEEKS = 8;
const DAYS = Array.from({ length: 7 }, (_, d) => d);

/** "You hit a limit 3 times in the last 30 days, most often on Tuesday after 14:00." */
export function hitSentence(hits: HitSummary, range: RangeId): string {
  const period = periodPhrase(range);
  if (hits.count === 0 || hits.weekday === null || hits.hour === null)
    return t('dashHitsNone', period);
  const day = weekdayName(hits.weekday);
  const hour = hourName(hits.hour);
  if (hits.count === 1) return t('dashHitsOne', [period, day, hour]);
  return t('dashHitsMany', [hits.count, period, day, hour]);
}

/** The week heat-map, the sentence about limits hit, and the weeks: each with its words. */
export function Habits({ heat, hits, weeks, range, onDrawn }: HabitsProps) {
  useEffect(() => onDrawn?.(), [heat]);
  const [allWeeks, setAllWeeks] = useState(false);
  const newestFirst = [...weeks].reverse();
  const number = numberFormat({ maximumFractionDigits: 1 });
  const cellText = (d: number, h: number) =>
    heat.covered[d]![h]! === 0 ? '–' : number.format(heat.rise[d]![h]!);
  return (
    <>
      <p class="dash-sentence">{hitSentence(hits, range)}</p>
      <h3>{t('dashHeatTitle')}</h3>
      <p class="dash-note">{t('dashHeatNote')}</p>
      <div class="dash-heat" aria-hidden="true">
        <span />
        {HOURS.map((h) => (
          <span class="dash-heat-hour" key={h}>
            {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
          </span>
        ))}
        {DAYS.map((d) => [
          <span class="dash-heat-day" key={`d${d}`}>
            {weekdayName(d, 'short')}
          </span>,
          ...HOURS.map((h) => {
            const covered = heat.covered[d]![h]! > 0;
            const share = heat.max > 0 ? heat.rise[d]![h]! / heat.max : 0;
            return (
              <span
                key={`${d}-${h}`}
                class={`dash-heat-cell${covered ? '' : ' no-data'}`}
                style={covered ? { '--share': `${Math.round(share * 100)}%` } : undefined}
                title={`${weekdayName(d)} ${hourName(h)}: ${cellText(d, h)}`}
              />
            );
          }),
        ])}
      </div>
      <details class="dash-details">
        <summary>{t('dashHeatTable')}</summary>
        <div class="dash-scroll">
          <table class="dash-table dash-heat-table">
            <caption>{t('dashHeatCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashWeekday')}</th>
                {HOURS.map((h) => (
                  <th scope="col" key={h}>
                    {hourName(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {DAYS.map((d) => (
                <tr key={d}>
                  <th scope="row">{weekdayName(d)}</th>
                  {HOURS.map((h) => (
                    <td key={h}>{cellText(d, h)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <h3>{t('dashWeeksTitle')}</h3>
      {weeks.length === 0 ? (
        <p class="dash-note">{t('dashNoWeeks')}</p>
      ) : (
        <div class="dash-scroll">
          <table class="dash-table">
            <thead>
              <tr>
                <th scope="col">{t('dashWeek')}</th>
                <th scope="col">{t('dashWeekPeak')}</th>
                <th scope="col">{t('dashWeekSessions')}</th>
                <th scope="col">{t('dashWeekAtLimit')}</th>
              </tr>
            </thead>
            <tbody>
              {(allWeeks ? newestFirst : newestFirst.slice(0, FIRST_WEEKS)).map((w) => (
                <tr key={w.start}>
                  <th scope="row">{t('dashSpan', [formatWhen(w.start), formatWhen(w.end)])}</th>
                  <td>
                    <span class="dash-mini-bar" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, w.peakPercent)}%` }} />
                    </span>
                    {percentText(w.peakPercent)}
                  </td>
                  <td>{number.format(w.sessionsAtLimit)}</td>
                  <td>{w.atLimitMs > 0 ? formatDuration(w.atLimitMs) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!allWeeks && weeks.length > FIRST_WEEKS && (
        <button type="button" class="dash-small-button dash-more" onClick={() => setAllWeeks(true)}>
          {t('dashShowAll', weeks.length)}
        </button>
      )}
    </>
  );
}
