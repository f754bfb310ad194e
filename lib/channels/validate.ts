import { t } from '../display/i18n';
import { fillTemplate, SAMPLE_PAYLOAD, webhookContentType } from './render';
import type { Channel, Header } from './types';

/** Problems by field name (`name`, `url`, `server`, `topic`, `headers`, `bodyTemplate`). */
export type ChannelErrors = Partial<Record<string, string>>;

const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;
/** Pushover's application tokens and user keys: 30 letters and digits. */
const PUSHOVER_KEY = /^[A-Za-z0-9]{30}$/;
/** Up to 25 characters per device name, several separated by commas; empty for all. */
const PUSHOVER_DEVICE = /^([A-Za-z0-9_-]{1,25}(,[A-Za-z0-9_-]{1,25})*)?$/;
const PUSHOVER_SOUND = /^[a-z0-9_-]{0,32}$/i;
/** `!opaque:server` (a room id) or `#name:server` (an alias). */
const MATRIX_ROOM = /^[!#][^:\s]+:[^\s]+$/;
/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the browser sets itself, or that would carry the person's claude.ai session. */
const FORBIDDEN_HEADERS = new Set(['cookie', 'host', 'content-length', 'connection', 'origin']);

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function checkUrl(text: string, allowHttp: boolean): string | undefined {
  const url = parseUrl(text.trim());
  if (!url) return t('chValidFullUrl');
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowHttp) return undefined;
  return allowHttp ? t('chValidHttpOrHttps') : t('chValidHttps');
}

/** Parse "Name: value" lines; blank lines are skipped. Returns null when a line has no colon. */
export function parseHeaderLines(text: string): Header[] | null {
  const headers: Header[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

/** Every problem of a channel about to be saved, by field; empty when it can be saved. Pure. */
export function validateChannel(channel: Channel): ChannelErrors {
  const errors: ChannelErrors = {};
  const name = channel.name.trim();
  if (name === '' || name.length > 40) errors.name = t('chValidName');
  switch (channel.type) {
    case 'slack':
    case 'discord': {
      const problem = checkUrl(channel.url, false);
      if (problem) errors.url = problem;
      break;
    }
    case 'ntfy': {
      const problem = checkUrl(channel.server, true);
      if (problem) errors.server = problem;
      if (!TOPIC.test(channel.topic)) errors.topic = t('chValidTopic');
      if (/[\r\n]/.test(channel.token)) errors.token = t('chValidOneLine');
      break;
    }
    case 'pushover': {
      const problem = checkUrl(channel.server, false);
      if (problem) errors.poServer = problem;
      if (!PUSHOVER_KEY.test(channel.appToken)) errors.poToken = t('chValidPushoverKey');
      if (!PUSHOVER_KEY.test(channel.userKey)) errors.poUser = t('chValidPushoverKey');
      if (!PUSHOVER_DEVICE.test(channel.device)) errors.poDevice = t('chValidPushoverDevice');
      if (!Number.isInteger(channel.priority) || channel.priority < -2 || channel.priority > 2)
        errors.poPriority = t('chValidPushoverPriority');
      if (!PUSHOVER_SOUND.test(channel.sound)) errors.poSound = t('chValidPushoverSound');
      break;
    }
    case 'matrix': {
      const problem = checkUrl(channel.homeserver, false);
      if (problem) errors.mxServer = problem;
      if (channel.accessToken.trim() === '' || /[\s]/.test(channel.accessToken))
        errors.mxToken = t('chValidOneLine');
      if (!MATRIX_ROOM.test(channel.room)) errors.mxRoom = t('chValidMatrixRoom');
      break;
    }
    case 'webhook': {
      // A GET webhook may carry placeholders in its address; check it as it will be sent.
      const url = fillTemplate(channel.url, SAMPLE_PAYLOAD, 'url');
      const problem = checkUrl(url, true);
      if (problem) errors.url = problem;
      const bad = channel.headers.find(
        (h) =>
          !HEADER_NAME.test(h.name) ||
          FORBIDDEN_HEADERS.has(h.name.toLowerCase()) ||
          /[\r\n]/.test(h.value),
      );
      if (bad) errors.headers = t('chValidHeader', bad.name);
      if (channel.method === 'POST' && /json/i.test(webhookContentType(channel))) {
        try {
          JSON.parse(fillTemplate(channel.bodyTemplate, SAMPLE_PAYLOAD, 'json'));
        } catch {
          errors.bodyTemplate = t('chValidJson');
        }
      }
      break;
    }
  }
  return errors;
}

/** Where a channel sends to. */
export function destinationUrl(channel: Channel): string {
  if (channel.type === 'ntfy' || channel.type === 'pushover') return channel.server;
  if (channel.type === 'matrix') return channel.homeserver;
  return channel.url;
}

/**
 * The host permission a channel needs (`https://host/*`), asked for when it is added. Ports are
 * not part of match patterns. Null when the address cannot be read. Pure.
 */
export function originPattern(channel: Channel): string | null {
  const url = parseUrl(fillTemplate(destinationUrl(channel), SAMPLE_PAYLOAD, 'url'));
  return url ? `${url.protocol}//${url.hostname}/*` : null;
}

/**
 * A channel's destination with its secrets hidden: the host, and no path, query or token (a
 * webhook's path is its secret; an ntfy topic on a public server is its password). Pure.
 */
export function maskedDestination(channel: Channel): string {
  const url = parseUrl(destinationUrl(channel));
  const host = url ? `${url.protocol}//${url.host}` : '(unreadable address)';
  if (channel.type === 'ntfy') {
    const topic = `${channel.topic.slice(0, 2)}•••`;
    return `${host}/${topic}${channel.token ? ' · token set' : ''}`;
  }
  // Pushover's and Matrix's secrets are tokens, never in the address; the room is shown cut.
  if (channel.type === 'pushover') return host;
  if (channel.type === 'matrix') return `${host} · ${channel.room.slice(0, 3)}•••`;
  return url && (url.pathname.length > 1 || url.search) ? `${host}/•••` : host;
}
