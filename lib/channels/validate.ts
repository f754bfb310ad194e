import { t } from '../i18n';
import { fillTemplate, SAMPLE_PAYLOAD, webhookContentType } from './render';
import type { Channel, Header } from './types';

/** Problems by field name (`name`, `url`, `server`, `topic`, `headers`, `bodyTemplate`). */
export type ChannelErrors = Partial<Record<string, string>>;

const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;
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
  return channel.type === 'ntfy' ? channel.server : channel.url;
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
  return url && (url.pathname.length > 1 || url.search) ? `${host}/•••` : host;
}
