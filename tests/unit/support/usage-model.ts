import { seededRandom } from '../../fixtures/seeded-random';

/**
 * A deterministic model of one person's usage over months, for the soak test: a 5-hour session
 * window and a 7-day weekly window, each on a fixed grid, each rising through its window to a
 * peak drawn from a seeded generator (some windows stay low, some pass 100 %), and resetting.
 */

const HOUR = 3_600_000;
export const SESSION_MS = 5 * HOUR;
export const WEEK_MS = 7 * 24 * HOUR;
/** Nothing is used in the first 90 minutes of a session, so a reset is seen even after an outage. */
const SESSION_IDLE_MS = 1.5 * HOUR;

export interface ModelWindow {
  /** `session` or `weekly`: the limit ids the parser gives `five_hour` and `seven_day`. */
  limitId: 'session' | 'weekly';
  /** Which window of the grid (0, 1, ...). */
  index: number;
  percent: number;
  resetsAt: number;
}

export interface UsageModel {
  /** Both windows at time `t`. */
  at(t: number): [ModelWindow, ModelWindow];
  /** The payload claude.ai would send at time `t`, in the flat vocabulary. */
  payload(t: number): unknown;
}

/** Usage on windows that start at `anchor` (both grids), drawn from `seed`; ask only after `anchor`. */
export function usageModel(anchor: number, seed: number): UsageModel {
  const next = seededRandom(seed);
  const sessionPeaks: number[] = [];
  const weeklyPeaks: number[] = [];
  const peak = (list: number[], i: number, draw: () => number) => {
    while (list.length <= i) list.push(draw());
    return list[i]!;
  };
  // A third of sessions idle, a third moderate, a third high (up to 130 %).
  const sessionPeak = () => {
    const r = next();
    return r < 0.33 ? 0 : r < 0.66 ? Math.round(20 + next() * 60) : Math.round(80 + next() * 50);
  };
  const weeklyPeak = () => Math.round(40 + next() * 80);

  function at(t: number): [ModelWindow, ModelWindow] {
    const since = t - anchor;
    const s = Math.floor(since / SESSION_MS);
    const inSession = since - s * SESSION_MS;
    const ramp = Math.max(0, (inSession - SESSION_IDLE_MS) / (SESSION_MS - SESSION_IDLE_MS));
    const w = Math.floor(since / WEEK_MS);
    const inWeek = (since - w * WEEK_MS) / WEEK_MS;
    return [
      {
        limitId: 'session',
        index: s,
        percent: Math.round(peak(sessionPeaks, s, sessionPeak) * Math.min(1, ramp * 1.2)),
        resetsAt: anchor + (s + 1) * SESSION_MS,
      },
      {
        limitId: 'weekly',
        index: w,
        percent: Math.round(peak(weeklyPeaks, w, weeklyPeak) * inWeek),
        resetsAt: anchor + (w + 1) * WEEK_MS,
      },
    ];
  }

  return {
    at,
    payload(t) {
      const [session, weekly] = at(t);
      const window = (m: ModelWindow) => ({
        utilization: m.percent,
        resets_at: new Date(m.resetsAt).toISOString(),
      });
      return { five_hour: window(session), seven_day: window(weekly), extra_usage: null };
    },
  };
}
