import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { deliveryLogItem, routesItem } from '@/lib/storage/items';
import {
  DEFAULT_ROUTES,
  type AlertRoutes,
  type Channel,
  type DeliveryRecord,
} from '@/lib/channels/types';
import { maskedDestination, originPattern } from '@/lib/channels/validate';
import { formatClock } from '@/lib/display/format';
import { t } from '@/lib/display/i18n';
import { CLAUDE_HOST_PERMISSION } from '@/lib/usage/host';
import { ChannelForm, channelTypeName } from './ChannelForm';
import { eventName } from './event-names';
import { askWorker } from '@/lib/messages';

function outcome(record: DeliveryRecord): string {
  const result = record.ok
    ? t('chDelivered', String(record.status))
    : t('chFailed', record.error ?? t('chUnknownError'));
  return record.attempts > 1 ? t('chAfterAttempts', [result, record.attempts]) : result;
}

/**
 * Options: the channels (each with its switch, test and remove), the form that adds one behind
 * its button, and the delivery log. Which alert goes to which channel is set in the Alerts
 * section's routes table.
 */
export function ChannelsPanel() {
  const [routes, setRoutes] = useState<AlertRoutes>(DEFAULT_ROUTES);
  const [log, setLog] = useState<DeliveryRecord[]>([]);
  const [tests, setTests] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  // Focus follows the form: into it when opened, back to its button when folded away.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (adding) document.getElementById('ch-type')?.focus();
    else if (returnFocus.current) opener.current?.focus();
    returnFocus.current = false;
  }, [adding]);

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
      return t('chRefusedToAsk', error instanceof Error ? error.message : String(error));
    }
    if (!granted) return t('chNotAdded', pattern);
    const current = await routesItem.getValue();
    await save({ ...current, channels: [...current.channels, channel] });
    return null;
  }

  /**
   * Remove a channel and give its host permission up, unless another channel still uses it or it
   * is claude.ai's own (never given up).
   */
  async function remove(channel: Channel) {
    if (!confirm(t('chRemoveConfirm', channel.name))) return;
    const channels = routes.channels.filter((c) => c.id !== channel.id);
    await save({ ...routes, channels });
    const pattern = originPattern(channel);
    if (
      pattern &&
      pattern !== CLAUDE_HOST_PERMISSION &&
      !channels.some((c) => originPattern(c) === pattern)
    )
      await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  }

  async function test(channel: Channel) {
    setTests((shown) => ({ ...shown, [channel.id]: t('chSending') }));
    const record = await askWorker(browser, { type: 'test-channel', channelId: channel.id }).catch(
      () => null,
    );
    setTests((shown) => ({
      ...shown,
      [channel.id]: record ? outcome(record) : t('chCouldNotSend'),
    }));
  }

  return (
    <section id="channels-sec" aria-labelledby="channels">
      <h2 id="channels">{t('optSecChannels')}</h2>
      <p class="hint">{t('chIntro')}</p>

      {routes.channels.length > 0 && (
        <ul class="channels">
          {routes.channels.map((channel) => (
            <li key={channel.id} class="channel">
              <div>
                <strong>{channel.name}</strong> · {channelTypeName(channel.type).split(' (')[0]}
                <br />
                <code>{maskedDestination(channel)}</code>
              </div>
              <div class="channel-actions">
                <label>
                  <input
                    type="checkbox"
                    aria-label={t('chOnNamed', channel.name)}
                    checked={channel.enabled}
                    onChange={(e) => {
                      const enabled = e.currentTarget.checked;
                      void changeChannel(channel.id, (c) => ({ ...c, enabled }));
                    }}
                  />{' '}
                  {t('chOn')}
                </label>
                <button
                  type="button"
                  aria-label={t('chSendTestTo', channel.name)}
                  onClick={() => void test(channel)}
                >
                  {t('chSendTest')}
                </button>
                <button
                  type="button"
                  aria-label={t('chRemoveNamed', channel.name)}
                  onClick={() => void remove(channel)}
                >
                  {t('chRemove')}
                </button>
              </div>
              <p role="status" class="hint">
                {tests[channel.id] ?? ''}
              </p>
            </li>
          ))}
        </ul>
      )}

      {adding ? (
        <ChannelForm
          onAdd={add}
          onClose={() => {
            returnFocus.current = true;
            setAdding(false);
          }}
        />
      ) : (
        <p>
          <button type="button" ref={opener} onClick={() => setAdding(true)}>
            {t('chAddTitle')}
          </button>
        </p>
      )}

      <h3 id="deliveries">{t('chDeliveries')}</h3>
      {log.length === 0 ? (
        <p class="hint">{t('chNothingSent')}</p>
      ) : (
        <table class="deliveries" aria-labelledby="deliveries">
          <thead>
            <tr>
              <th scope="col">{t('chColTime')}</th>
              <th scope="col">{t('chColChannel')}</th>
              <th scope="col">{t('chColAlert')}</th>
              <th scope="col">{t('chColResult')}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((r, i) => (
              <tr key={`${r.at}-${i}`} class={r.ok ? '' : 'failed'}>
                <td>{formatClock(r.at, Date.now())}</td>
                <td>{r.channelName}</td>
                <td>{eventName(r.event)}</td>
                <td>{outcome(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
