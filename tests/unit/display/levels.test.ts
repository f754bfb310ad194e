import { describe, expect, it } from 'vitest';
import { levelOf } from '../../../lib/display/levels';

describe('levelOf', () => {
  it.each([
    [0, 'ok'],
    [74.9, 'ok'],
    [75, 'warn'],
    [89, 'warn'],
    [90, 'critical'],
    [130, 'critical'],
  ] as const)('puts %s %% at level %s with the default levels', (percent, level) => {
    expect(levelOf(percent, { warnAt: 75, criticalAt: 90 })).toBe(level);
  });
});
