import { chooseBadgeOrg, computeBadge, type BadgeView } from './badge';
import type { PollState } from '../storage/poll-store';
import { statusOf } from '../poll/status';

/** The part of `browser.action` the badge uses; `setBadgeTextColor` is not in every browser. */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
  setBadgeTextColor?: (details: { color: string }) => Promise<void>;
}

export interface BadgePainterDeps {
  action: BadgeAction;
  /** The state to paint when none is given (extension storage). */
  read: () => Promise<PollState>;
  now: () => number;
}

/**
 * The toolbar badge: paints the tightest (or chosen) organisation's percent, colour and title.
 * It remembers what it showed, a cache and not state (a fresh worker paints everything once), and
 * calls the browser only for what changed.
 */
export function createBadgePainter(deps: BadgePainterDeps) {
  let shown: Partial<BadgeView> = {};
  return async function paint(given?: PollState): Promise<void> {
    const { settings, latest, orgs, status } = given ?? (await deps.read());
    const org = chooseBadgeOrg(orgs.list, latest, settings);
    const view = computeBadge({
      reading: (org && latest[org.uuid]) ?? null,
      org,
      status: statusOf(status, org?.uuid),
      settings,
      now: deps.now(),
    });
    const { action } = deps;
    const calls: Promise<void>[] = [];
    if (view.text !== shown.text) calls.push(action.setBadgeText({ text: view.text }));
    if (view.color !== shown.color) {
      calls.push(action.setBadgeBackgroundColor({ color: view.color }));
      // White text reads on all our colours.
      if (action.setBadgeTextColor) calls.push(action.setBadgeTextColor({ color: '#ffffff' }));
    }
    if (view.title !== shown.title) calls.push(action.setTitle({ title: view.title }));
    shown = view;
    await Promise.all(calls);
  };
}
