import { describe, expect, it } from 'vitest';
import { eventName } from '../../../../entrypoints/options/event-names';
import type { DeliveryEvent } from '../../../../lib/channels/types';

describe('eventName', () => {
  it.each<[DeliveryEvent, string]>([
    ['threshold', 'Near a limit'],
    ['reached', 'Limit reached'],
    ['reset', 'Limit reset'],
    ['forecast', 'Will run out before the reset'],
    ['unused', 'Much left before a weekly reset'],
    ['signed_out', 'Signed out'],
    ['test', 'Test'],
  ])('names %s in words: %s', (event, words) => {
    expect(eventName(event)).toBe(words);
  });
});
