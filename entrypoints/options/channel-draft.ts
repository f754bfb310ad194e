import { GLOBAL_RULES } from '@/lib/alerts/audience';
import { DEFAULT_BODY_TEMPLATE } from '@/lib/channels/render';
import {
  DEFAULT_CHANNEL_EVENTS,
  type Channel,
  type ChannelType,
  type PushoverChannel,
  type WebhookChannel,
} from '@/lib/channels/types';
import { parseHeaderLines, validateChannel, type ChannelErrors } from '@/lib/channels/validate';
import { t } from '@/lib/display/i18n';

/** Pushover's own API; a compatible server may stand in (the field is validated like any other). */
export const PUSHOVER_API = 'https://api.pushover.net';

/** What the add-channel form holds, as typed. */
export interface Draft {
  type: ChannelType;
  name: string;
  url: string;
  server: string;
  topic: string;
  token: string;
  method: WebhookChannel['method'];
  headers: string;
  bodyTemplate: string;
  poServer: string;
  poToken: string;
  poUser: string;
  poDevice: string;
  poPriority: string;
  poSound: string;
  mxServer: string;
  mxToken: string;
  mxRoom: string;
}

/** The text fields, by the id their control and error share. */
export type TextKey = {
  [K in keyof Draft]: Draft[K] extends string ? K : never;
}[keyof Draft];

export const EMPTY: Draft = {
  type: 'ntfy',
  name: '',
  url: '',
  server: 'https://ntfy.sh',
  topic: '',
  token: '',
  method: 'POST',
  headers: '',
  bodyTemplate: DEFAULT_BODY_TEMPLATE,
  poServer: PUSHOVER_API,
  poToken: '',
  poUser: '',
  poDevice: '',
  poPriority: '0',
  poSound: '',
  mxServer: 'https://matrix.org',
  mxToken: '',
  mxRoom: '',
};

function typed(
  draft: Draft,
  base: Omit<WebhookChannel, 'type' | 'url' | 'method' | 'headers' | 'bodyTemplate'>,
): Channel {
  switch (draft.type) {
    case 'ntfy':
      return {
        ...base,
        type: 'ntfy',
        server: draft.server.trim(),
        topic: draft.topic.trim(),
        token: draft.token.trim(),
      };
    case 'pushover':
      return {
        ...base,
        type: 'pushover',
        server: draft.poServer.trim(),
        appToken: draft.poToken.trim(),
        userKey: draft.poUser.trim(),
        device: draft.poDevice.trim(),
        priority: Number(draft.poPriority) as PushoverChannel['priority'],
        sound: draft.poSound.trim(),
      };
    case 'matrix':
      return {
        ...base,
        type: 'matrix',
        homeserver: draft.mxServer.trim(),
        accessToken: draft.mxToken.trim(),
        room: draft.mxRoom.trim(),
      };
    case 'webhook':
      return {
        ...base,
        type: 'webhook',
        url: draft.url.trim(),
        method: draft.method,
        headers: parseHeaderLines(draft.headers) ?? [],
        bodyTemplate: draft.bodyTemplate,
      };
    default:
      return { ...base, type: draft.type, url: draft.url.trim() };
  }
}

/** The channel a draft describes, or the field errors that stop it being saved. */
export function toChannel(draft: Draft, id: string): { channel: Channel; errors: ChannelErrors } {
  const base = {
    id,
    name: draft.name.trim(),
    enabled: true,
    events: { ...DEFAULT_CHANNEL_EVENTS },
    rules: { ...GLOBAL_RULES },
  };
  const channel = typed(draft, base);
  const errors = validateChannel(channel);
  if (draft.type === 'webhook' && parseHeaderLines(draft.headers) === null)
    errors.headers = t('chHeadersInvalid');
  return { channel, errors };
}
