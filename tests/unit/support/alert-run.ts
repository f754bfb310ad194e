import { decideOnFailure, decideOnReading } from '../../../lib/alerts/decide';
import { EMPTY_ALERT_STATE, type AlertState, type Notice } from '../../../lib/alerts/state';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { fakeLimit, ORG, T0 } from './builders';

export const MIN = 60_000;
export const H = 60 * MIN;
export const NOON = 12 * 60;
export type N = Settings['notifications'];

/** The defaults, minus the forecast alert (tests/unit/alerts/forecast-alert.test.ts covers it). */
export function settings(overrides: Partial<N> = {}): N {
  return { ...structuredClone(DEFAULT_SETTINGS.notifications), forecast: false, ...overrides };
}

/** Session readings, one every 10 minutes; `resets` gives each one's reset time (default fixed). */
export function run(
  percents: (number | 'fail' | 'signed_out')[],
  opts: {
    settings?: N;
    resets?: (i: number) => number | null;
    minutes?: (i: number) => number;
  } = {},
) {
  let state: AlertState = EMPTY_ALERT_STATE;
  const shown: Notice[] = [];
  percents.forEach((p, i) => {
    const now = T0 + i * 10 * MIN;
    const local = opts.minutes?.(i) ?? NOON;
    const s = opts.settings ?? settings();
    const decision =
      p === 'fail' || p === 'signed_out'
        ? decideOnFailure(state, { kind: p === 'fail' ? 'network' : 'signed_out' }, s, local)
        : decideOnReading(
            state,
            {
              orgId: ORG,
              reading: {
                orgId: ORG,
                at: now,
                extra: null,
                limits: [
                  fakeLimit({ percent: p, resetsAt: opts.resets ? opts.resets(i) : T0 + 5 * H }),
                ],
              },
            },
            s,
            now,
            local,
          );
    state = decision.state;
    shown.push(...decision.notices);
  });
  return {
    shown,
    state,
    kinds: shown.map((n) => n.kind),
    titles: shown.map((n) => n.title),
    messages: shown.map((n) => n.message),
  };
}
