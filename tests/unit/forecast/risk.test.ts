import { describe, expect, it } from 'vitest';
import { atRisk, levelWithRisk } from '../../../lib/forecast/risk';

describe('atRisk and levelWithRisk', () => {
  it('raises a calm row to amber when the limit runs out before its reset', () => {
    expect(atRisk({ runsOutAt: 1 })).toBe(true);
    expect(levelWithRisk('ok', { runsOutAt: 1 })).toBe('warn');
  });

  it('leaves the level alone when the limit lasts, or nothing is known', () => {
    expect(atRisk({ lasts: true, elapsedPercent: 40 })).toBe(false);
    expect(atRisk(undefined)).toBe(false);
    expect(levelWithRisk('ok', { lasts: true })).toBe('ok');
    expect(levelWithRisk('ok', undefined)).toBe('ok');
  });

  it('never lowers a row already warning or critical', () => {
    expect(levelWithRisk('warn', { runsOutAt: 1 })).toBe('warn');
    expect(levelWithRisk('critical', { runsOutAt: 1 })).toBe('critical');
  });
});
