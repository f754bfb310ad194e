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
