import { useEffect, useState } from 'preact/hooks';
import { StatusLine } from '@/components/StatusLine';
import { barValue, formatClock, formatCountdown, formatExtra, formatPercent } from '@/lib/format';
import { t } from '@/lib/i18n';
import { levelOf, type LevelThresholds } from '@/lib/levels';
import { meterLimits } from '@/lib/page-meter';
import type { Limit, Org, OrgStatus, Reading } from '@/lib/usage/types';
import type { Verdict } from '@/lib/verdict';

export interface PageMeterProps {
  org: Org | null;
  reading: Reading | undefined;
  /** The organisation's status: its failure (if current) and when it last succeeded. */
  status: OrgStatus;
  failure: OrgStatus['lastError'];
  stale: boolean;
  nextPollAt: number | null;
  thresholds: LevelThresholds;
  now: number;
  /** A floating pill (no composer found): it can be dragged by its handle. */
  floating: boolean;
  onDragStart?: (event: PointerEvent) => void;
  /** The popup's verdict line; its forecast arrives once the panel has been opened. */
  verdict: Verdict | null;
  /** The panel opened: a moment to fetch what only the panel shows. */
  onOpen?: () => void;
  onDetails: () => void;
  onClose: () => void;
}

/** A thin bar with its percent, coloured by level; greyed while the numbers are not current. */
function MiniBar({ limit, short, props }: { limit: Limit; short: string; props: PageMeterProps }) {
  const level = levelOf(limit.percent, props.thresholds);
  return (
    <span class={`mini level-${level}`}>
      <span class="mini-label" aria-hidden="true">
        {short}
      </span>
      <span
        class="mini-bar"
        role="progressbar"
        aria-label={limit.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={barValue(limit.percent)}
        aria-valuetext={formatPercent(limit.percent)}
      >
        <span class="mini-fill" style={{ width: `${barValue(limit.percent)}%` }} />
      </span>
      <span class="mini-percent">{formatPercent(limit.percent)}</span>
    </span>
  );
}

/** One row of the expanded view: name, percent, bar, and when it resets. */
function LimitLine({ limit, props }: { limit: Limit; props: PageMeterProps }) {
  const level = levelOf(limit.percent, props.thresholds);
  const { resetsAt } = limit;
  return (
    <li class={`line level-${level}`}>
      <span class="line-head">
        <span>{limit.label}</span>
        <span class="line-percent">{formatPercent(limit.percent)}</span>
      </span>
      <span
        class="mini-bar wide"
        role="progressbar"
        aria-label={limit.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={barValue(limit.percent)}
        aria-valuetext={formatPercent(limit.percent)}
      >
        <span class="mini-fill" style={{ width: `${barValue(limit.percent)}%` }} />
      </span>
      <span class="line-foot">
        {resetsAt !== null && resetsAt > props.now
          ? `${t('countdownResetsIn', formatCountdown(resetsAt, props.now))} · ${formatClock(resetsAt, props.now)}`
          : formatCountdown(resetsAt, props.now)}
      </span>
    </li>
  );
}

/**
 * The meter beside claude.ai's message box: the session and weekly limits as two thin bars and
 * the session's countdown; hover, focus or a click opens every limit, the extra usage and the
 * status in the popup's words. It never takes focus by itself.
 */
export function PageMeter(props: PageMeterProps) {
  const [pinned, setPinned] = useState(false);
  const [hover, setHover] = useState(false);
  const [focused, setFocused] = useState(false);
  const open = pinned || hover || focused;
  useEffect(() => {
    if (open) props.onOpen?.();
  }, [open, props.reading?.at]);
  const { reading, failure, stale, now } = props;
  const { session, weekly, binding } = reading
    ? meterLimits(reading)
    : { session: null, weekly: null, binding: null };
  const notCurrent = !!failure || stale;

  let summary: preact.ComponentChild;
  if (!reading)
    summary = (
      <span class="mini-text">
        {failure?.kind === 'signed_out' ? t('statusSignedOut') : t('statusReading')}
      </span>
    );
  else if (reading.limits.length === 0)
    summary = <span class="mini-text">{t('popupNoLimits')}</span>;
  else
    summary = (
      <>
        {session && <MiniBar limit={session} short={t('meterSessionShort')} props={props} />}
        {weekly && <MiniBar limit={weekly} short={t('meterWeeklyShort')} props={props} />}
        {binding && (
          <span
            class={`dot level-${levelOf(binding.percent, props.thresholds)}`}
            role="img"
            aria-label={`${binding.label} ${formatPercent(binding.percent)}`}
            title={`${binding.label} ${formatPercent(binding.percent)}`}
          />
        )}
        {session?.resetsAt != null && session.resetsAt > now && (
          <span class="mini-text">{formatCountdown(session.resetsAt, now)}</span>
        )}
      </>
    );

  return (
    <div
      class={`meter${open ? ' open' : ''}${notCurrent ? ' not-current' : ''}${props.floating ? ' floating' : ''}`}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={(e) => {
        const next = (e as FocusEvent).relatedTarget as Node | null;
        if (!next || !(e.currentTarget as HTMLElement).contains(next)) setFocused(false);
      }}
      // A click on the meter must not take the caret out of claude.ai's message box.
      onPointerDown={(e) => {
        if ((e.target as Element).closest('button, a')) e.preventDefault();
      }}
    >
      {open && (
        <section class="panel" aria-label={t('meterDetailsTitle')}>
          {props.org && (
            <p class="panel-org">
              <span class="panel-name">{props.org.name}</span>
              {props.org.plan && <span class="panel-plan">{props.org.plan}</span>}
            </p>
          )}
          {props.verdict && (
            <p class={`panel-verdict tone-${props.verdict.tone}`}>{props.verdict.text}</p>
          )}
          <StatusLine
            failure={failure}
            lastSuccessAt={props.status.lastSuccessAt}
            nextPollAt={props.nextPollAt}
            stale={stale}
            refreshing={false}
            now={now}
          />
          {reading && reading.limits.length > 0 && (
            <ul class="lines">
              {reading.limits.map((limit) => (
                <LimitLine key={limit.id} limit={limit} props={props} />
              ))}
            </ul>
          )}
          {reading?.extra && (
            <p class="panel-extra">
              {t('popupExtraUsage')} {formatExtra(reading.extra)}
            </p>
          )}
          <p class="panel-actions">
            <button type="button" class="link" onClick={props.onDetails}>
              {t('meterDetails')}
            </button>
            <button type="button" class="link" onClick={props.onClose}>
              {t('meterHide')}
            </button>
          </p>
        </section>
      )}
      {/* The bars stay outside the button: a button's content is hidden from screen readers. */}
      <div class="strip" onClick={() => setPinned(!pinned)}>
        {props.floating && (
          <span
            class="handle"
            aria-hidden="true"
            title={t('meterDrag')}
            onPointerDown={(e) => props.onDragStart?.(e as PointerEvent)}
            onClick={(e) => e.stopPropagation()}
          >
            ⠿
          </span>
        )}
        {summary}
        {notCurrent && (
          <span class="stale-mark" aria-hidden="true">
            !
          </span>
        )}
        <button type="button" class="toggle" aria-expanded={open} aria-label={t('meterOpen')}>
          <span aria-hidden="true">{open ? '▾' : '▴'}</span>
        </button>
      </div>
    </div>
  );
}
