import {
  barValue,
  formatClock,
  formatCountdown,
  formatExtra,
  formatPercent,
} from '@/lib/display/format';
import { t } from '@/lib/display/i18n';
import { levelOf, type Level, type LevelThresholds } from '@/lib/display/levels';
import { meterLimits } from '@/lib/meter/page-meter';
import { levelWithRisk, type LimitOutlook } from '@/lib/forecast/risk';
import { statusText } from '@/lib/display/status-text';
import type { Limit, Org, OrgStatus, Reading } from '@/lib/usage/types';
import type { Verdict } from '@/lib/display/verdict';
import { el, sync, type Child } from './dom';

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
  /** A press on the pill's handle: the start of a drag. */
  onDragStart?: (event: PointerEvent, handle: HTMLElement) => void;
  /** The popup's verdict line, made when the panel opens. */
  verdict: () => Verdict | null;
  /** Each limit's forecast by id, as the popup has it: a limit at risk is at least amber. */
  outlooks: Readonly<Record<string, LimitOutlook>>;
  onDetails: () => void;
  onClose: () => void;
}

export interface PageMeterView {
  /** Draw these props; elements that come out the same are kept (focus, a drag's capture). */
  update(props: PageMeterProps): void;
  /** Whether the panel is open (hovered, focused or pinned by a click). */
  readonly open: boolean;
}

/** A limit's colour: by its percent, and at least amber when its forecast runs out before the reset. */
const levelFor = (limit: Limit, props: PageMeterProps): Level =>
  levelWithRisk(levelOf(limit.percent, props.thresholds), props.outlooks[limit.id]);

/** A limit's bar: a labelled progressbar with the rounded percent (clamped for the fill). */
function bar(limit: Limit, wide = false): HTMLElement {
  const value = barValue(limit.percent);
  return el(
    'span',
    {
      class: `mini-bar${wide ? ' wide' : ''}`,
      role: 'progressbar',
      'aria-label': limit.label,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': value,
      'aria-valuetext': formatPercent(limit.percent),
    },
    el('span', { class: 'mini-fill', style: `width: ${value}%;` }),
  );
}

/** A thin bar with its percent, coloured by level; greyed while the numbers are not current. */
const miniBar = (limit: Limit, short: string, props: PageMeterProps) =>
  el(
    'span',
    { class: `mini level-${levelFor(limit, props)}` },
    el('span', { class: 'mini-label', 'aria-hidden': 'true' }, short),
    bar(limit),
    el('span', { class: 'mini-percent' }, formatPercent(limit.percent)),
  );

/** One row of the expanded view: name, percent, bar, and when it resets. */
function limitLine(limit: Limit, props: PageMeterProps): HTMLElement {
  const { resetsAt } = limit;
  return el(
    'li',
    { class: `line level-${levelFor(limit, props)}` },
    el(
      'span',
      { class: 'line-head' },
      el('span', {}, limit.label),
      el('span', { class: 'line-percent' }, formatPercent(limit.percent)),
    ),
    bar(limit, true),
    el(
      'span',
      { class: 'line-foot' },
      resetsAt !== null && resetsAt > props.now
        ? `${t('countdownResetsIn', formatCountdown(resetsAt, props.now))} · ${formatClock(resetsAt, props.now)}`
        : formatCountdown(resetsAt, props.now),
    ),
  );
}

/** The compact strip's content before its toggle: the two bars, a cap's dot, the countdown. */
function summary(props: PageMeterProps): Child[] {
  const { reading, failure, now } = props;
  if (!reading)
    return [
      el(
        'span',
        { class: 'mini-text' },
        failure?.kind === 'signed_out' ? t('statusSignedOut') : t('statusReading'),
      ),
    ];
  if (reading.limits.length === 0) return [el('span', { class: 'mini-text' }, t('popupNoLimits'))];
  const { session, weekly, binding } = meterLimits(reading);
  const cap = binding && `${binding.label} ${formatPercent(binding.percent)}`;
  return [
    session && miniBar(session, t('meterSessionShort'), props),
    weekly && miniBar(weekly, t('meterWeeklyShort'), props),
    binding &&
      el('span', {
        class: `dot level-${levelFor(binding, props)}`,
        role: 'img',
        'aria-label': cap,
        title: cap,
      }),
    session?.resetsAt != null &&
      session.resetsAt > now &&
      el('span', { class: 'mini-text' }, formatCountdown(session.resetsAt, now)),
  ];
}

/** The status line, in the popup's words (`StatusLine` draws the same for the popup). */
function statusLine(props: PageMeterProps): HTMLElement {
  const { text, action } = statusText({
    failure: props.failure,
    lastSuccessAt: props.status.lastSuccessAt,
    nextPollAt: props.nextPollAt,
    stale: props.stale,
    refreshing: false,
    now: props.now,
  });
  return el(
    'p',
    { class: `status${props.failure ? ' status-problem' : ''}`, role: 'status' },
    text,
    action && ' ',
    action?.kind === 'link' &&
      el('a', { href: action.href, target: '_blank', rel: 'noreferrer' }, action.label),
    action?.kind === 'allow-access' &&
      el('button', { type: 'button', class: 'link-button' }, action.label),
  );
}

/** Every limit, the verdict, the status and the extra usage: what hover, focus or a click opens. */
function panelContent(props: PageMeterProps): Child[] {
  const { org, reading } = props;
  const verdict = props.verdict();
  return [
    org &&
      el(
        'p',
        { class: 'panel-org' },
        el('span', { class: 'panel-name' }, org.name),
        org.plan && el('span', { class: 'panel-plan' }, org.plan),
      ),
    verdict && el('p', { class: `panel-verdict tone-${verdict.tone}` }, verdict.text),
    statusLine(props),
    reading &&
      reading.limits.length > 0 &&
      el('ul', { class: 'lines' }, ...reading.limits.map((limit) => limitLine(limit, props))),
    reading?.extra &&
      el('p', { class: 'panel-extra' }, `${t('popupExtraUsage')} ${formatExtra(reading.extra)}`),
  ];
}

/**
 * The meter beside claude.ai's message box, drawn into `root`: the session and weekly limits as
 * two thin bars and the session's countdown; hover, focus or a click opens every limit, the
 * extra usage and the status in the popup's words. It never takes focus by itself. Plain DOM: a
 * component library would be half of the content script's budget on every claude.ai page.
 */
export function createPageMeter(root: HTMLElement): PageMeterView {
  let props: PageMeterProps | null = null;
  let pinned = false;
  let hover = false;
  let focused = false;
  const toggle = el(
    'button',
    { type: 'button', class: 'toggle', 'aria-label': t('meterOpen') },
    el('span', { 'aria-hidden': 'true' }),
  );
  const strip = el('div', { class: 'strip' }, toggle);
  // The panel is made when it first opens: most page loads never open it.
  let parts: { panel: HTMLElement; actions: HTMLElement } | undefined;
  const panelParts = () => {
    if (parts) return parts;
    const actions = el(
      'p',
      { class: 'panel-actions' },
      el('button', { type: 'button', class: 'link', 'data-do': 'details' }, t('meterDetails')),
      el('button', { type: 'button', class: 'link', 'data-do': 'close' }, t('meterHide')),
    );
    const panel = el('section', { class: 'panel', 'aria-label': t('meterDetailsTitle') }, actions);
    return (parts = { panel, actions });
  };
  const meter = el('div', { class: 'meter' }, strip);
  root.append(meter);

  const isOpen = () => pinned || hover || focused;
  const draw = () => {
    if (!props) return;
    const open = isOpen();
    const notCurrent = !!props.failure || props.stale;
    meter.className = `meter${open ? ' open' : ''}${notCurrent ? ' not-current' : ''}${props.floating ? ' floating' : ''}`;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.firstChild!.textContent = open ? '▾' : '▴';
    sync(strip, [
      props.floating &&
        el('span', { class: 'handle', 'aria-hidden': 'true', title: t('meterDrag') }, '⠿'),
      ...summary(props),
      notCurrent && el('span', { class: 'stale-mark', 'aria-hidden': 'true' }, '!'),
      toggle,
    ]);
    if (open) {
      const { panel, actions } = panelParts();
      sync(panel, [...panelContent(props), actions]);
      if (!panel.isConnected) meter.prepend(panel);
    } else parts?.panel.remove();
  };

  // One listener per kind on the meter, reading the latest props: redrawn elements need none.
  const set = (change: () => void) => () => {
    change();
    draw();
  };
  meter.addEventListener(
    'mouseenter',
    set(() => (hover = true)),
  );
  meter.addEventListener(
    'mouseleave',
    set(() => (hover = false)),
  );
  meter.addEventListener(
    'focusin',
    set(() => (focused = true)),
  );
  meter.addEventListener('focusout', (e) => {
    const next = e.relatedTarget as Node | null;
    if (next && meter.contains(next)) return;
    focused = false;
    draw();
  });
  meter.addEventListener('pointerdown', (e) => {
    const target = e.target as Element;
    const handle = target.closest<HTMLElement>('.handle');
    if (handle) props?.onDragStart?.(e, handle);
    // A click on the meter must not take the caret out of claude.ai's message box.
    else if (target.closest('button, a')) e.preventDefault();
  });
  meter.addEventListener('click', (e) => {
    const target = e.target as Element;
    const action = target.closest('[data-do]')?.getAttribute('data-do');
    if (action === 'details') props?.onDetails();
    if (action === 'close') props?.onClose();
    if (target.closest('.handle') || !target.closest('.strip')) return;
    pinned = !pinned;
    draw();
  });

  return {
    update(next) {
      props = next;
      draw();
    },
    get open() {
      return isOpen();
    },
  };
}
