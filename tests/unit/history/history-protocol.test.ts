import { afterEach, describe, expect, it } from 'vitest';
import { t, useFallbackMessages, usePreparedText, type Messages } from '../../../lib/display/i18n';
import { prepareText } from '../../../lib/display/prepared-text';
import { WORKER_TEXT_KEYS } from '../../../lib/history/history-protocol';
import { limitLabel } from '../../../lib/usage/labels';
import english from '../../../public/_locales/en/messages.json';

const LIMITS = [
  { id: 'session', label: 'x' },
  { id: 'weekly', label: 'x' },
  { id: 'weekly:opus', label: 'x' },
  { id: 'weekly:sonnet', label: 'x', name: 'Sonnet' },
  { id: 'other:oauth_apps', label: 'x' },
  { id: 'surface:design', label: 'x' },
  { id: 'weekly:unknown', label: 'As stored' },
];

describe("the history worker's words", () => {
  afterEach(() => {
    usePreparedText(null);
    useFallbackMessages(english as Messages);
  });

  it('are every message a limit label needs: a worker without the browser labels alike', () => {
    const expected = LIMITS.map(limitLabel);
    const text = prepareText(t, 'en', null, WORKER_TEXT_KEYS);
    // The worker's world: no browser messages, only what the page sent.
    useFallbackMessages(null);
    usePreparedText(text);
    expect(LIMITS.map(limitLabel)).toEqual(expected);
  });
});
