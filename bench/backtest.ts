import { forecast, forecastOptions, type Point } from '../lib/forecast/forecast';
import { seededRandom } from '../tests/fixtures/seeded-random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const WINDOW = 5 * HOUR;
const STEP = 2 * MIN;

/**
 * One recorded-style 5-hour session: bursts of work at a varying pace, idle spells, readings every
 * two minutes rounded to whole percents as the API sends them. Returns the readings and the time
 * the limit was actually reached (or null when it lasted).
 */
function session(rand: () => number): { points: Point[]; fullAt: number | null } {
  const points: Point[] = [];
  let percent = 0;
  let rate = 10 + rand() * 30; // percentage points per hour while working
  let working = true;
  let fullAt: number | null = null;
  for (let t = 0; t <= WINDOW; t += STEP) {
    if (rand() < 0.08) working = !working;
    if (rand() < 0.1) rate = Math.max(2, rate * (0.7 + rand() * 0.6));
    if (t > 0 && working) percent += (rate * STEP) / HOUR;
    if (fullAt === null && percent >= 100) fullAt = t;
    points.push({ at: t, percent: Math.min(100, Math.round(percent)) });
    if (percent >= 100) break;
  }
  return { points, fullAt };
}

export interface BacktestResult {
  sessions: number;
  projections: number;
  /** Median |projected full time − actual| in minutes, over sessions that ran out. */
  medianAbsErrorMin: number;
  /** Share of projections whose verdict (runs out before reset or not) came true. */
  verdictAccuracy: number;
}

/** Replay many sessions, forecasting at every reading from the first half hour on. */
export function runBacktest(
  count = 400,
  seed = 42,
  options = forecastOptions('session'),
): BacktestResult {
  const rand = seededRandom(seed);
  const errors: number[] = [];
  let verdicts = 0;
  let right = 0;
  for (let i = 0; i < count; i++) {
    const { points, fullAt } = session(rand);
    for (let k = 15; k < points.length; k++) {
      const now = points[k]!.at;
      const result = forecast(points.slice(0, k + 1), WINDOW, now, options);
      if (!result.enough) continue;
      verdicts++;
      if (result.lastsUntilReset === (fullAt === null)) right++;
      if (fullAt !== null && now < fullAt)
        errors.push(Math.abs(result.projectedFullAt - fullAt) / MIN);
    }
  }
  errors.sort((a, b) => a - b);
  return {
    sessions: count,
    projections: verdicts,
    medianAbsErrorMin: errors.length ? errors[Math.floor(errors.length / 2)]! : NaN,
    verdictAccuracy: verdicts ? right / verdicts : NaN,
  };
}
