import { describe, expect, it } from 'vitest';
import { GLOBAL_RULES } from '../../../../lib/alerts/audience';
import { DEFAULT_CHANNEL_EVENTS } from '../../../../lib/channels/types';
import { EMPTY, toChannel, type Draft } from '../../../../entrypoints/options/channel-draft';

const draft = (over: Partial<Draft>): Draft => ({ ...EMPTY, name: '  Phone  ', ...over });

describe('toChannel', () => {
  it('makes an enabled channel with the default events and global rules, fields trimmed', () => {
    const { channel, errors } = toChannel(draft({ topic: ' usage ', token: ' tk ' }), 'ch1');
    expect(errors).toEqual({});
    expect(channel).toEqual({
      id: 'ch1',
      name: 'Phone',
      enabled: true,
      events: DEFAULT_CHANNEL_EVENTS,
      rules: GLOBAL_RULES,
      type: 'ntfy',
      server: 'https://ntfy.sh',
      topic: 'usage',
      token: 'tk',
    });
  });

  it('reads Pushover fields and its priority as a number', () => {
    const { channel } = toChannel(
      draft({ type: 'pushover', poToken: 'a'.repeat(30), poUser: 'u'.repeat(30), poPriority: '1' }),
      'ch2',
    );
    expect(channel).toMatchObject({ type: 'pushover', priority: 1, server: EMPTY.poServer });
  });

  it('reads a webhook with its header lines', () => {
    const { channel, errors } = toChannel(
      draft({ type: 'webhook', url: ' https://hooks.example.org/x ', headers: 'X-Key: 1\n\nA: b' }),
      'ch3',
    );
    expect(errors).toEqual({});
    expect(channel).toMatchObject({
      url: 'https://hooks.example.org/x',
      headers: [
        { name: 'X-Key', value: '1' },
        { name: 'A', value: 'b' },
      ],
    });
  });

  it('refuses header lines without a colon, saying where', () => {
    const { errors } = toChannel(
      draft({ type: 'webhook', url: 'https://hooks.example.org/x', headers: 'no colon here' }),
      'ch4',
    );
    expect(errors.headers).toBeTruthy();
  });

  it('names the fields a draft still lacks', () => {
    const { errors } = toChannel(draft({ name: ' ', topic: '' }), 'ch5');
    expect(Object.keys(errors).sort()).toEqual(expect.arrayContaining(['name', 'topic']));
  });

  it('keeps a Slack or Discord address as typed, trimmed', () => {
    const { channel } = toChannel(
      draft({ type: 'slack', url: ' https://hooks.slack.com/x ' }),
      'c',
    );
    expect(channel).toMatchObject({ type: 'slack', url: 'https://hooks.slack.com/x' });
  });
});
