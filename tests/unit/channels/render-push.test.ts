import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../lib/channels/dispatch';
import { deliver } from '../../../lib/channels/deliver';
import { renderRequest, SAMPLE_PAYLOAD } from '../../../lib/channels/render';
import {
  MATRIX_BODY_MAX,
  PUSHOVER_MESSAGE_MAX,
  PUSHOVER_TITLE_MAX,
} from '../../../lib/channels/render-push';
import {
  DEFAULT_CHANNEL_EVENTS,
  type AlertPayload,
  type DeliveryRecord,
  type MatrixChannel,
  type PushoverChannel,
} from '../../../lib/channels/types';
import { maskedDestination, originPattern, validateChannel } from '../../../lib/channels/validate';

const base = { id: 'c1', name: 'Phone', enabled: true, events: DEFAULT_CHANNEL_EVENTS };
const KEY = 'a'.repeat(15) + 'B'.repeat(14) + '7';
const pushover: PushoverChannel = {
  ...base,
  type: 'pushover',
  server: 'https://api.pushover.net',
  appToken: KEY,
  userKey: 'u' + KEY.slice(1),
  device: '',
  priority: 0,
  sound: '',
};
const matrix: MatrixChannel = {
  ...base,
  type: 'matrix',
  homeserver: 'https://matrix.example.org/',
  accessToken: 'syt_secret',
  room: '!abc:example.org',
};
const hostile: AlertPayload = {
  ...SAMPLE_PAYLOAD,
  title: '5-hour session at 90% <script>alert(1)</script>',
  message: 'Resets in 1 h\n@room & @everyone',
  organization: '<img src=x onerror=alert(1)> "Acme" & Co',
};

describe('Pushover', () => {
  it('posts JSON to the messages API with token, user, priority and the organisation', () => {
    const request = renderRequest(pushover, hostile);
    expect(request).toMatchObject({
      url: 'https://api.pushover.net/1/messages.json',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    const body = JSON.parse(request.body!);
    expect(body).toEqual({
      token: pushover.appToken,
      user: pushover.userKey,
      title: hostile.title,
      message: `${hostile.message}\n${hostile.organization}`,
      priority: 0,
    });
    // Plain text: no html flag, so markup in a name is shown as typed.
    expect(body.html).toBeUndefined();
  });

  it('adds device and sound when set, and the retry rules an emergency needs', () => {
    const body = JSON.parse(
      renderRequest({ ...pushover, priority: 2, device: 'phone,tablet', sound: 'siren' }, hostile)
        .body!,
    );
    expect(body).toMatchObject({ priority: 2, retry: 60, expire: 3600, device: 'phone,tablet' });
    expect(body.sound).toBe('siren');
    const low = JSON.parse(renderRequest({ ...pushover, priority: -2 }, hostile).body!);
    expect(low.retry).toBeUndefined();
  });

  it('cuts title and message to what Pushover accepts, counting characters not bytes', () => {
    const long = { ...SAMPLE_PAYLOAD, title: '日'.repeat(400), message: 'é'.repeat(2000) };
    const body = JSON.parse(renderRequest(pushover, long).body!);
    expect(Array.from(body.title as string)).toHaveLength(PUSHOVER_TITLE_MAX);
    expect(Array.from(body.message as string)).toHaveLength(PUSHOVER_MESSAGE_MAX);
    expect(body.message.endsWith('…')).toBe(true);
  });

  it('validates keys, devices, priority and the https API address', () => {
    expect(validateChannel(pushover)).toEqual({});
    const errors = validateChannel({
      ...pushover,
      server: 'http://api.pushover.net',
      appToken: 'short',
      userKey: KEY + 'x',
      device: 'bad device!',
      priority: 3 as PushoverChannel['priority'],
      sound: 'a b',
    });
    expect(Object.keys(errors).sort()).toEqual(
      ['poDevice', 'poPriority', 'poServer', 'poSound', 'poToken', 'poUser'].sort(),
    );
    expect(originPattern(pushover)).toBe('https://api.pushover.net/*');
    expect(maskedDestination(pushover)).toBe('https://api.pushover.net');
  });
});

describe('Matrix', () => {
  it('PUTs an m.text message under the transaction id, with the token as Bearer', () => {
    const request = renderRequest(matrix, hostile, { txnId: 'txn-1' });
    expect(request.method).toBe('PUT');
    expect(request.url).toBe(
      'https://matrix.example.org/_matrix/client/v3/rooms/!abc%3Aexample.org/send/m.room.message/txn-1',
    );
    expect(request.headers.Authorization).toBe('Bearer syt_secret');
    const body = JSON.parse(request.body!);
    expect(body.msgtype).toBe('m.text');
    expect(body.format).toBe('org.matrix.custom.html');
    expect(body.body).toBe(`${hostile.title}\n${hostile.message}\n${hostile.organization}`);
    // Nobody is mentioned, whatever the words hold.
    expect(body['m.mentions']).toEqual({});
  });

  it('escapes hostile names in the HTML body', () => {
    const html: string = JSON.parse(
      renderRequest(matrix, hostile, { txnId: 't' }).body!,
    ).formatted_body;
    expect(html).toBe(
      '<strong>5-hour session at 90% &lt;script&gt;alert(1)&lt;/script&gt;</strong><br>' +
        'Resets in 1 h<br>@room &amp; @everyone<br>' +
        '&lt;img src=x onerror=alert(1)&gt; &quot;Acme&quot; &amp; Co',
    );
    expect(html).not.toMatch(/<(script|img)/);
  });

  it('sends to the looked-up room id of an alias, and cuts very long bodies', () => {
    const request = renderRequest(
      { ...matrix, room: '#alerts:example.org' },
      { ...SAMPLE_PAYLOAD, message: 'x'.repeat(10_000) },
      { txnId: 't', roomId: '!real:example.org' },
    );
    expect(request.url).toContain('/rooms/!real%3Aexample.org/send/');
    expect(JSON.parse(request.body!).body).toHaveLength(MATRIX_BODY_MAX);
  });

  it('validates homeserver, token and room', () => {
    expect(validateChannel(matrix)).toEqual({});
    expect(validateChannel({ ...matrix, room: '#alias:example.org' })).toEqual({});
    expect(
      Object.keys(
        validateChannel({ ...matrix, homeserver: 'ftp://x', accessToken: 'a b', room: 'general' }),
      ).sort(),
    ).toEqual(['mxRoom', 'mxServer', 'mxToken']);
    expect(maskedDestination(matrix)).toBe('https://matrix.example.org · !ab•••');
  });

  it('honours a 429 with retry_after_ms in a JSON body', async () => {
    const sleeps: number[] = [];
    const answers = [
      new Response(JSON.stringify({ errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 6500 }), {
        status: 429,
        headers: { 'content-type': 'application/json' },
      }),
      new Response('{}', { status: 200 }),
    ];
    const fetch = vi.fn(async () => answers.shift()!);
    const result = await deliver(renderRequest(matrix, hostile, { txnId: 't' }), {
      fetch: fetch as unknown as typeof globalThis.fetch,
      sleep: async (ms) => void sleeps.push(ms),
      now: () => 0,
    });
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 2 });
    expect(sleeps).toEqual([6500]);
  });
});

describe('the dispatcher with Matrix', () => {
  function setup(answer: (url: string) => Response) {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answer(url);
    });
    let value: DeliveryRecord[] = [];
    let id = 0;
    const dispatcher = createDispatcher({
      fetch: fetch as unknown as typeof globalThis.fetch,
      sleep: async () => undefined,
      now: () => 1,
      hasPermission: async () => true,
      log: { getValue: async () => value, setValue: async (v) => void (value = v) },
      newId: () => `id-${++id}`,
    });
    return { dispatcher, calls };
  }

  it('looks an alias up, then sends with a fresh transaction id each delivery', async () => {
    const { dispatcher, calls } = setup((url) =>
      url.includes('/directory/room/')
        ? Response.json({ room_id: '!real:example.org', servers: [] })
        : Response.json({ event_id: '$e' }),
    );
    const channel = { ...matrix, room: '#alerts:example.org' };
    expect((await dispatcher.send(channel, hostile)).ok).toBe(true);
    expect((await dispatcher.send(channel, hostile)).ok).toBe(true);
    expect(calls.map((c) => c.url.replace('https://matrix.example.org', ''))).toEqual([
      '/_matrix/client/v3/directory/room/%23alerts%3Aexample.org',
      '/_matrix/client/v3/rooms/!real%3Aexample.org/send/m.room.message/id-1',
      '/_matrix/client/v3/directory/room/%23alerts%3Aexample.org',
      '/_matrix/client/v3/rooms/!real%3Aexample.org/send/m.room.message/id-2',
    ]);
    expect(calls.every((c) => c.init.credentials === 'omit')).toBe(true);
  });

  it('says so in the log when the alias is unknown, and sends nothing', async () => {
    const { dispatcher, calls } = setup(() =>
      Response.json({ errcode: 'M_NOT_FOUND' }, { status: 404 }),
    );
    const entry = await dispatcher.send({ ...matrix, room: '#gone:example.org' }, hostile);
    expect(entry).toMatchObject({
      ok: false,
      error: 'Room #gone:example.org not found (HTTP 404)',
    });
    expect(calls).toHaveLength(1);
  });
});
