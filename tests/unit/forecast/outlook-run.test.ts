import { describe, expect, it } from 'vitest';
import { createOutlooks, FORECAST_HISTORY_MS } from '../../../lib/forecast/outlook-run';
import { ORG, T0, fakeReading } from '../support/builders';

describe("the in-page meter's outlooks", () => {
  it("gives each limit of the org's latest reading an outlook from a day of history", async () => {
    const ranges: [string, number, number][] = [];
    const outlooksFor = createOutlooks({
      read: async () => ({ latest: { [ORG]: fakeReading(40, 20) } }),
      openRepo: async () => ({
        range: async (orgId: string, from: number, to: number) => {
          ranges.push([orgId, from, to]);
          return [];
        },
      }),
      now: () => T0,
    });
    const outlooks = await outlooksFor(ORG);
    expect(Object.keys(outlooks)).toEqual(['session', 'weekly']);
    expect(ranges).toEqual([[ORG, T0 - FORECAST_HISTORY_MS, T0]]);
  });

  it('is empty for an org without a reading, and reads no history for it', async () => {
    let reads = 0;
    const outlooksFor = createOutlooks({
      read: async () => ({ latest: {} }),
      openRepo: async () => ({ range: async () => (reads++, []) }),
      now: () => T0,
    });
    expect(await outlooksFor('unknown')).toEqual({});
    expect(reads).toBe(0);
  });
});
