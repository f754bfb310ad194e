import type { Settings } from '../settings';
import type { AlertRoutes, RoutedEvent } from './types';

type Rules = Settings['notifications'];
/** The rule switches that used to sit beside the routes, per event they govern. */
type RuleFlag = 'limitReached' | 'resetAlerts' | 'forecast';

const RULE_FLAGS: Partial<Record<RoutedEvent, RuleFlag>> = {
  reached: 'limitReached',
  reset: 'resetAlerts',
  forecast: 'forecast',
};

/** Where an alert can go: the desktop, or a channel by id. */
export type RouteTarget = 'desktop' | { channelId: string };

const ruleOn = (rules: Rules, event: RoutedEvent) => {
  const flag = RULE_FLAGS[event];
  return flag ? rules[flag] : true;
};

/**
 * Whether `event` reaches `target`, exactly as the notifier decides it: its rule switch (where it
 * has one) and its route both on. The desktop master switch (`rules.enabled`) is not part of it:
 * the options page shows that one above the routes. Pure.
 */
export function routeOn(
  rules: Rules,
  routes: AlertRoutes,
  event: RoutedEvent,
  target: RouteTarget,
): boolean {
  if (!ruleOn(rules, event)) return false;
  if (target === 'desktop') return routes.desktop[event] !== false;
  return !!routes.channels.find((c) => c.id === target.channelId)?.events[event];
}

/** Whether `event` goes anywhere at all (desktop or any channel, switched on or not). Pure. */
export function routedAnywhere(rules: Rules, routes: AlertRoutes, event: RoutedEvent): boolean {
  return (
    routeOn(rules, routes, event, 'desktop') ||
    routes.channels.some((c) => routeOn(rules, routes, event, { channelId: c.id }))
  );
}

/**
 * One switch of the routes table. The rule switches (`limitReached`, `resetAlerts`, `forecast`)
 * are no longer shown: every route first takes the value it effectively had, then the rule
 * switch becomes "goes anywhere". So what reaches each place is exactly what the person saw,
 * before and after, and an event routed nowhere is not decided at all (as with its switch off).
 * Pure.
 */
export function setRoute(
  rules: Rules,
  routes: AlertRoutes,
  event: RoutedEvent,
  target: RouteTarget,
  on: boolean,
): { rules: Rules; routes: AlertRoutes } {
  const value = (t: RouteTarget) =>
    (
      t === 'desktop'
        ? target === 'desktop'
        : target !== 'desktop' && t.channelId === target.channelId
    )
      ? on
      : routeOn(rules, routes, event, t);
  const next: AlertRoutes = {
    ...routes,
    desktop: { ...routes.desktop, [event]: value('desktop') },
    channels: routes.channels.map((c) => ({
      ...c,
      events: { ...c.events, [event]: value({ channelId: c.id }) },
    })),
  };
  const flag = RULE_FLAGS[event];
  const nextRules = flag
    ? { ...rules, [flag]: routedAnywhere({ ...rules, [flag]: true }, next, event) }
    : rules;
  return { rules: nextRules, routes: next };
}
