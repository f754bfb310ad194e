const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface Tick {
  at: number;
  label: string;
}

type Unit = { kind: 'minute' | 'hour'; step: number } | { kind: 'day'; step: number };

/** The step for a span: about four to seven ticks, always whole quarter hours, hours or days. */
export function tickUnit(spanMs: number): Unit {
  if (spanMs <= 1.5 * HOUR) return { kind: 'minute', step: 15 };
  if (spanMs <= 6 * HOUR) return { kind: 'hour', step: 1 };
  if (spanMs <= 30 * HOUR) return { kind: 'hour', step: 6 };
  if (spanMs <= 8 * DAY) return { kind: 'day', step: 1 };
  return { kind: 'day', step: 7 };
}

/** The first local boundary of `unit` after `from` (exclusive). */
function firstAfter(from: number, unit: Unit): Date {
  const d = new Date(from);
  if (unit.kind === 'minute') {
    d.setSeconds(0, 0);
    d.setMinutes(Math.floor(d.getMinutes() / unit.step) * unit.step);
  } else if (unit.kind === 'hour') {
    d.setMinutes(0, 0, 0);
    d.setHours(Math.floor(d.getHours() / unit.step) * unit.step);
  } else d.setHours(0, 0, 0, 0);
  while (d.getTime() <= from) advance(d, unit);
  return d;
}

function advance(d: Date, unit: Unit): void {
  // Local setters, so hours and midnights stay whole across a daylight-saving change.
  if (unit.kind === 'minute') d.setMinutes(d.getMinutes() + unit.step);
  else if (unit.kind === 'hour') d.setHours(d.getHours() + unit.step);
  else d.setDate(d.getDate() + unit.step);
}

function formatter(unit: Unit, locale?: string): Intl.DateTimeFormat {
  if (unit.kind !== 'day')
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return new Intl.DateTimeFormat(
    locale,
    unit.step === 1 ? { weekday: 'short' } : { day: 'numeric', month: 'short' },
  );
}

/**
 * The time axis ticks of (`from`, `to`]: whole quarter hours, hours or local midnights in the
 * person's time zone, labelled in their locale; a label already used (a daylight-saving hour
 * that repeats) is left out rather than shown twice. Pure but for the local time zone.
 */
export function timeTicks(from: number, to: number, locale?: string): Tick[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return [];
  const unit = tickUnit(to - from);
  const format = formatter(unit, locale);
  const ticks: Tick[] = [];
  const seen = new Set<string>();
  for (const d = firstAfter(from, unit); d.getTime() <= to && ticks.length < 12; advance(d, unit)) {
    const label = format.format(d);
    if (seen.has(label)) continue;
    seen.add(label);
    ticks.push({ at: d.getTime(), label });
  }
  return ticks;
}
