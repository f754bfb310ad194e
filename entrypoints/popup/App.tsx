import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { ExtraRow } from '@/components/ExtraRow';
import { UsageRow } from '@/components/UsageRow';
import type { ReadingsChartProps } from '@/components/HistoryChart';
import { formatBalance, formatClock, formatExact, nextTickIn } from '@/lib/format';
import { askWorker, type RefreshTrigger } from '@/lib/messages';
import { t } from '@/lib/i18n';
import { levelOf } from '@/lib/levels';
import { levelWithRisk, type LimitOutlook } from '@/lib/risk';
import { seriesSlots } from '@/lib/palette';
import { currentFailure, statusOf } from '@/lib/status';
import { CLAUDE_HOST_PERMISSION } from '@/lib/usage/host';
import type { Reading } from '@/lib/usage/types';
import { verdictOf } from '@/lib/verdict';
import type * as AfterPaint from './after-paint';
import type { PopupData } from '@/lib/storage/page-data';
import { ext } from './ext';
import { later as load } from './later';

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
/** Where claude.ai shows a plan's usage itself, for plans it reports no limits for. */
const USAGE_PAGE = 'https://claude.ai/settings/usage';
/** More limits than this fold the chart behind one click, so every bar stays in view. */
const CHART_FOLDS_ABOVE = 3;

export function App({ initial }: { initial: PopupData }) {
  const [data, setData] = useState(initial);
  const [now, setNow] = useState(Date.now());
  const [refreshing, setRefreshing] = useState(false);
  const [range, setRange] = useState(RANGES[2]!);
  const [history, setHistory] = useState<Reading[] | null>(null);
  const [Chart, setChart] = useState<ComponentType<ReadingsChartProps> | null>(null);
  /**
   * Loaded after the first paint: the status line with what to do (the verdict says the headline
   * meanwhile) and the forecast, which needs the history that also comes after the bars.
   */
  const [later, setLater] = useState<typeof AfterPaint | null>(null);
  const Status = later?.StatusLine;
  const OrgSwitcher = later?.OrgSwitcher;
  const outlookOf = later?.limitOutlook;

  const { settings, latest, orgs, status } = data;
  const org = orgs.list.find((o) => o.uuid === data.selected) ?? orgs.list[0] ?? null;
  const reading = org ? latest[org.uuid] : undefined;
  const orgStatus = statusOf(status, org?.uuid);
  const failure = currentFailure(orgStatus);
  const signedOut = failure?.kind === 'signed_out';
  const stale = !!reading && now - reading.at > 3 * settings.pollMinutes * 60_000;

  // The first paint came from a plain storage read; the storage module (settings migrations,
  // change events) loads after it and keeps the data current.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void load.storage().then(({ readPopupData, watchPopupData }) => {
      if (!live) return;
      const reread = () => void readPopupData().then((d) => live && setData(d));
      stop = watchPopupData(reread);
      reread();
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  // Before the browser paints: no frame in the other theme, and the chart reads its colours from it.
  useLayoutEffect(() => {
    const theme = settings.theme;
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [settings.theme]);

  // While claude.ai asked us to wait (or a failure backoff holds), the button says until when.
  // The rule loads after the bars; until then the button just refreshes (the worker still decides).
  const refreshGate = later?.pollGate(status, 'refresh', now);
  // A few seconds' spacing after a try is not worth a clock time.
  const nextTry =
    later &&
    refreshGate &&
    !refreshGate.go &&
    refreshGate.until !== null &&
    refreshGate.until - now > later.CLICK_SPACING_MS
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
  const refresh = async (gate: typeof AfterPaint.pollGate, trigger: RefreshTrigger = 'refresh') => {
    if (!gate(data.status, trigger, Date.now()).go) return;
    setRefreshing(true);
    try {
      await askWorker(ext, { type: 'refresh', trigger });
    } finally {
      setRefreshing(false);
      setNow(Date.now());
    }
  };

  // Opening the popup refreshes old numbers, or a failure (signing in again is noticed at once);
  // held back for a few seconds only, it tries when they have passed.
  useEffect(() => {
    if (!later) return;
    const gate = later.pollGate(data.status, 'open', Date.now());
    if (gate.go) void refresh(later.pollGate, 'open');
    if (gate.go || gate.why !== 'spacing' || gate.until === null) return;
    const timer = setTimeout(
      () => void refresh(later.pollGate, 'open'),
      gate.until - Date.now() + 50,
    );
    return () => clearTimeout(timer);
  }, [!!later]);

  // History for the chart and the forecasts, asked for as the bars render (the read is async, so
  // it costs them nothing), not a frame later.
  useLayoutEffect(() => {
    if (!org) return;
    let live = true;
    const to = Date.now();
    void load
      .db()
      .then(({ historyRepo }) => historyRepo())
      .then((repo) => repo.range(org.uuid, to - Math.max(range.ms, FORECAST_HISTORY), to))
      .then((readings) => live && setHistory(readings))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [org?.uuid, range, reading?.at]);

  useEffect(() => {
    void load.afterPaint().then(setLater);
    void load.chart().then((m) => setChart(() => m.default));
  }, []);

  const shown = useMemo(
    () => (history ? history.filter((r) => r.at >= Date.now() - range.ms) : []),
    [history, range],
  );

  const limits = reading?.limits ?? [];
  const outlooks = useMemo(
    () =>
      Object.fromEntries(
        limits.map((l) => [
          l.id,
          history && outlookOf && !signedOut ? outlookOf(l, history, now) : {},
        ]),
      ) as Record<string, LimitOutlook>,
    [reading, history, outlookOf, signedOut, now],
  );
  const slots = useMemo(
    () =>
      seriesSlots([
        ...new Set([
          ...limits.map((l) => l.id),
          ...shown.flatMap((r) => r.limits.map((l) => l.id)),
        ]),
      ]),
    [reading, shown],
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
  const sessionLimit = signedOut ? undefined : reading?.limits.find((l) => l.kind === 'session');

  const allowAccess = async () => {
    if ((await ext.permissions.request({ origins: [CLAUDE_HOST_PERMISSION] })) && later)
      await refresh(later.pollGate);
  };

  return (
    <main class="popup">
      <header class="header">
        <div class="title">
          {orgs.list.length > 1 && OrgSwitcher ? (
            <>
              <h1 class="sr-only">{org?.name}</h1>
              <OrgSwitcher
                orgs={orgs.list}
                selected={org?.uuid ?? ''}
                tightest={later!.tightestOf(orgs.list, latest, settings.badge.limit)}
                levelOf={levelFor}
                onSelect={(uuid) => {
                  setHistory(null);
                  void import('@/lib/storage/items').then((m) => m.selectedOrgItem.setValue(uuid));
                }}
              />
            </>
          ) : (
            <h1 title={org?.name}>{org?.name ?? t('popupTitle')}</h1>
          )}
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
                : t('popupNextTry', [
                    formatClock(nextTry, now),
                    later!.formatDuration(nextTry - now),
                  ])
            }
            title={
              nextTry === null
                ? undefined
                : t('popupNextTry', [
                    formatClock(nextTry, now),
                    later!.formatDuration(nextTry - now),
                  ])
            }
            aria-busy={refreshing}
            aria-disabled={nextTry !== null}
            disabled={refreshing}
            onClick={() => later && void refresh(later.pollGate)}
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
              void ext.tabs
                .create({ url: ext.runtime.getURL('/dashboard.html') })
                .then(() => window.close())
            }
          >
            <span aria-hidden="true">▦</span>
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={t('popupOptions')}
            onClick={() => void ext.runtime.openOptionsPage()}
          >
            <span aria-hidden="true">⚙</span>
          </button>
        </div>
      </header>

      {verdict && <p class={`verdict tone-${verdict.tone}`}>{verdict.text}</p>}

      <div class="status-row">
        {later && Status && (
          <Status
            failure={failure}
            lastSuccessAt={orgStatus.lastSuccessAt}
            nextPollAt={status.nextPollAt}
            stale={stale}
            refreshing={refreshing}
            now={now}
            onAllowAccess={() => void allowAccess()}
            storeFailing={!!status.storeError}
            failingChannels={later.failingChannels(data.deliveries, data.routes.channels)}
            onOpenOptions={() => void ext.runtime.openOptionsPage()}
          />
        )}
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
            >
              {later?.bell(org, limit, settings, signedOut)}
            </UsageRow>
          ))}
        </ul>
      )}
      {reading && limits.length === 0 && (
        <p class="empty no-limits">
          {t('popupNoLimitsPlan')}{' '}
          <a href={USAGE_PAGE} target="_blank" rel="noreferrer">
            {t('popupUsagePage')}
          </a>
        </p>
      )}
      {!reading && !failure && <p class="empty">{t('statusReading')}</p>}

      {reading?.extra && <ExtraRow extra={reading.extra} level={levelFor} />}
      {reading?.extra && reading.prepaid?.balance && (
        <p
          class="extra"
          title={
            reading.prepaid.readAt
              ? t('popupBalanceReadAt', formatExact(reading.prepaid.readAt))
              : undefined
          }
        >
          <span>{t('popupPrepaid')}</span> {formatBalance(reading.prepaid.balance)}
        </p>
      )}

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
                readings={shown}
                history={history}
                project={sessionLimit}
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
