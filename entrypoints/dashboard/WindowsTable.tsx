import { useEffect, useMemo, useState } from 'preact/hooks';
import { percentText } from '@/lib/display/intl-cache';
import { t, type MessageKey } from '@/lib/display/i18n';
import { windowsToCsv } from '@/lib/history/windows-csv';
import { sortWindows, type UsageWindow, type WindowSortKey } from '@/lib/history/windows';
import { formatWhen, whenParts } from './labels';

/** Rows drawn at first: a year holds some 1,900 windows, and drawing them all delays the page. */
const FIRST_ROWS = 100;

const COLUMNS: { key: WindowSortKey; label: MessageKey }[] = [
  { key: 'label', label: 'dashColLimit' },
  { key: 'start', label: 'dashColStart' },
  { key: 'end', label: 'dashColEnd' },
  { key: 'peak', label: 'dashColPeak' },
  { key: 'reachedLimit', label: 'dashColReached' },
];

type Direction = 'ascending' | 'descending';

/** Every session and week of the range, newest first, sortable by any column, exportable as CSV. */
export function WindowsTable({ windows, orgName }: { windows: UsageWindow[]; orgName: string }) {
  const [sort, setSort] = useState<{ key: WindowSortKey; direction: Direction }>({
    key: 'start',
    direction: 'descending',
  });
  const [all, setAll] = useState(false);
  // The rows come in the frame after the rest of the history's: the chart and the heat-map above
  // them paint without waiting for a hundred rows below the fold.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(true), []);
  const rows = useMemo(
    () => sortWindows(windows, sort.key, sort.direction),
    [windows, sort.key, sort.direction],
  );

  const sortBy = (key: WindowSortKey) =>
    setSort((old) => ({
      key,
      direction: old.key === key && old.direction === 'descending' ? 'ascending' : 'descending',
    }));

  function download() {
    const blob = new Blob([windowsToCsv(rows)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `claude-usage-windows-${orgName.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  if (windows.length === 0) return <p class="dash-note">{t('dashNoWindows')}</p>;
  return (
    <>
      <div class="dash-table-tools">
        <span class="dash-note">{t('dashWindowsCount', windows.length)}</span>
        <button type="button" class="dash-small-button" onClick={download}>
          {t('dashExportCsv')}
        </button>
      </div>
      <div class="dash-scroll dash-windows">
        <table class="dash-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  scope="col"
                  key={c.key}
                  aria-sort={sort.key === c.key ? sort.direction : undefined}
                >
                  <button type="button" class="dash-sort" onClick={() => sortBy(c.key)}>
                    {t(c.label)}
                    <span aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(all ? rows : rows.slice(0, drawn ? FIRST_ROWS : 0)).map((w) => (
              <tr key={`${w.limitId}-${w.start}`} class={w.reachedLimit ? 'hit' : undefined}>
                <th scope="row">{w.label}</th>
                <td>
                  <When at={w.start} />
                </td>
                <td>
                  <When at={w.end} sameDayAs={w.start} />
                </td>
                <td>{percentText(w.peak)}</td>
                <td>{w.reachedLimit ? t('dashYes') : t('dashNo')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && rows.length > FIRST_ROWS && (
        <button type="button" class="dash-small-button dash-more" onClick={() => setAll(true)}>
          {t('dashShowAll', rows.length)}
        </button>
      )}
    </>
  );
}

/**
 * A moment in a cell: date and time wrap onto two lines where the column is narrow, and an end on
 * its start's day shows its time alone, the full date and time in its `title`.
 */
function When({ at, sameDayAs }: { at: number; sameDayAs?: number }) {
  const { date, time } = whenParts(at, sameDayAs);
  return (
    <time dateTime={new Date(at).toISOString()} title={formatWhen(at)}>
      {date && <span class="dash-when">{date}</span>} <span class="dash-when">{time}</span>
    </time>
  );
}
