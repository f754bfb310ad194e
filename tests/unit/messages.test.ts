import { describe, expect, it } from 'vitest';
import { answerMessage, askWorker, isMessage, type MessageHandlers } from '../../lib/messages';

function handlers(calls: string[]): MessageHandlers {
  const record =
    <T>(name: string, answer: T) =>
    async (message: unknown) => {
      calls.push(`${name} ${JSON.stringify(message)}`);
      return answer;
    };
  return {
    refresh: record('refresh', { ok: true }),
    'test-notification': record('test-notification', { ok: true }),
    'test-channel': record('test-channel', null),
    'reset-reminder': record('reset-reminder', { ok: false }),
    'open-details': record('open-details', { ok: true }),
    outlooks: record('outlooks', {}),
    'account-add': record('account-add', { ok: false, error: 'rejected' as const }),
    'account-key': record('account-key', { ok: true as const, id: 'a', orgs: 1 }),
    'account-rename': record('account-rename', { ok: true as const }),
    'account-remove': record('account-remove', { ok: true as const }),
  };
}

describe('messages between the pages and the worker', () => {
  it('answers each message with its own handler', async () => {
    const calls: string[] = [];
    const h = handlers(calls);
    expect(await answerMessage(h, { type: 'refresh', trigger: 'open' })).toEqual({ ok: true });
    expect(
      await answerMessage(h, { type: 'reset-reminder', orgId: 'o', limitId: 'session', on: true }),
    ).toEqual({ ok: false });
    expect(await answerMessage(h, { type: 'test-channel', channelId: 'c1' })).toBeNull();
    expect(calls).toEqual([
      'refresh {"type":"refresh","trigger":"open"}',
      'reset-reminder {"type":"reset-reminder","orgId":"o","limitId":"session","on":true}',
      'test-channel {"type":"test-channel","channelId":"c1"}',
    ]);
  });

  it('leaves foreign or malformed messages unanswered, calling nothing', () => {
    const calls: string[] = [];
    const h = handlers(calls);
    for (const bad of [
      null,
      'refresh',
      { type: 'delete-everything' },
      { type: 'refresh', trigger: 'alarm' },
      { type: 'test-channel' },
      { type: 'reset-reminder', orgId: 'o', limitId: 'session', on: 'yes' },
      { type: 'outlooks', orgId: 7 },
      { type: '__proto__' },
      { type: 'constructor' },
      { type: 'account-add', name: 'Work' },
      { type: 'account-add', name: 'Work', key: 42 },
      { type: 'account-key', key: 'sk-ant-sid01-x' },
      { type: 'account-rename', id: 'a1', name: null },
      { type: 'account-remove', id: 'a1' },
      { type: 'account-remove', id: 'a1', keepHistory: 'no' },
      { type: 'account-everything', id: 'a1' },
    ])
      expect(answerMessage(h, bad)).toBeUndefined();
    expect(calls).toEqual([]);
    expect(isMessage({ type: 'open-details' })).toBe(true);
    expect(isMessage({ type: 'open-details', orgId: 'org-1' })).toBe(true);
    expect(isMessage({ type: 'open-details', orgId: 42 })).toBe(false);
    expect(isMessage({ type: 'account-remove', id: 'a1', keepHistory: false })).toBe(true);
    expect(isMessage({ type: 'account-add', name: 'Work', key: 'k' })).toBe(true);
  });

  it('sends through the runtime and hands back its answer', async () => {
    const sent: unknown[] = [];
    const api = {
      runtime: {
        sendMessage: async (message: unknown) => {
          sent.push(message);
          return { ok: true, deferred: { why: 'spacing', until: 5 } };
        },
      },
    };
    const answer = await askWorker(api, { type: 'refresh' });
    expect(answer.deferred?.until).toBe(5);
    expect(sent).toEqual([{ type: 'refresh' }]);
  });
});
