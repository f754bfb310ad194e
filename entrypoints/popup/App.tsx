import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OrgSwitcher } from '@/components/OrgSwitcher';
import { ExtraRow } from '@/components/ExtraRow';
import { StatusLine } from '@/components/StatusLine';
import { UsageRow } from '@/components/UsageRow';
import type { HistoryChartProps } from '@/components/HistoryChart';
import { badgeLimit } from '@/lib/badge';
import { failingChannels } from '@/lib/channels/health';
import { projectionSeries, toSeries } from '@/lib/chart-points';
import { createSnapshotRepo, openUsageDb } from '@/lib/db';
import { nextTickIn } from '@/lib/format';
import { t } from '@/lib/i18n';
import { levelOf } from '@/lib/levels';
import { levelWithRisk, limitOutlook, type LimitOutlook } from '@/lib/outlook';
import { seriesSlots } from '@/lib/palette';
import { selectedOrgItem } from '@/lib/settings';
import { currentFailure, statusOf } from '@/lib/status';
import { CLAUDE_HOST_PERMISSION } from '@/lib/usage/client';
import type { Reading } from '@/lib/usage/types';
import { verdictOf } from '@/lib/verdict';
import { readPopupData, watchPopupData, type PopupData } from './data';

const H = 3_600_000;
const RANGES = [
  { label: () => t('durationHours', 1), ms: H },
  { label: () => t('durationHours', 5), ms: 5 * H },
  { label: () => t('durationHours', 24), ms: 24 * H },
  { label: () => t('durationDays', 7), ms: 7 * 24 * H },
  { label: () => t('durationDays', 30), ms: 30 * 24 * H },
];
/** The forecast looks back a day at most; the chart may look further. */
const FORECAST_HISTORY = 24 * H;
/** More limits than this fold the chart behind one click, so every bar stays in view. */
const CHART_FOLDS_ABOVE = 3;

export function App({ initial }: { initial: PopupData }) {
  const [data, setData] = useState(initial);
  const [now, setNow] = useState(Date.now());
  const [refreshing, setRefreshing] = useState(false);
  const [range, setRange] = useState(RANGES[2]!);
  const [history, setHistory] = useState<Reading[] | null>(null);
  const [Chart, setChart] = useState<ComponentType<HistoryChartProps> | null>(null);

  const { settings, latest, orgs, status } = data;
  const org = orgs.list.find((o) => o.uuid === data.selected) ?? orgs.list[0] ?? null;
  const reading = org ? latest[org.uuid] : undefined;
  const orgStatus = statusOf(status, org?.uuid);
  const failure = currentFailure(orgStatus);
  const signedOut = failure?.kind === 'signed_out';
  const stale = !!reading && now - reading.at > 3 * settings.pollMinutes * 60_000;

  useEffect(() => watchPopupData(() => void readPopupData().then(setData)), []);

  useEffect(() => {
    const theme = settings.theme;
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [settings.theme]);

  // One timer for every countdown: the next moment any of their texts changes.
  useEffect(() => {
    const ticks = (reading?.limits ?? [])
      .map((l) => nextTickIn(l.resetsAt, now))
      .filter((t): t is number => t !== null);
    const delay = Math.min(60_000, ...ticks);
    const timer = setTimeout(() => setNow(Date.now()), delay + 5);
    return () => clearTimeout(timer);
  }, [now, reading]);

  const refresh = async () => {
    setRefreshing(true);
    try {
      await browser.runtime.sendMessage({ type: 'refresh' });
    } finally {
      setRefreshing(false);
      setNow(Date.now());
    }
  };

  // Opening the popup refreshes numbers older than a minute; the stored ones show meanwhile.
  useEffect(() => {
    if (!orgStatus.lastSuccessAt || Date.now() - orgStatus.lastSuccessAt > 60_000) void refresh();
  }, []);

  // History for the chart and the forecasts, after the bars are on screen.
  useEffect(() => {
    if (!org) return;
    let live = true;
    const to = Date.now();
    void openUsageDb()
      .then((db) =>
        createSnapshotRepo(db).range(org.uuid, to - Math.max(range.ms, FORECAST_HISTORY), to),
      )
      .then((readings) => live && setHistory(readings))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [org?.uuid, range, reading?.at]);

  useEffect(() => {
    void import('@/components/HistoryChart').then((m) => setChart(() => m.default));
  }, []);

  const series = useMemo(
    () => (history ? toSeries(history.filter((r) => r.at >= Date.now() - range.ms)) : []),
    [history, range],
  );

  const limits = reading?.limits ?? [];
  const outlooks = useMemo(
    () =>
      Object.fromEntries(
        limits.map((l) => [l.id, history && !signedOut ? limitOutlook(l, history, now) : {}]),
      ) as Record<string, LimitOutlook>,
    [reading, history, signedOut, now],
  );
  const slots = useMemo(
    () => seriesSlots([...new Set([...limits.map((l) => l.id), ...series.map((s) => s.id)])]),
    [reading, series],
  );
  const verdict = verdictOf({
    limits,
    outlooks,
    failure,
    lastSuccessAt: orgStatus.lastSuccessAt,
    stale,
    now,
  });
  const levelFor = (percent: number) => levelOf(percent, settings.badge);

  // The chart moves on the minute, not with every second of a countdown.
  const minute = Math.ceil(now / 60_000) * 60_000;

  // The session's "at this pace" line to its reset, as the forecast notification sees it.
  const sessionLimit = reading?.limits.find((l) => l.kind === 'session');
  const projections = useMemo(() => {
    const line =
      sessionLimit && history && !signedOut
        ? projectionSeries(sessionLimit, history, minute)
        : null;
    return line ? [line] : [];
  }, [sessionLimit, history, signedOut, minute]);

  const allowAccess = async () => {
    if (await browser.permissions.request({ origins: [CLAUDE_HOST_PERMISSION] })) await refresh();
  };

  const tightest = Object.fromEntries(
    orgs.list.map((o) => [
      o.uuid,
      latest[o.uuid] ? badgeLimit(latest[o.uuid]!, settings.badge.limit)?.percent : undefined,
    ]),
  );

  return (
    <main class="popup">
      <header class="header">
        <div class="title">
          {orgs.list.length > 1 ? (
            <>
              <h1 class="sr-only">{org?.name}</h1>
              <OrgSwitcher
                orgs={orgs.list}
                selected={org?.uuid ?? ''}
                tightest={tightest}
                levelOf={levelFor}
                onSelect={(uuid) => {
                  setHistory(null);
                  void selectedOrgItem.setValue(uuid);
                }}
              />
            </>
          ) : (
            <h1 title={org?.name}>{org?.name ?? t('popupTitle')}</h1>
          )}
        </div>
        <div class="actions">
          <button
            type="button"
            class="icon-button"
            aria-label={t('popupRefresh')}
            aria-busy={refreshing}
            disabled={refreshing}
            onClick={() => void refresh()}
          >
            <span class={refreshing ? 'spin' : ''} aria-hidden="true">
              ↻
            </span>
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={t('popupOptions')}
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            <span aria-hidden="true">⚙</span>
          </button>
        </div>
      </header>

      {verdict && <p class={`verdict tone-${verdict.tone}`}>{verdict.text}</p>}

      <div class="status-row">
        <StatusLine
          failure={failure}
          lastSuccessAt={orgStatus.lastSuccessAt}
          nextPollAt={status.nextPollAt}
          stale={stale}
          refreshing={refreshing}
          now={now}
          onAllowAccess={() => void allowAccess()}
          storeFailing={!!status.storeError}
          failingChannels={failingChannels(data.deliveries, data.routes.channels)}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
        />
        {org?.plan && <span class="plan">{org.plan}</span>}
      </div>

      {limits.length > 0 && (
        <ul class={`rows${signedOut ? ' dimmed' : ''}`} aria-label={t('popupLimits')}>
          {limits.map((limit) => (
            <UsageRow
              key={limit.id}
              limit={limit}
              level={levelWithRisk(levelFor(limit.percent), outlooks[limit.id])}
              now={now}
              outlook={outlooks[limit.id]}
              slot={slots[limit.id]}
              dimmed={signedOut}
            />
          ))}
        </ul>
      )}
      {reading && limits.length === 0 && <p class="empty">{t('popupNoLimits')}</p>}
      {!reading && !failure && <p class="empty">{t('statusReading')}</p>}

      {reading?.extra && <ExtraRow extra={reading.extra} level={levelFor} />}

      {org && (
        <details
          class="history"
          open={limits.length <= CHART_FOLDS_ABOVE}
          aria-label={t('popupHistory')}
        >
          <summary class={limits.length <= CHART_FOLDS_ABOVE ? 'sr-only' : ''}>
            {t('popupHistory')}
          </summary>
          <div class="ranges" role="group" aria-label={t('popupHistoryRange')}>
            {RANGES.map((r) => (
              <button
                type="button"
                key={r.ms}
                aria-pressed={r === range}
                onClick={() => setRange(r)}
              >
                {r.label()}
              </button>
            ))}
          </div>
          <div class="chart-box">
            {Chart && history ? (
              <Chart
                series={series}
                projections={projections}
                slots={slots}
                from={minute - range.ms}
                to={minute}
                onDrawn={() => performance.mark('chart-drawn')}
              />
            ) : (
              <p class="chart-wait">{t('popupLoadingHistory')}</p>
            )}
          </div>
        </details>
      )}
    </main>
  );
}
