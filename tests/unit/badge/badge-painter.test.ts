import { describe, expect, it } from 'vitest';
import { createBadgePainter, type BadgeAction } from '../../../lib/badge/badge-painter';
import { LEVEL_COLORS } from '../../../lib/display/levels';
import type { PollState } from '../../../lib/storage/poll-store';
import { ORG, T0, fakeReading, fakeSettings, fakeStatus } from '../support/builders';

function toolbar(withTextColor = true) {
  const calls: string[] = [];
  const action: BadgeAction = {
    setBadgeText: async ({ text }) => void calls.push(`text ${text}`),
    setBadgeBackgroundColor: async ({ color }) => void calls.push(`color ${color}`),
    setTitle: async ({ title }) => void calls.push(`title ${title.split('\n')[0]}`),
    ...(withTextColor && {
      setBadgeTextColor: async ({ color }: { color: string }) =>
        void calls.push(`text-color ${color}`),
    }),
  };
  return { action, calls };
}

const state = (session: number): PollState => ({
  settings: fakeSettings(),
  status: fakeStatus({ lastSuccessAt: T0 }),
  orgs: { list: [{ uuid: ORG, name: 'Acme', plan: 'Max' }], discoveredAt: T0 },
  latest: { [ORG]: { ...fakeReading(session), at: T0 } },
});

describe('the badge painter', () => {
  it('paints everything once, then only what changed', async () => {
    const { action, calls } = toolbar();
    const paint = createBadgePainter({ action, read: async () => state(10), now: () => T0 });
    await paint(state(48));
    expect(calls.filter((c) => !c.startsWith('title'))).toEqual([
      'text 48%',
      `color ${LEVEL_COLORS.ok}`,
      'text-color #ffffff',
    ]);
    expect(calls.some((c) => c.startsWith('title'))).toBe(true);

    calls.length = 0;
    await paint(state(48));
    expect(calls).toEqual([]);

    // 80 %: new text and colour; the same colour at 81 % is not set again.
    await paint(state(80));
    expect(calls.filter((c) => !c.startsWith('title'))).toEqual([
      'text 80%',
      `color ${LEVEL_COLORS.warn}`,
      'text-color #ffffff',
    ]);
    calls.length = 0;
    await paint(state(81));
    expect(calls.filter((c) => !c.startsWith('title'))).toEqual(['text 81%']);
  });

  it('reads the stored state when given none, and copes without a text-colour call', async () => {
    const { action, calls } = toolbar(false);
    const paint = createBadgePainter({ action, read: async () => state(93), now: () => T0 });
    await paint();
    expect(calls.filter((c) => !c.startsWith('title'))).toEqual([
      'text 93%',
      `color ${LEVEL_COLORS.critical}`,
    ]);
  });
});
