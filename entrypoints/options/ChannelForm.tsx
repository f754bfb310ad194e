import { useState } from 'preact/hooks';
import { PLACEHOLDERS } from '@/lib/channels/render';
import type { Channel, ChannelType } from '@/lib/channels/types';
import type { ChannelErrors } from '@/lib/channels/validate';
import { t } from '@/lib/display/i18n';
import { EMPTY, toChannel, type Draft, type TextKey } from './channel-draft';
import { describedBy, Field } from './fields';

/** Each kind of channel, as a person reads it ("ntfy (push to your phone)"). */
export function channelTypeName(type: ChannelType): string {
  const keys = {
    slack: 'chTypeSlack',
    discord: 'chTypeDiscord',
    ntfy: 'chTypeNtfy',
    pushover: 'chTypePushover',
    matrix: 'chTypeMatrix',
    webhook: 'chTypeWebhook',
  } as const;
  return t(keys[type]);
}
const CHANNEL_TYPE_LIST: ChannelType[] = [
  'slack',
  'discord',
  'ntfy',
  'pushover',
  'matrix',
  'webhook',
];
const PRIORITIES = [
  ['-2', 'chPoPriorityM2'],
  ['-1', 'chPoPriorityM1'],
  ['0', 'chPoPriority0'],
  ['1', 'chPoPriority1'],
  ['2', 'chPoPriority2'],
] as const;

function urlHint(type: ChannelType): string | undefined {
  if (type === 'slack') return t('chHintSlackUrl');
  if (type === 'discord') return t('chHintDiscordUrl');
  if (type === 'webhook') return t('chHintWebhookUrl');
  return undefined;
}

/**
 * The form that adds a channel. `onAdd` runs straight from the click, before anything is awaited,
 * because the browser asks for the new host permission only from a user gesture. It resolves to
 * an error message, or null when the channel was added.
 */
export function ChannelForm(props: {
  onAdd: (channel: Channel) => Promise<string | null>;
  /** Folds the form away again (its Cancel button). */
  onClose?: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<ChannelErrors>({});
  const [result, setResult] = useState('');
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit(event: Event) {
    event.preventDefault();
    const { channel, errors: problems } = toChannel(draft, crypto.randomUUID());
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setResult('');
      return;
    }
    // onAdd asks the browser first, from this click; the prompt may stay open a while.
    const adding = props.onAdd(channel);
    setResult(t('chAsking'));
    void adding.then((problem) => {
      setResult(problem ?? t('chAdded', channel.name));
      if (!problem) setDraft({ ...EMPTY, type: draft.type });
    });
  }

  const text = (key: TextKey, label: string, hint?: string, secret = false) => (
    <Field id={`ch-${key}`} label={label} error={errors[key]} hint={hint}>
      <input
        {...describedBy(`ch-${key}`, errors[key], hint)}
        {...(secret ? { type: 'password' as const } : { type: 'text' as const })}
        autoComplete="off"
        spellcheck={false}
        value={draft[key]}
        onInput={(e) => set({ [key]: e.currentTarget.value })}
      />
    </Field>
  );

  return (
    <form class="channel-form" onSubmit={submit} aria-labelledby="add-channel" noValidate>
      <h3 id="add-channel">{t('chAddTitle')}</h3>
      <Field id="ch-type" label={t('chKind')}>
        <select
          id="ch-type"
          value={draft.type}
          onChange={(e) => set({ type: e.currentTarget.value as ChannelType })}
        >
          {CHANNEL_TYPE_LIST.map((value) => (
            <option key={value} value={value}>
              {channelTypeName(value)}
            </option>
          ))}
        </select>
      </Field>
      {text('name', t('chName'), t('chNameHint'))}
      {draft.type === 'ntfy' ? (
        <>
          {text('server', t('chServer'), t('chServerHint'))}
          {text('topic', t('chTopic'), t('chTopicHint'))}
          {text('token', t('chToken'), t('chTokenHint'), true)}
        </>
      ) : draft.type === 'pushover' ? (
        <>
          {text('poToken', t('chPoToken'), t('chPoTokenHint'), true)}
          {text('poUser', t('chPoUser'), t('chPoUserHint'), true)}
          {text('poDevice', t('chPoDevice'), t('chPoDeviceHint'))}
          <Field id="ch-poPriority" label={t('chPoPriority')} error={errors.poPriority}>
            <select
              id="ch-poPriority"
              value={draft.poPriority}
              onChange={(e) => set({ poPriority: e.currentTarget.value })}
            >
              {PRIORITIES.map(([value, key]) => (
                <option key={value} value={value}>
                  {t(key)}
                </option>
              ))}
            </select>
          </Field>
          {text('poSound', t('chPoSound'), t('chPoSoundHint'))}
          {text('poServer', t('chPoServer'), t('chPoServerHint'))}
        </>
      ) : draft.type === 'matrix' ? (
        <>
          {text('mxServer', t('chMxServer'), t('chMxServerHint'))}
          {text('mxToken', t('chMxToken'), t('chMxTokenHint'), true)}
          {text('mxRoom', t('chMxRoom'), t('chMxRoomHint'))}
        </>
      ) : (
        text('url', t('chUrl'), urlHint(draft.type))
      )}
      {draft.type === 'webhook' && (
        <>
          <Field id="ch-method" label={t('chMethod')}>
            <select
              id="ch-method"
              value={draft.method}
              onChange={(e) => set({ method: e.currentTarget.value as Draft['method'] })}
            >
              <option value="POST">POST</option>
              <option value="GET">GET</option>
            </select>
          </Field>
          <Field
            id="ch-headers"
            label={t('chHeaders')}
            error={errors.headers}
            hint={t('chHeadersHint')}
          >
            <textarea
              {...describedBy('ch-headers', errors.headers, t('chHeadersHint'))}
              rows={2}
              spellcheck={false}
              value={draft.headers}
              onInput={(e) => set({ headers: e.currentTarget.value })}
            />
          </Field>
          {draft.method === 'POST' && (
            <Field
              id="ch-body"
              label={t('chBody')}
              error={errors.bodyTemplate}
              hint={t('chBodyHint', PLACEHOLDERS.map((p) => `{${p}}`).join(' '))}
            >
              <textarea
                {...describedBy('ch-body', errors.bodyTemplate, 'placeholders')}
                rows={9}
                spellcheck={false}
                value={draft.bodyTemplate}
                onInput={(e) => set({ bodyTemplate: e.currentTarget.value })}
              />
            </Field>
          )}
        </>
      )}
      <p>
        <button type="submit">{t('chAdd')}</button>{' '}
        {props.onClose && (
          <button type="button" onClick={props.onClose}>
            {t('chCloseForm')}
          </button>
        )}{' '}
        <span role="status">{result}</span>
      </p>
    </form>
  );
}
