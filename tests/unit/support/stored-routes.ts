/**
 * Alert routes as older versions stored them, for the migration tests and for the tests that
 * prove a migrated route hears exactly what the stored one did.
 */

const EVENTS = {
  threshold: true,
  reached: true,
  reset: true,
  forecast: false,
  unused: true,
  signed_out: true,
};

/** An ntfy channel with every event on, as it is stored (`rules` as given). */
export const ntfyChannel = (id: string, rules?: unknown) => ({
  id,
  name: id,
  enabled: true,
  events: { ...EVENTS },
  rules,
  type: 'ntfy' as const,
  server: 'https://ntfy.sh',
  topic: id,
  token: '',
});

/** Routes as version 1 stored them: no rules anywhere (the shape users have today). */
export const STORED_V1 = {
  desktop: { threshold: true, reached: true, reset: true, forecast: false, signed_out: true },
  channels: [
    {
      id: 'ch-ntfy',
      name: 'Phone',
      enabled: true,
      events: { threshold: true, reached: true, reset: false, forecast: false, signed_out: true },
      type: 'ntfy',
      server: 'https://ntfy.sh',
      topic: 'usage',
      token: '',
    },
    {
      id: 'ch-hook',
      name: 'Hook',
      enabled: true,
      events: { threshold: false, reached: true, reset: true, forecast: true, signed_out: false },
      type: 'webhook',
      url: 'https://hooks.example.org/x',
      method: 'POST',
      headers: [],
      bodyTemplate: '{"t":"{title}"}',
    },
  ],
};

/** Routes as version 2 stored them: rules, but no organisations and no "use it or lose it". */
export const ROUTES_V2 = {
  desktop: { threshold: true, reached: true, reset: false, forecast: true, signed_out: true },
  desktopRules: { thresholds: [80], kinds: null },
  channels: [
    {
      ...ntfyChannel('a'),
      events: { ...EVENTS, reset: true, unused: undefined },
      rules: undefined,
    },
    {
      ...ntfyChannel('b', { thresholds: null, kinds: null }),
      events: { ...EVENTS, reset: false, unused: undefined },
    },
  ],
};
