import { fixtureJson, type FakeResponse } from '../fixtures/fake-claude';

/** Usage answers the end-to-end specs serve from the fake claude.ai. */

const H = 3_600_000;

/** The `resets_at` form claude.ai sends: ISO with an explicit +00:00. */
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

/** A good payload (the Max sample) with the session at 10 % and the weekly limit at `weekly` %. */
export function goodPayload(weekly: number): FakeResponse {
  const usage = fixtureJson<Record<string, { utilization: number }> & { limits: unknown[] }>(
    'max-sep-2026.json',
  );
  usage.five_hour!.utilization = 10;
  usage.seven_day!.utilization = weekly;
  usage.limits = [];
  return { body: usage };
}

/**
 * A session at `percent` resetting at `resetsAt` (by default two hours after the next full hour,
 * so polls a few seconds apart see the same window); the weekly limit low and steady.
 */
export function sessionPayload(
  percent: number,
  resetsAt = Math.ceil(Date.now() / H) * H + 2 * H,
): FakeResponse {
  return {
    body: {
      five_hour: { utilization: percent, resets_at: iso(resetsAt) },
      seven_day: { utilization: 10, resets_at: iso(resetsAt + 48 * H) },
      extra_usage: null,
    },
  };
}

export interface GlanceOptions {
  session?: number;
  weekly?: number;
  /** The per-model weekly limit ("Weekly · Sonnet"). */
  model?: number;
  sessionResetsAt?: number;
  weeklyResetsAt?: number;
  /** Extra usage spent of a $50 monthly cap, in cents; null for none. */
  extraCents?: number | null;
}

/**
 * Today's usage shape with three limits (session, weekly, weekly per model) and extra usage
 * with a monthly cap: the fullest popup a Max plan shows.
 */
export function glancePayload(options: GlanceOptions = {}): FakeResponse {
  const now = Date.now();
  const {
    session = 48,
    weekly = 40,
    model = 12,
    sessionResetsAt = Math.ceil(now / H) * H + 2 * H,
    weeklyResetsAt = now + 3.5 * 24 * H,
    extraCents = 1250,
  } = options;
  const limit = (kind: string, percent: number, at: number, name?: string) => ({
    kind,
    group: kind === 'session' ? 'session' : 'weekly',
    percent,
    severity: 'normal',
    resets_at: iso(at),
    scope: name ? { model: { id: null, display_name: name } } : null,
    is_active: false,
  });
  return {
    body: {
      five_hour: { utilization: session, resets_at: iso(sessionResetsAt) },
      seven_day: { utilization: weekly, resets_at: iso(weeklyResetsAt) },
      seven_day_opus: null,
      seven_day_sonnet: null,
      extra_usage: null,
      limits: [
        limit('session', session, sessionResetsAt),
        limit('weekly_all', weekly, weeklyResetsAt),
        limit('weekly_scoped', model, weeklyResetsAt, 'Sonnet'),
      ],
      ...(extraCents === null
        ? {}
        : {
            spend: {
              used: { amount_minor: extraCents, currency: 'USD', exponent: 2 },
              limit: { amount_minor: 5000, currency: 'USD', exponent: 2 },
              enabled: true,
            },
          }),
    },
  };
}
