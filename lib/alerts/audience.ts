import type { AlertKind, Settings } from '../settings';
import type { Reading } from '../usage/types';
import { EMPTY_ALERT_STATE, type AlertState, type Notice } from './state';

type Rules = Settings['notifications'];

/**
 * One audience's own alert rules (the desktop's, or a channel's). `null` means "as the global
 * settings say", so an audience that never chose keeps exactly the global behaviour.
 */
export interface AudienceRules {
  /** Its own ascending warning levels (1–99), or null for the global ones. */
  thresholds: number[] | null;
  /** Which limits it hears about, or null for the global choice. */
  kinds: Record<AlertKind, boolean> | null;
  /**
   * The organisations it hears about, by key, or null (and absent, before routes version 3) for
   * all of them, those added later included. A key is an org uuid today; when added logins come,
   * theirs become `accountId/orgUuid` (the browser's own session keeps bare uuids), so stored
   * choices stay valid. A key whose organisation has gone simply matches nothing.
   */
  orgs?: string[] | null;
}

export const GLOBAL_RULES: AudienceRules = { thresholds: null, kinds: null, orgs: null };

/** Whether an audience hears about an organisation (by its key). Pure. */
export const hearsOrg = (rules: AudienceRules | undefined, orgKey: string): boolean =>
  !rules?.orgs || rules.orgs.includes(orgKey);

/** An audience: the desktop, or a channel by id, with its rules (absent in older stored routes). */
export interface Audience {
  id: string;
  rules?: AudienceRules;
}

/** Whether an audience keeps thresholds of its own, and so its own memory of them. Pure. */
export const ownThresholds = (
  rules?: AudienceRules,
): rules is AudienceRules & {
  thresholds: number[];
} => Array.isArray(rules?.thresholds);

/**
 * The settings an audience with its own thresholds is decided with: only its threshold and
 * "reached" notices come from its run (resets, forecasts and sign-outs come from the shared run,
 * once for everybody), so those rules are switched off here. Pure.
 */
export function audienceSettings(global: Rules, rules: AudienceRules, enabled: boolean): Rules {
  return {
    ...global,
    enabled,
    thresholds: rules.thresholds ?? global.thresholds,
    kinds: rules.kinds ?? global.kinds,
    resetAlerts: false,
    forecast: false,
    useItOrLoseIt: { ...global.useItOrLoseIt, enabled: false },
  };
}

/** The memory an audience's own run starts from. Pure. */
export function audienceState(state: AlertState, id: string): AlertState {
  return state.audiences?.[id] ?? EMPTY_ALERT_STATE;
}

/**
 * Whether a notice is for an audience: threshold and "reached" notices of the shared run go only
 * to audiences without thresholds of their own (those have their own run), and every notice about
 * a limit only to audiences that chose to hear about its organisation and that kind of limit. A
 * notice about no limit (a sign-out) goes to all. Pure.
 */
export function noticeFor(
  notice: Notice,
  rules: AudienceRules | undefined,
  latest: Record<string, Reading>,
  fromOwnRun: boolean,
): boolean {
  const levelled = notice.kind === 'threshold' || notice.kind === 'reached';
  if (levelled && ownThresholds(rules) !== fromOwnRun) return false;
  if (!levelled && fromOwnRun) return false;
  if (!notice.key) return true;
  const [orgId = '', limitId] = notice.key.split('|');
  if (!hearsOrg(rules, orgId)) return false;
  if (!rules?.kinds) return true;
  const kind = latest[orgId]?.limits.find((l) => l.id === limitId)?.kind;
  return kind === undefined || kind === 'other' || rules.kinds[kind] !== false;
}

/**
 * An audience's own warning levels as typed ("95, 98"): one to five whole percents from 1 to 99,
 * returned rising without repeats, or null when the text is not that. Pure.
 */
export function parseLevels(text: string): number[] | null {
  const parts = text.split(/[\s,;%]+/).filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  const levels = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  return levels.length <= 5 && levels.every((l) => l >= 1 && l <= 99) ? levels : null;
}
