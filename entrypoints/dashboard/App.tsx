import { orgTitle } from '@/lib/accounts/accounts';
import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DashboardChartProps } from '@/components/DashboardChart';
import { OrgSwitcher } from '@/components/OrgSwitcher';
import { badgeLimit } from '@/lib/badge/badge';
import {
  DASHBOARD_RANGES,
  rangeById,
  rangeResolution,
  type RangeId,
} from '@/lib/chart/dashboard-ranges';
import { addressOrg, ADDRESS_ORG } from '@/lib/display/dashboard-address';
import { nextTickIn } from '@/lib/display/format';
import { t, type MessageKey } from '@/lib/display/i18n';
import { levelOf } from '@/lib/display/levels';
import type { PopupData } from '@/lib/storage/page-data';
import { ext } from '../popup/ext';
import { Cards } from './Cards';
import { useHistory, useRecent } from './history';
import { rangeLabel } from './labels';

const RESOLUTION: Record<0 | 10 | 60, MessageKey> = {
  0: 'dashResolutionRaw',
  10: 'dashResolutionTen',
  60: 'dashResolutionHourly',
};

// What the cards do not need loads while storage and IndexedDB are read, not after the cards are
// up: the chart, the habits and windows sections, and the storage module (migrations, changes).
const chartModule = import('@/components/DashboardChart');
const partsModule = import('./later-parts');
const storageModule = import('@/lib/storage/page-data');

/** The range in the page's address (`?range=1y`), so a reload or a bookmark keeps it. */
function rangeFromAddress(): RangeId {
  return rangeById(new URLSearchParams(location.search).get('range')).id;
}

export function App({ initial }: { initial: PopupData }) {
  const [data, setData] = useState(initial);
  const [now, setNow] = useState(Date.now());
  const [rangeId, setRangeId] = useState<RangeId>(rangeFromAddress);
  const [orgId, setOrgId] = useState(
    () =>
      addressOrg(location.search, initial.orgs.list) ??
      initial.selected ??
      initial.orgs.list[0]?.uuid ??
      null,
  );
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [Chart, setChart] = useState<ComponentType<DashboardChartProps> | null>(null);
  const [parts, setParts] = useState<typeof import('./later-parts') | null>(null);
  const { settings, latest, orgs } = data;
  const org = orgs.list.find((o) => o.uuid === orgId) ?? orgs.list[0] ?? null;
  const range = rangeById(rangeId);
  const history = useHistory(org?.uuid ?? null, range.ms);
  const recent = useRecent(Math.max(0, ...Object.values(latest).map((r) => r.at)));

  // The first paint came from a plain read; the storage module reads it all again (old settings
  // migrated) and keeps it current.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void storageModule.then(({ readPopupData, watchPopupData, sharedWith }) => {
      if (!live) return;
      const reread = () =>
        void readPopupData().then((d) => live && setData((before) => sharedWith(before, d)));
      stop = watchPopupData(reread);
      reread();
    });
    void partsModule.then((m) => live && setParts(m));
    return () => {
      live = false;
      stop?.();
    };
  }, []);
  useEffect(() => {
    void chartModule.then((m) => {
      // While IndexedDB answers, the main thread is free: Chart.js's first run goes there.
      m.warmUp();
      setChart(() => m.default);
    });
  }, []);
  useEffect(() => {
    const theme = settings.theme;
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [settings.theme]);

  // One timer for every countdown on the page: the next moment any of their texts changes.
  useEffect(() => {
    const ticks = Object.values(latest)
      .flatMap((r) => r.limits.map((l) => nextTickIn(l.resetsAt, now)))
      .filter((x): x is number => x !== null);
    const timer = setTimeout(() => setNow(Date.now()), Math.min(60_000, ...ticks) + 5);
    return () => clearTimeout(timer);
  }, [now, latest]);

  const chooseRange = (id: RangeId) => {
    setRangeId(id);
    const url = new URL(location.href);
    url.searchParams.set('range', id);
    history_replace(url);
  };
  const chooseOrg = (id: string) => {
    setOrgId(id);
    const url = new URL(location.href);
    url.searchParams.set(ADDRESS_ORG, id);
    history_replace(url);
  };

  const tightest = useMemo(
    () =>
      Object.fromEntries(
        orgs.list.map((o) => [
          o.uuid,
          latest[o.uuid] ? badgeLimit(latest[o.uuid]!, settings.badge.limit)?.percent : undefined,
        ]),
      ),
    [orgs, latest, settings.badge.limit],
  );

  const toggle = (id: string) =>
    setHidden((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <main class="dash">
      <header class="dash-head">
        <h1>{t('dashTitle')}</h1>
        <a
          class="dash-small-button"
          href={ext.runtime.getURL('/options.html')}
          onClick={(e) => {
            e.preventDefault();
            void ext.runtime.openOptionsPage();
          }}
        >
          {t('popupOptions')}
        </a>
      </header>

      <section aria-labelledby="now-title">
        <h2 id="now-title" class="dash-section-title">
          {t('dashNow')}
        </h2>
        <Cards
          orgs={orgs.list}
          latest={latest}
          recent={recent}
          thresholds={settings.badge}
          now={now}
        />
      </section>

      {org && (
        <section class="dash-panel" aria-labelledby="history-title">
          <div class="dash-panel-head">
            <h2 id="history-title" class="dash-section-title">
              {t('dashHistory')}
            </h2>
            <div class="ranges" role="group" aria-label={t('popupHistoryRange')}>
              {DASHBOARD_RANGES.map((r) => (
                <button
                  type="button"
                  key={r.id}
                  aria-pressed={r.id === rangeId}
                  onClick={() => chooseRange(r.id)}
                >
                  {rangeLabel(r.id)}
                </button>
              ))}
            </div>
          </div>
          <OrgSwitcher
            orgs={orgs.list}
            selected={org.uuid}
            tightest={tightest}
            levelOf={(percent) => levelOf(percent, settings.badge)}
            onSelect={chooseOrg}
          />
          <p class="dash-note">
            {t('dashResolution', t(RESOLUTION[rangeResolution(range.ms, settings.history)]))}
          </p>
          {history && (
            <div class="dash-legend" role="group" aria-label={t('dashLegend')}>
              {history.series.map((s, i) => (
                <button
                  type="button"
                  key={s.id}
                  aria-pressed={!hidden.has(s.id)}
                  onClick={() => toggle(s.id)}
                >
                  <span class={`dash-swatch series-${(i % 5) + 1}`} aria-hidden="true" />
                  {s.label}
                </button>
              ))}
            </div>
          )}
          <div class="dash-chart-box">
            {Chart && history ? (
              history.series.length > 0 ? (
                <Chart
                  series={history.series}
                  resets={history.resets}
                  from={history.from}
                  to={history.to}
                  hidden={hidden}
                  onDrawn={() => performance.mark('chart-drawn')}
                />
              ) : (
                <p class="chart-wait">{t('dashNoHistory')}</p>
              )
            ) : (
              <p class="chart-wait">{t('popupLoadingHistory')}</p>
            )}
          </div>
        </section>
      )}

      {org && history && parts && (
        <div class="dash-columns">
          <section class="dash-panel" aria-labelledby="habits-title">
            <h2 id="habits-title" class="dash-section-title">
              {t('dashHabits')}
            </h2>
            <parts.Habits
              heat={history.heat}
              hits={history.hits}
              weeks={history.weeks}
              range={rangeId}
              onDrawn={() => performance.mark('heatmap-drawn')}
            />
          </section>
          <section class="dash-panel" aria-labelledby="windows-title">
            <h2 id="windows-title" class="dash-section-title">
              {t('dashWindows')}
            </h2>
            <parts.WindowsTable windows={history.windows} orgName={orgTitle(org)} />
          </section>
        </div>
      )}
    </main>
  );
}

/** Replace the address without a new history entry (the browser's Back leaves the page). */
function history_replace(url: URL) {
  window.history.replaceState(null, '', url);
}
