import { useState } from 'preact/hooks';
import { DEFAULT_BODY_TEMPLATE, PLACEHOLDERS } from '@/lib/channels/render';
import {
  DEFAULT_CHANNEL_EVENTS,
  type Channel,
  type ChannelType,
  type WebhookChannel,
} from '@/lib/channels/types';
import { parseHeaderLines, validateChannel, type ChannelErrors } from '@/lib/channels/validate';
import { describedBy, Field } from './fields';

export const CHANNEL_TYPES: Record<ChannelType, string> = {
  slack: 'Slack (or Slack-compatible: Mattermost, Rocket.Chat)',
  discord: 'Discord',
  ntfy: 'ntfy (push to your phone)',
  webhook: 'Any webhook',
};

const URL_HINTS: Partial<Record<ChannelType, string>> = {
  slack: 'Slack → Apps → Incoming Webhooks: https://hooks.slack.com/services/…',
  discord: 'Channel settings → Integrations → Webhooks: https://discord.com/api/webhooks/…',
  webhook: 'For GET, placeholders may go in the address, e.g. ?text={message}.',
};

interface Draft {
  type: ChannelType;
  name: string;
  url: string;
  server: string;
  topic: string;
  token: string;
  method: WebhookChannel['method'];
  headers: string;
  bodyTemplate: string;
}

const EMPTY: Draft = {
  type: 'ntfy',
  name: '',
  url: '',
  server: 'https://ntfy.sh',
  topic: '',
  token: '',
  method: 'POST',
  headers: '',
  bodyTemplate: DEFAULT_BODY_TEMPLATE,
};

/** The channel a draft describes, or the field errors that stop it being saved. */
function toChannel(draft: Draft, id: string): { channel: Channel; errors: ChannelErrors } {
  const base = {
    id,
    name: draft.name.trim(),
    enabled: true,
    events: { ...DEFAULT_CHANNEL_EVENTS },
  };
  const headers = parseHeaderLines(draft.headers);
  const channel: Channel =
    draft.type === 'ntfy'
      ? {
          ...base,
          type: 'ntfy',
          server: draft.server.trim(),
          topic: draft.topic.trim(),
          token: draft.token.trim(),
        }
      : draft.type === 'webhook'
        ? {
            ...base,
            type: 'webhook',
            url: draft.url.trim(),
            method: draft.method,
            headers: headers ?? [],
            bodyTemplate: draft.bodyTemplate,
          }
        : { ...base, type: draft.type, url: draft.url.trim() };
  const errors = validateChannel(channel);
  if (draft.type === 'webhook' && headers === null)
    errors.headers = 'One “Name: value” a line, e.g. Authorization: Bearer …';
  return { channel, errors };
}

/**
 * The form that adds a channel. `onAdd` runs straight from the click, before anything is awaited,
 * because the browser asks for the new host permission only from a user gesture. It resolves to
 * an error message, or null when the channel was added.
 */
export function ChannelForm(props: { onAdd: (channel: Channel) => Promise<string | null> }) {
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
    void props.onAdd(channel).then((problem) => {
      setResult(problem ?? `Added “${channel.name}”. Send a test to check it.`);
      if (!problem) setDraft({ ...EMPTY, type: draft.type });
    });
  }

  const text = (
    key: 'name' | 'url' | 'server' | 'topic' | 'token',
    label: string,
    hint?: string,
    secret = false,
  ) => (
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
      <h3 id="add-channel">Add a channel</h3>
      <Field id="ch-type" label="Kind">
        <select
          id="ch-type"
          value={draft.type}
          onChange={(e) => set({ type: e.currentTarget.value as ChannelType })}
        >
          {Object.entries(CHANNEL_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      {text('name', 'Name', 'How the channel is called here, e.g. “Phone”.')}
      {draft.type === 'ntfy' ? (
        <>
          {text('server', 'Server', 'https://ntfy.sh, or your own server.')}
          {text('topic', 'Topic', 'Pick a hard-to-guess topic on a public server.')}
          {text('token', 'Access token (optional)', 'For a protected topic.', true)}
        </>
      ) : (
        text('url', 'Webhook address', URL_HINTS[draft.type])
      )}
      {draft.type === 'webhook' && (
        <>
          <Field id="ch-method" label="Method">
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
            label="Headers (optional)"
            error={errors.headers}
            hint="One “Name: value” a line."
          >
            <textarea
              {...describedBy('ch-headers', errors.headers, 'One “Name: value” a line.')}
              rows={2}
              spellcheck={false}
              value={draft.headers}
              onInput={(e) => set({ headers: e.currentTarget.value })}
            />
          </Field>
          {draft.method === 'POST' && (
            <Field
              id="ch-body"
              label="Body"
              error={errors.bodyTemplate}
              hint={`Placeholders: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. In JSON they are escaped for you; {percent} is a number or null.`}
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
        <button type="submit">Add channel</button> <span role="status">{result}</span>
      </p>
    </form>
  );
}
