import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_TEMPLATE } from '../../../lib/channels/render';
import { DEFAULT_CHANNEL_EVENTS, type Channel } from '../../../lib/channels/types';
import {
  maskedDestination,
  originPattern,
  parseHeaderLines,
  validateChannel,
} from '../../../lib/channels/validate';

const base = { id: 'c1', name: 'Team', enabled: true, events: DEFAULT_CHANNEL_EVENTS };
const slack = (url: string): Channel => ({ ...base, type: 'slack', url });
const webhook = (over: Partial<Extract<Channel, { type: 'webhook' }>> = {}): Channel => ({
  ...base,
  type: 'webhook',
  url: 'https://hooks.example.org/in',
  method: 'POST',
  headers: [],
  bodyTemplate: DEFAULT_BODY_TEMPLATE,
  ...over,
});

describe('validateChannel', () => {
  it('accepts a complete channel of each kind', () => {
    expect(validateChannel(slack('https://hooks.slack.com/services/T/B/X'))).toEqual({});
    expect(
      validateChannel({
        ...base,
        type: 'ntfy',
        server: 'http://ntfy.lan:8080',
        topic: 'a_b-1',
        token: '',
      }),
    ).toEqual({});
    expect(validateChannel(webhook())).toEqual({});
  });

  it.each([
    ['no scheme', 'hooks.slack.com/services/x', 'url'],
    ['plain http for Slack', 'http://hooks.slack.com/services/x', 'url'],
    ['javascript:', 'javascript:alert(1)', 'url'],
  ])('refuses a Slack address with %s', (_, url, field) => {
    expect(validateChannel(slack(url))).toHaveProperty(field);
  });

  it('refuses an empty or overlong name', () => {
    expect(validateChannel({ ...slack('https://h.test/x'), name: '  ' })).toHaveProperty('name');
    expect(validateChannel({ ...slack('https://h.test/x'), name: 'x'.repeat(41) })).toHaveProperty(
      'name',
    );
  });

  it('refuses an ntfy topic with a slash or space', () => {
    for (const topic of ['a/b', 'a b', '']) {
      expect(
        validateChannel({ ...base, type: 'ntfy', server: 'https://ntfy.sh', topic, token: '' }),
      ).toHaveProperty('topic');
    }
  });

  it('refuses headers that would carry cookies, or split lines', () => {
    expect(
      validateChannel(webhook({ headers: [{ name: 'Cookie', value: 'a=b' }] })),
    ).toHaveProperty('headers');
    expect(
      validateChannel(webhook({ headers: [{ name: 'X-Token', value: 'a\r\nX-Evil: 1' }] })),
    ).toHaveProperty('headers');
    expect(
      validateChannel(webhook({ headers: [{ name: 'Bad Name', value: 'x' }] })),
    ).toHaveProperty('headers');
  });

  it('refuses a JSON template that the placeholders would break', () => {
    expect(
      validateChannel(
        webhook({
          bodyTemplate: '{"text": {message}}',
          headers: [{ name: 'Content-Type', value: 'application/json' }],
        }),
      ),
    ).toHaveProperty('bodyTemplate');
    // Plain text is plain text: any template goes.
    expect(validateChannel(webhook({ bodyTemplate: '{message}' }))).toEqual({});
  });
});

describe('parseHeaderLines', () => {
  it('reads one "Name: value" a line and skips blank lines', () => {
    expect(parseHeaderLines('Authorization: Bearer a:b\n\nX-A:1')).toEqual([
      { name: 'Authorization', value: 'Bearer a:b' },
      { name: 'X-A', value: '1' },
    ]);
  });
  it('says null for a line without a name', () => {
    expect(parseHeaderLines('just text')).toBeNull();
    expect(parseHeaderLines(': value')).toBeNull();
  });
});

describe('originPattern and maskedDestination', () => {
  it('asks for the host only, without port or path', () => {
    expect(originPattern(slack('https://hooks.slack.com/services/T/B/SECRET'))).toBe(
      'https://hooks.slack.com/*',
    );
    expect(
      originPattern({
        ...base,
        type: 'ntfy',
        server: 'http://ntfy.lan:8080',
        topic: 't',
        token: '',
      }),
    ).toBe('http://ntfy.lan/*');
    expect(originPattern(webhook({ url: 'https://h.test/?m={message}', method: 'GET' }))).toBe(
      'https://h.test/*',
    );
  });

  it('never shows a path, query, topic or token in full', () => {
    const shown = [
      maskedDestination(slack('https://hooks.slack.com/services/T/B/SECRET')),
      maskedDestination(webhook({ url: 'https://h.test/in?token=SECRET' })),
      maskedDestination({
        ...base,
        type: 'ntfy',
        server: 'https://ntfy.sh',
        topic: 'SECRETtopic',
        token: 'tk_SECRET',
      }),
    ];
    expect(shown).toEqual([
      'https://hooks.slack.com/•••',
      'https://h.test/•••',
      'https://ntfy.sh/SE••• · token set',
    ]);
    for (const text of shown) expect(text).not.toContain('SECRET');
  });
});
