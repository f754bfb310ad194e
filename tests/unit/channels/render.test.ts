import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BODY_TEMPLATE,
  fillTemplate,
  renderRequest,
  SAMPLE_PAYLOAD,
} from '../../../lib/channels/render';
import {
  DEFAULT_CHANNEL_EVENTS,
  type AlertPayload,
  type Channel,
} from '../../../lib/channels/types';

const base = { id: 'c1', name: 'Team', enabled: true, events: DEFAULT_CHANNEL_EVENTS };
const hostile: AlertPayload = {
  ...SAMPLE_PAYLOAD,
  title: 'Claude usage · "Acme" <!channel> & co',
  message: 'line one\nline two \\ "quoted" \u2028 ünïcødé 日本語 @everyone',
  organization: 'Acme "R&D" {event}',
};

describe('fillTemplate', () => {
  it('keeps the default JSON template valid JSON whatever the values hold', () => {
    const body = JSON.parse(fillTemplate(DEFAULT_BODY_TEMPLATE, hostile, 'json'));
    expect(body).toEqual({
      event: 'threshold',
      title: hostile.title,
      message: hostile.message,
      limit: '5-hour session',
      percent: 90,
      resets_at: '2026-11-25T14:00:00.000Z',
      organization: hostile.organization,
    });
  });

  it('writes {percent} as null when the alert concerns no limit', () => {
    const body = JSON.parse(
      fillTemplate(DEFAULT_BODY_TEMPLATE, { ...SAMPLE_PAYLOAD, percent: null, limit: '' }, 'json'),
    );
    expect(body.percent).toBeNull();
    expect(body.limit).toBe('');
  });

  it('does not fill placeholders that a value brings in', () => {
    expect(fillTemplate('{organization}', hostile, 'none')).toBe('Acme "R&D" {event}');
  });

  it('leaves unknown words and JSON braces alone', () => {
    expect(fillTemplate('{"a":{"b":1},"c":"{nope}"}', SAMPLE_PAYLOAD, 'json')).toBe(
      '{"a":{"b":1},"c":"{nope}"}',
    );
  });

  it('encodes values as URL components for GET addresses', () => {
    expect(fillTemplate('https://x.test/?m={message}&p={percent}', hostile, 'url')).toBe(
      `https://x.test/?m=${encodeURIComponent(hostile.message)}&p=90`,
    );
  });
});

describe('renderRequest', () => {
  it('posts Slack text with mrkdwn escaped, so no name can ping a channel', () => {
    const request = renderRequest(
      { ...base, type: 'slack', url: 'https://hooks.slack.com/services/T/B/X' },
      hostile,
    );
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://hooks.slack.com/services/T/B/X',
    });
    const { text } = JSON.parse(request.body!);
    expect(text).toContain('&lt;!channel&gt; &amp; co');
    expect(text).not.toContain('<!channel>');
    expect(text.startsWith('*Claude usage')).toBe(true);
  });

  it('posts Discord content that mentions nobody and fits 2,000 characters', () => {
    const request = renderRequest(
      { ...base, type: 'discord', url: 'https://discord.com/api/webhooks/1/x' },
      { ...hostile, message: 'x'.repeat(5000) },
    );
    const body = JSON.parse(request.body!);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content.length).toBe(2000);
  });

  it('publishes to ntfy as JSON at the server root, with the token as a bearer header', () => {
    const channel: Channel = {
      ...base,
      type: 'ntfy',
      server: 'https://ntfy.example.org/',
      topic: 'my-topic',
      token: 'tk_secret',
    };
    const request = renderRequest(channel, { ...hostile, event: 'reached' });
    expect(request.url).toBe('https://ntfy.example.org/');
    expect(request.headers.Authorization).toBe('Bearer tk_secret');
    expect(JSON.parse(request.body!)).toMatchObject({
      topic: 'my-topic',
      title: hostile.title,
      message: hostile.message,
      priority: 5,
    });
    const open = renderRequest({ ...channel, token: '' }, hostile);
    expect(open.headers.Authorization).toBeUndefined();
  });

  it('sends a generic POST webhook its template, as JSON when it reads as JSON', () => {
    const request = renderRequest(
      {
        ...base,
        type: 'webhook',
        url: 'https://hooks.example.org/in',
        method: 'POST',
        headers: [{ name: 'Authorization', value: 'Bearer abc' }],
        bodyTemplate: DEFAULT_BODY_TEMPLATE,
      },
      hostile,
    );
    expect(request.headers).toEqual({
      Authorization: 'Bearer abc',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(request.body!).message).toBe(hostile.message);
  });

  it('sends plain text unescaped when the template is not JSON or says text', () => {
    const text = renderRequest(
      {
        ...base,
        type: 'webhook',
        url: 'https://hooks.example.org/in',
        method: 'POST',
        headers: [],
        bodyTemplate: '{title}: {message}',
      },
      hostile,
    );
    expect(text.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toBe(`${hostile.title}: ${hostile.message}`);
  });

  it('puts placeholders in a GET webhook address and sends no body', () => {
    const request = renderRequest(
      {
        ...base,
        type: 'webhook',
        url: 'https://hooks.example.org/in?text={message}',
        method: 'GET',
        headers: [],
        bodyTemplate: DEFAULT_BODY_TEMPLATE,
      },
      SAMPLE_PAYLOAD,
    );
    expect(request.method).toBe('GET');
    expect(request.body).toBeUndefined();
    expect(new URL(request.url).searchParams.get('text')).toBe(SAMPLE_PAYLOAD.message);
  });
});
