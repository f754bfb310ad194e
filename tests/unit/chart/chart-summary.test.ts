// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { summarise } from '../../../components/HistoryChart';
import type { Series } from '../../../lib/chart/chart-points';

const NOW = new Date(2026, 10, 25, 12, 0).getTime();
const at = (h: number, m = 0) => new Date(2026, 10, 25, h, m).getTime();

const session: Series = {
  id: 'session',
  label: '5-hour session',
  points: [
    { x: at(10), y: 20 },
    { x: at(11), y: 55 },
    { x: at(12), y: 40 },
  ],
};

describe('summarise (the chart for screen readers)', () => {
  it('gives each limit its first, last and peak percent', () => {
    const text = summarise([session], 24, [], NOW);
    expect(text).toMatch(/^Usage over the last 24 h: 5-hour session/);
    expect(text).toMatch(/20\s?%.*40\s?%.*55\s?%/);
  });

  it('says where the dashed projection ends', () => {
    const projection: Series = {
      id: 'session',
      label: '5-hour session at this pace',
      points: [
        { x: at(12), y: 40 },
        { x: at(15, 30), y: 100 },
      ],
    };
    const text = summarise([session], 24, [projection], NOW);
    expect(text).toMatch(/; 5-hour session at this pace: 100\s?% by (15:30|03:30\sPM)$/);
  });

  it('says there is nothing to show rather than an empty sentence', () => {
    expect(summarise([{ ...session, points: [] }], 24, [], NOW)).not.toContain('undefined');
  });
});
