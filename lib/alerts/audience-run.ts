import type { Settings } from '../settings';
import type { Reading } from '../usage/types';
import {
  audienceSettings,
  audienceState,
  hearsOrg,
  ownThresholds,
  type Audience,
} from './audience';
import { decideOnReading, releaseHeld, type ReadingInput } from './decide';
import type { AlertState, Notice } from './state';

/** The desktop's audience id (channels use their own ids). */
export const DESKTOP = 'desktop';

export interface OwnRunInput {
  latest: Record<string, Reading>;
  inputs: ReadingInput[];
  /** The global notification settings. */
  rules: Settings['notifications'];
  minutes: number;
  now: number;
}

/**
 * The threshold and "reached" notices of each audience with thresholds of its own, each decided
 * from its own memory, and the memories to keep: those of `listening` audiences advanced, those
 * of audiences that still exist (in `known`) but are not listening now kept as they were, the rest
 * forgotten. Pure.
 */
export function decideOwn(
  state: AlertState,
  listening: Audience[],
  known: string[],
  input: OwnRunInput,
): { notices: Record<string, Notice[]>; states: Record<string, AlertState> } {
  const states: Record<string, AlertState> = {};
  for (const [id, memory] of Object.entries(state.audiences ?? {}))
    if (known.includes(id)) states[id] = memory;
  const notices: Record<string, Notice[]> = {};
  for (const audience of listening) {
    if (!ownThresholds(audience.rules)) {
      delete states[audience.id];
      continue;
    }
    const settings = audienceSettings(input.rules, audience.rules, true);
    let decision = releaseHeld(
      audienceState(state, audience.id),
      input.latest,
      settings,
      input.minutes,
      input.now,
    );
    const list = [...decision.notices];
    // Only the organisations it chose: no memory, and no notice, of the others.
    for (const reading of input.inputs.filter((i) => hearsOrg(audience.rules, i.orgId))) {
      decision = decideOnReading(decision.state, reading, settings, input.now, input.minutes);
      list.push(...decision.notices);
    }
    notices[audience.id] = list;
    states[audience.id] = decision.state;
  }
  return { notices, states };
}
