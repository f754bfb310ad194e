import type { HttpRequest } from './types';
import type { AlertPayload, MatrixChannel, PushoverChannel } from './types';

/** Pushover refuses titles over 250 and messages over 1,024 characters. */
export const PUSHOVER_TITLE_MAX = 250;
export const PUSHOVER_MESSAGE_MAX = 1024;
/** Matrix events hold at most 64 KiB; a notice never needs more than this. */
export const MATRIX_BODY_MAX = 4000;
/** Emergency priority repeats every minute for an hour unless acknowledged (Pushover's rules). */
const EMERGENCY = { retry: 60, expire: 3600 };

/** Cut to `max` characters, with an ellipsis when something was cut. Pure. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** The message, with the organisation's name on a line of its own when the words lack it. */
function lines(payload: AlertPayload): string[] {
  const org = payload.organization;
  const named = !org || payload.title.includes(org) || payload.message.includes(org);
  return [payload.message, ...(named ? [] : [org])];
}

/** Escapes text for Matrix's HTML subset, so a name like `<b>Acme</b>` stays words. Pure. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Pushover's messages API, as JSON. Plain text (no `html=1`), so nothing in a name is markup;
 * Pushover has no mentions to suppress. Pure.
 */
export function renderPushover(channel: PushoverChannel, payload: AlertPayload): HttpRequest {
  const body: Record<string, unknown> = {
    token: channel.appToken,
    user: channel.userKey,
    title: clip(payload.title, PUSHOVER_TITLE_MAX),
    message: clip(lines(payload).join('\n'), PUSHOVER_MESSAGE_MAX),
    priority: channel.priority,
    ...(channel.priority === 2 ? EMERGENCY : {}),
    ...(channel.device ? { device: channel.device } : {}),
    ...(channel.sound ? { sound: channel.sound } : {}),
  };
  return {
    url: channel.server.replace(/\/+$/, '') + '/1/messages.json',
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/**
 * A Matrix `m.room.message` (m.text), plain and HTML, sent with PUT under `txnId`: retries of one
 * delivery reuse it, so the homeserver keeps one message however many attempts reach it. An empty
 * `m.mentions` tells clients that nobody is mentioned, so "@room" in a name pings no one. `roomId`
 * is the room's id (an alias already looked up). Pure.
 */
export function renderMatrix(
  channel: MatrixChannel,
  payload: AlertPayload,
  roomId: string,
  txnId: string,
): HttpRequest {
  const rest = lines(payload);
  const body = clip([payload.title, ...rest].join('\n'), MATRIX_BODY_MAX);
  const html = [
    `<strong>${escapeHtml(payload.title)}</strong>`,
    ...rest.map((line) => escapeHtml(line).replace(/\n/g, '<br>')),
  ].join('<br>');
  const base = channel.homeserver.replace(/\/+$/, '');
  return {
    url:
      `${base}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}` +
      `/send/m.room.message/${encodeURIComponent(txnId)}`,
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${channel.accessToken}` },
    body: JSON.stringify({
      msgtype: 'm.text',
      body,
      format: 'org.matrix.custom.html',
      // Cut the HTML only when it is longer than any event allows; it would not be valid cut.
      formatted_body: html.length > MATRIX_BODY_MAX * 6 ? escapeHtml(body) : html,
      'm.mentions': {},
    }),
  };
}

/** The directory lookup that turns `#room:server` into the room's id. Pure. */
export function matrixAliasRequest(channel: MatrixChannel): HttpRequest {
  const base = channel.homeserver.replace(/\/+$/, '');
  return {
    url: `${base}/_matrix/client/v3/directory/room/${encodeURIComponent(channel.room)}`,
    method: 'GET',
    headers: { Authorization: `Bearer ${channel.accessToken}` },
  };
}
