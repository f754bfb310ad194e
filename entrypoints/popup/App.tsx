import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OrgSwitcher } from '@/components/OrgSwitcher';
import { StatusLine } from '@/components/StatusLine';
import { UsageRow } from '@/components/UsageRow';
import type { HistoryChartProps } from '@/components/HistoryChart';
import { badgeLimit } from '@/lib/badge';
import { failingChannels } from '@/lib/channels/health';
import { projectionSeries, toSeries } from '@/lib/chart-points';
import { createSnapshotRepo, openUsageDb } from '@/lib/db';
import { limitOutlook } from '@/lib/forecast-text';
import { formatDuration } from '@/lib/duration';
import { formatClock, formatExtra, nextTickIn } from '@/lib/format';
import type { Message, RefreshTrigger } from '@/lib/messages';
import { CLICK_SPACING_MS, pollGate } from '@/lib/poll-gate';
import { t } from '@/lib/i18n';
import { levelOf } from '@/lib/levels';
import { selectedOrgItem } from '@/lib/settings';
import { currentFailure, statusOf } from '@/lib/status';
import { CLAUDE_HOST_PERMISSION } from '@/lib/usage/client';
import type { Reading } from '@/lib/usage/types';
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

  // While claude.ai asked us to wait (or a failure backoff holds), the button says until when.
  const refreshGate = pollGate(status, 'refresh', now);
  // A few seconds' spacing after a try is not worth a clock time.
  const nextTry =
    !refreshGate.go && refreshGate.until !== null && refreshGate.until - now > CLICK_SPACING_MS
      ? refreshGate.until
      : null;

  // One timer for every countdown: the next moment any of their texts changes.
  useEffect(() => {
    const ticks = (reading?.limits ?? [])
      .map((l) => nextTickIn(l.resetsAt, now))
      .filter((t): t is number => t !== null);
    if (nextTry !== null && nextTry > now) ticks.push(nextTry - now);
    const delay = Math.min(60_000, ...ticks);
    const timer = setTimeout(() => setNow(Date.now()), delay + 5);
    return () => clearTimeout(timer);
  }, [now, reading, nextTry]);

  // The worker decides by the same rule; asking here first spares a spinner that would do nothing.
  const refresh = async (trigger: RefreshTrigger = 'refresh') => {
    if (!pollGate(data.status, trigger, Date.now()).go) return;
    setRefreshing(true);
    try {
      await browser.runtime.sendMessage({ type: 'refresh', trigger } satisfies Message);
    } finally {
      setRefreshing(false);
      setNow(Date.now());
    }
  };

  // Opening the popup refreshes old numbers, or a failure (signing in again is noticed at once);
  // held back for a few seconds only, it tries when they have passed.
  useEffect(() => {
    const gate = pollGate(data.status, 'open', Date.now());
    if (gate.go) void refresh('open');
    if (gate.go || gate.why !== 'spacing' || gate.until === null) return;
    const timer = setTimeout(() => void refresh('open'), gate.until - Date.now() + 50);
    return () => clearTimeout(timer);
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
          <h1>{org?.name ?? t('popupTitle')}</h1>
          {org?.plan && <span class="plan">{org.plan}</span>}
        </div>
        <div class="actions">
          {nextTry !== null && (
            <span class="next-try" aria-hidden="true">
              {formatClock(nextTry, now)}
            </span>
          )}
          <button
            type="button"
            class="icon-button"
            aria-label={
              nextTry === null
                ? t('popupRefresh')
                : t('popupNextTry', [formatClock(nextTry, now), formatDuration(nextTry - now)])
            }
            title={
              nextTry === null
                ? undefined
                : t('popupNextTry', [formatClock(nextTry, now), formatDuration(nextTry - now)])
            }
            aria-busy={refreshing}
            aria-disabled={nextTry !== null}
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
            aria-label={t('popupDashboard')}
            title={t('popupDashboard')}
            onClick={() =>
              void browser.tabs
                .create({ url: browser.runtime.getURL('/dashboard.html') })
                .then(() => window.close())
            }
          >
            <span aria-hidden="true">▦</span>
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

      <OrgSwitcher
        orgs={orgs.list}
        selected={org?.uuid ?? ''}
        tightest={tightest}
        onSelect={(uuid) => {
          setHistory(null);
          void selectedOrgItem.setValue(uuid);
        }}
      />

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

      {reading && reading.limits.length > 0 && (
        <ul class={`rows${signedOut ? ' dimmed' : ''}`} aria-label={t('popupLimits')}>
          {reading.limits.map((limit) => {
            const outlook =
              history && !signedOut ? limitOutlook(limit, history, now) : { hints: [] };
            return (
              <UsageRow
                key={limit.id}
                limit={limit}
                level={levelOf(limit.percent, settings.badge)}
                now={now}
                hints={outlook.hints}
                paceMarker={outlook.percentAtReset}
                dimmed={signedOut}
              />
            );
          })}
        </ul>
      )}
      {reading && reading.limits.length === 0 && <p class="empty">{t('popupNoLimits')}</p>}
      {!reading && !failure && <p class="empty">{t('statusReading')}</p>}

      {reading?.extra && (
        <p class="extra">
          <span>{t('popupExtraUsage')}</span> {formatExtra(reading.extra)}
        </p>
      )}

      {org && (
        <section class="history" aria-label={t('popupHistory')}>
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
                from={minute - range.ms}
                to={minute}
                onDrawn={() => performance.mark('chart-drawn')}
              />
            ) : (
              <p class="chart-wait">{t('popupLoadingHistory')}</p>
            )}
          </div>
        </section>
      )}
    </main>
  );
}
