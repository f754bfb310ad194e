import { renderMatrix, renderPushover } from './render-push';
import type { AlertPayload, Channel, Header, HttpRequest, WebhookChannel } from './types';

export const PLACEHOLDERS = [
  'title',
  'message',
  'limit',
  'percent',
  'resets_at',
  'organization',
  'event',
] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

/** A template's starting point: every placeholder, as valid JSON once filled in. */
export const DEFAULT_BODY_TEMPLATE = `{
  "event": "{event}",
  "title": "{title}",
  "message": "{message}",
  "limit": "{limit}",
  "percent": {percent},
  "resets_at": "{resets_at}",
  "organization": "{organization}"
}`;

/** A payload to check templates with and to describe placeholders by. */
export const SAMPLE_PAYLOAD: AlertPayload = {
  event: 'threshold',
  title: 'Claude usage',
  message: '5-hour session at 90 % · resets in 1 h 12 min',
  limit: '5-hour session',
  percent: 90,
  resetsAt: '2026-11-25T14:00:00.000Z',
  organization: 'Personal',
};

/** How a value is written into its place: JSON string content, a URL component, or as it is. */
export type Escape = 'json' | 'url' | 'none';

function rawValues(payload: AlertPayload): Record<Placeholder, string | null> {
  return {
    title: payload.title,
    message: payload.message,
    limit: payload.limit,
    percent: payload.percent === null ? null : String(payload.percent),
    resets_at: payload.resetsAt,
    organization: payload.organization,
    event: payload.event,
  };
}

/**
 * Fill `{placeholders}` in a template. With `json`, values are escaped as JSON string content, so
 * `"message": "{message}"` stays valid whatever the message holds; `{percent}` is a bare number,
 * or `null` when the alert concerns no limit. Unknown `{words}` and JSON braces are left alone.
 * Pure.
 */
export function fillTemplate(template: string, payload: AlertPayload, escape: Escape): string {
  const values = rawValues(payload);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = values[name as Placeholder];
    if (value === null) return escape === 'url' ? '' : 'null';
    if (escape === 'json') return JSON.stringify(value).slice(1, -1);
    if (escape === 'url') return encodeURIComponent(value);
    return value;
  });
}

function headerValue(headers: readonly Header[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/**
 * The content type a webhook body is sent with: the one the person set, or JSON when the filled
 * template parses as JSON, else plain text. Pure.
 */
export function webhookContentType(channel: Pick<WebhookChannel, 'headers' | 'bodyTemplate'>) {
  const given = headerValue(channel.headers, 'content-type');
  if (given) return given;
  try {
    JSON.parse(fillTemplate(channel.bodyTemplate, SAMPLE_PAYLOAD, 'json'));
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}

/** Slack's mrkdwn needs &, < and > escaped; escaping also stops names like `<!channel>` pinging. */
const slackText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Discord messages hold at most 2,000 characters. */
const DISCORD_MAX = 2000;

/** ntfy priorities: 5 is "urgent", 4 "high", 3 "default". */
const NTFY_PRIORITY: Record<AlertPayload['event'], number> = {
  reached: 5,
  threshold: 4,
  forecast: 4,
  signed_out: 3,
  reset: 3,
  unused: 3,
  test: 3,
};
const NTFY_TAGS: Record<AlertPayload['event'], string[]> = {
  reached: ['rotating_light'],
  threshold: ['warning'],
  forecast: ['hourglass'],
  signed_out: ['lock'],
  reset: ['white_check_mark'],
  unused: ['hourglass_flowing_sand'],
  test: ['bell'],
};

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** What a Matrix send needs beyond the channel: the room's id and a fresh transaction id. */
export interface SendContext {
  roomId?: string;
  txnId?: string;
}

/** The request that tells `channel` about `payload`. Pure. */
export function renderRequest(
  channel: Channel,
  payload: AlertPayload,
  context: SendContext = {},
): HttpRequest {
  switch (channel.type) {
    case 'pushover':
      return renderPushover(channel, payload);
    case 'matrix':
      return renderMatrix(
        channel,
        payload,
        context.roomId ?? channel.room,
        // The dispatcher always passes a fresh one; this only keeps the function total.
        context.txnId ?? `cum-${payload.event}`,
      );
    case 'slack':
      return {
        url: channel.url,
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          text: `*${slackText(payload.title)}*\n${slackText(payload.message)}`,
        }),
      };
    case 'discord':
      return {
        url: channel.url,
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          content: `**${payload.title}**\n${payload.message}`.slice(0, DISCORD_MAX),
          // Never ping anybody, whatever an organisation's name holds.
          allowed_mentions: { parse: [] },
        }),
      };
    case 'ntfy':
      // JSON publishing to the server's root: titles in any language (headers are Latin-1 only).
      return {
        url: channel.server.replace(/\/+$/, '') + '/',
        method: 'POST',
        headers: {
          ...JSON_HEADERS,
          ...(channel.token ? { Authorization: `Bearer ${channel.token}` } : {}),
        },
        body: JSON.stringify({
          topic: channel.topic,
          title: payload.title,
          message: payload.message,
          priority: NTFY_PRIORITY[payload.event],
          tags: NTFY_TAGS[payload.event],
        }),
      };
    case 'webhook': {
      const headers: Record<string, string> = {};
      for (const h of channel.headers) headers[h.name] = h.value;
      if (channel.method === 'GET') {
        return { url: fillTemplate(channel.url, payload, 'url'), method: 'GET', headers };
      }
      const type = webhookContentType(channel);
      if (!headerValue(channel.headers, 'content-type')) headers['Content-Type'] = type;
      const escape: Escape = /json/i.test(type) ? 'json' : 'none';
      return {
        url: channel.url,
        method: 'POST',
        headers,
        body: fillTemplate(channel.bodyTemplate, payload, escape),
      };
    }
  }
}
