import { describe, expect, it } from 'vitest';
import { routedAnywhere, routeOn, setRoute } from '../../../lib/channels/routing';
import {
  DEFAULT_CHANNEL_EVENTS,
  DEFAULT_ROUTES,
  ROUTED_EVENTS,
  type AlertRoutes,
  type Channel,
} from '../../../lib/channels/types';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const phone: Channel = {
  id: 'phone',
  name: 'Phone',
  enabled: true,
  events: { ...DEFAULT_CHANNEL_EVENTS, reached: true },
  type: 'ntfy',
  server: 'https://ntfy.sh',
  topic: 't',
  token: '',
};
const rules = () => structuredClone(DEFAULT_SETTINGS.notifications);
const withPhone = (): AlertRoutes => ({ ...structuredClone(DEFAULT_ROUTES), channels: [phone] });
const targets = [{ channelId: 'phone' }, 'desktop'] as const;

/** Every (event, target) that an alert reaches. */
const reach = (r: ReturnType<typeof rules>, routes: AlertRoutes) =>
  ROUTED_EVENTS.flatMap((e) => targets.filter((t) => routeOn(r, routes, e, t)).map((t) => [e, t]));

describe('routes: one place for where each alert goes', () => {
  it('reads a rule switched off as routed nowhere, whatever the stored routes say', () => {
    const r = { ...rules(), limitReached: false };
    expect(routeOn(r, withPhone(), 'reached', 'desktop')).toBe(false);
    expect(routeOn(r, withPhone(), 'reached', { channelId: 'phone' })).toBe(false);
    expect(routedAnywhere(r, withPhone(), 'reached')).toBe(false);
    expect(routeOn(r, withPhone(), 'threshold', 'desktop')).toBe(true);
  });

  it('changes only the switched route, and keeps what reaches everything else', () => {
    const before = { rules: { ...rules(), resetAlerts: false }, routes: withPhone() };
    const after = setRoute(before.rules, before.routes, 'reset', 'desktop', true);
    expect(after.rules.resetAlerts).toBe(true);
    expect(routeOn(after.rules, after.routes, 'reset', 'desktop')).toBe(true);
    // The phone had reset stored on, but its rule was off: it must not start hearing of resets.
    expect(routeOn(after.rules, after.routes, 'reset', { channelId: 'phone' })).toBe(false);
    const others = (x: typeof before) => reach(x.rules, x.routes).filter(([e]) => e !== 'reset');
    expect(others(after)).toEqual(others(before));
  });

  it('switches the rule off once an event goes nowhere, and on again with its first route', () => {
    let state = { rules: rules(), routes: withPhone() };
    state = setRoute(state.rules, state.routes, 'reached', 'desktop', false);
    expect(state.rules.limitReached).toBe(true);
    state = setRoute(state.rules, state.routes, 'reached', { channelId: 'phone' }, false);
    expect(state.rules.limitReached).toBe(false);
    state = setRoute(state.rules, state.routes, 'reached', { channelId: 'phone' }, true);
    expect(state.rules.limitReached).toBe(true);
    expect(routeOn(state.rules, state.routes, 'reached', 'desktop')).toBe(false);
  });

  it('leaves the desktop master switch to its own control', () => {
    const r = { ...rules(), enabled: false };
    expect(routeOn(r, withPhone(), 'threshold', 'desktop')).toBe(true);
    expect(setRoute(r, withPhone(), 'threshold', 'desktop', false).rules.enabled).toBe(false);
  });
});
