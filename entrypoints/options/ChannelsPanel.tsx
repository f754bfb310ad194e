import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { deliveryLogItem, routesItem } from '@/lib/channels/store';
import {
  DEFAULT_ROUTES,
  ROUTED_EVENTS,
  type AlertRoutes,
  type Channel,
  type DeliveryEvent,
  type DeliveryRecord,
  type RoutedEvent,
} from '@/lib/channels/types';
import { maskedDestination, originPattern } from '@/lib/channels/validate';
import { formatClock } from '@/lib/format';
import { ChannelForm, CHANNEL_TYPES } from './ChannelForm';

const EVENT_NAMES: Record<DeliveryEvent, string> = {
  threshold: 'Near a limit',
  reached: 'Limit reached',
  reset: 'Limit reset',
  forecast: 'Will run out before the reset',
  signed_out: 'Signed out',
  test: 'Test',
};

/** The host permissions claude.ai's own access already covers: never given up. */
const REQUIRED = 'https://claude.ai/*';

function outcome(record: DeliveryRecord): string {
  const tries = record.attempts > 1 ? ` after ${record.attempts} attempts` : '';
  if (record.ok) return `Delivered · HTTP ${record.status}${tries}`;
  return `Failed · ${record.error ?? 'unknown error'}${tries}`;
}

/** Options: where alerts go (desktop, channels, both), the channels, and the delivery log. */
export function ChannelsPanel() {
  const [routes, setRoutes] = useState<AlertRoutes>(DEFAULT_ROUTES);
  const [log, setLog] = useState<DeliveryRecord[]>([]);
  const [tests, setTests] = useState<Record<string, string>>({});

  useEffect(() => {
    void routesItem.getValue().then(setRoutes);
    void deliveryLogItem.getValue().then(setLog);
    const unwatch = [
      routesItem.watch((next) => setRoutes(next ?? DEFAULT_ROUTES)),
      deliveryLogItem.watch((next) => setLog(next ?? [])),
    ];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  const save = (next: AlertRoutes) => {
    setRoutes(next);
    return routesItem.setValue(next);
  };
  const changeChannel = (id: string, patch: (c: Channel) => Channel) =>
    save({ ...routes, channels: routes.channels.map((c) => (c.id === id ? patch(c) : c)) });

  /** From the click: ask for the channel's host first (the browser needs the gesture), then save. */
  async function add(channel: Channel): Promise<string | null> {
    const pattern = originPattern(channel)!;
    let granted = false;
    try {
      granted = await browser.permissions.request({ origins: [pattern] });
    } catch (error) {
      return `The browser refused to ask: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!granted) return `Not added: without permission the extension cannot reach ${pattern}.`;
    const current = await routesItem.getValue();
    await save({ ...current, channels: [...current.channels, channel] });
    return null;
  }

  /** Remove a channel and give its host permission up, unless another channel still uses it. */
  async function remove(channel: Channel) {
    if (!confirm(`Remove “${channel.name}”? Its alerts stop at once.`)) return;
    const channels = routes.channels.filter((c) => c.id !== channel.id);
    await save({ ...routes, channels });
    const pattern = originPattern(channel);
    if (pattern && pattern !== REQUIRED && !channels.some((c) => originPattern(c) === pattern))
      await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  }

  async function test(channel: Channel) {
    setTests((t) => ({ ...t, [channel.id]: 'Sending…' }));
    const record = (await browser.runtime
      .sendMessage({ type: 'test-channel', channelId: channel.id })
      .catch(() => null)) as DeliveryRecord | null;
    setTests((t) => ({ ...t, [channel.id]: record ? outcome(record) : 'Could not send.' }));
  }

  const toggleEvent = (event: RoutedEvent, target: 'desktop' | Channel, on: boolean) =>
    target === 'desktop'
      ? save({ ...routes, desktop: { ...routes.desktop, [event]: on } })
      : changeChannel(target.id, (c) => ({ ...c, events: { ...c.events, [event]: on } }));

  return (
    <section aria-labelledby="channels">
      <h2 id="channels">Alerts elsewhere</h2>
      <p class="hint">
        Get the same alerts on your phone or in a team channel. Each address is asked for permission
        when you add it, and its secrets stay in this browser: never synced, exported or shown in
        diagnostics.
      </p>

      <table class="routes">
        <caption>Where each alert goes</caption>
        <thead>
          <tr>
            <th scope="col">Alert</th>
            <th scope="col">Desktop</th>
            {routes.channels.map((c) => (
              <th scope="col" key={c.id}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROUTED_EVENTS.map((event) => (
            <tr key={event}>
              <th scope="row">{EVENT_NAMES[event]}</th>
              {(['desktop', ...routes.channels] as const).map((target) => {
                const name = target === 'desktop' ? 'Desktop' : target.name;
                const on =
                  target === 'desktop' ? routes.desktop[event] !== false : !!target.events[event];
                return (
                  <td key={target === 'desktop' ? target : target.id}>
                    <input
                      type="checkbox"
                      aria-label={`${EVENT_NAMES[event]} → ${name}`}
                      checked={on}
                      onChange={(e) => void toggleEvent(event, target, e.currentTarget.checked)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>

      {routes.channels.length > 0 && (
        <ul class="channels">
          {routes.channels.map((channel) => (
            <li key={channel.id} class="channel">
              <div>
                <strong>{channel.name}</strong> · {CHANNEL_TYPES[channel.type].split(' (')[0]}
                <br />
                <code>{maskedDestination(channel)}</code>
              </div>
              <div class="channel-actions">
                <label>
                  <input
                    type="checkbox"
                    checked={channel.enabled}
                    onChange={(e) => {
                      const enabled = e.currentTarget.checked;
                      void changeChannel(channel.id, (c) => ({ ...c, enabled }));
                    }}
                  />{' '}
                  On
                </label>
                <button
                  type="button"
                  aria-label={`Send test to ${channel.name}`}
                  onClick={() => void test(channel)}
                >
                  Send test
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${channel.name}`}
                  onClick={() => void remove(channel)}
                >
                  Remove
                </button>
              </div>
              <p role="status" class="hint">
                {tests[channel.id] ?? ''}
              </p>
            </li>
          ))}
        </ul>
      )}

      <ChannelForm onAdd={add} />

      <h3 id="deliveries">Recent deliveries</h3>
      {log.length === 0 ? (
        <p class="hint">Nothing sent yet.</p>
      ) : (
        <table class="deliveries" aria-labelledby="deliveries">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Channel</th>
              <th scope="col">Alert</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {log.map((r, i) => (
              <tr key={`${r.at}-${i}`} class={r.ok ? '' : 'failed'}>
                <td>{formatClock(r.at, Date.now())}</td>
                <td>{r.channelName}</td>
                <td>{EVENT_NAMES[r.event]}</td>
                <td>{outcome(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
