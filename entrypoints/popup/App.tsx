import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ExtraRow, PrepaidRow } from '@/components/ExtraRow';
import { UsageRow } from '@/components/UsageRow';
import type { ReadingsChartProps } from '@/components/HistoryChart';
import type { RefreshTrigger } from '@/lib/messages';
import { t } from '@/lib/display/i18n';
import { levelOf } from '@/lib/display/levels';
import { levelWithRisk, type LimitOutlook } from '@/lib/forecast/risk';
import { seriesSlots } from '@/lib/display/palette';
import { currentFailure, statusOf } from '@/lib/poll/status';
import type { Reading } from '@/lib/usage/types';
import { verdictOf } from '@/lib/display/verdict';
import type * as AfterPaint from './after-paint';
import type { PopupData } from '@/lib/storage/page-data';
import { ext } from './ext';
import { Actions } from './Actions';
import { HistoryPanel, RANGES } from './HistoryPanel';
import { useHistory, useStoredData, useTheme, useTicks } from './hooks';
import { later as load } from './later';

const H = 3_600_000;
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
  const Status = later?.PopupStatus;
  const OrgSwitcher = later?.OrgSwitcher;
  const outlookOf = later?.limitOutlook;

  const { settings, latest, orgs, status } = data;
  const org = orgs.list.find((o) => o.uuid === data.selected) ?? orgs.list[0] ?? null;
  const reading = org ? latest[org.uuid] : undefined;
  const orgStatus = statusOf(status, org?.uuid);
  const failure = currentFailure(orgStatus);
  const signedOut = failure?.kind === 'signed_out';
  const stale = !!reading && now - reading.at > 3 * settings.pollMinutes * 60_000;

  useStoredData(setData);
  useTheme(settings.theme);

  // While claude.ai asked us to wait (or a failure backoff holds), the button says until when.
  const nextTry = later?.nextTryOf(status, now) ?? null;

  useTicks(reading?.limits, nextTry, now, setNow);

  // The rule loads after the bars: a click before then waits for it.
  const refresh = (trigger: RefreshTrigger = 'refresh') =>
    load.afterPaint().then((after) =>
      after.refreshNow(data.status, trigger, (on) => {
        setRefreshing(on);
        if (!on) setNow(Date.now());
      }),
    );

  useEffect(() => later?.refreshOnOpen(data.status, () => void refresh('open')), [!!later]);

  useHistory(org?.uuid, Math.max(range.ms, FORECAST_HISTORY), reading?.at, setHistory);

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

  return (
    <main class="popup">
      <header class="header">
        <div class="title">
          {orgs.list.length > 1 && OrgSwitcher ? (
            <>
              <h1 class="sr-only">{org && later!.orgTitle(org)}</h1>
              <OrgSwitcher
                orgs={orgs.list}
                selected={org?.uuid ?? ''}
                tightest={later!.tightestOf(orgs.list, latest, settings.badge.limit)}
                levelOf={levelFor}
                onSelect={(uuid) => {
                  setHistory(null);
                  void later!.storeSelectedOrg(ext, uuid);
                }}
              />
            </>
          ) : (
            // An added login's organisation is named with its account once the names load.
            <h1 title={org?.name}>
              {(org && later?.orgTitle(org)) ?? org?.name ?? t('popupTitle')}
            </h1>
          )}
        </div>
        <Actions
          nextTry={nextTry}
          now={now}
          refreshing={refreshing}
          later={later}
          orgId={org?.uuid ?? null}
          onRefresh={() => void refresh()}
        />
      </header>

      {verdict && <p class={`verdict tone-${verdict.tone}`}>{verdict.text}</p>}

      <div class="status-row">
        {later && Status && (
          <Status
            data={data}
            failure={failure}
            lastSuccessAt={orgStatus.lastSuccessAt}
            stale={stale}
            refreshing={refreshing}
            now={now}
            onRefresh={refresh}
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
        <PrepaidRow balance={reading.prepaid.balance} readAt={reading.prepaid.readAt} />
      )}

      {org && (
        <HistoryPanel
          folded={limits.length > CHART_FOLDS_ABOVE}
          range={range}
          onRange={setRange}
          chart={
            Chart && history ? (
              <Chart
                readings={shown}
                history={history}
                project={sessionLimit}
                slots={slots}
                from={minute - range.ms}
                to={minute}
                onDrawn={() => performance.mark('chart-drawn')}
              />
            ) : null
          }
        />
      )}
    </main>
  );
}
