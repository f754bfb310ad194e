import type { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { futureStrip } from '../../../components/future-strip';

const colours = { fill: '#eee', text: '#333', label: 'At this pace' };

/** A chart stand-in: an x scale of one pixel per unit, and a context that records the drawing. */
function fakeChart(withScale = true) {
  const drawn: unknown[][] = [];
  const ctx = {
    save: () => drawn.push(['save']),
    restore: () => drawn.push(['restore']),
    fillRect: (...a: number[]) => drawn.push(['fillRect', ...a]),
    fillText: (...a: unknown[]) => drawn.push(['fillText', ...a]),
    set fillStyle(v: string) {
      drawn.push(['fillStyle', v]);
    },
  };
  const chart = {
    scales: withScale ? { x: { getPixelForValue: (v: number) => v } } : {},
    chartArea: { top: 10, bottom: 110, left: 0, right: 300 },
    ctx,
  } as unknown as Chart<'line'>;
  return { chart, drawn };
}
const draw = (plugin: ReturnType<typeof futureStrip>, chart: Chart<'line'>) =>
  (plugin.beforeDatasetsDraw as (c: Chart<'line'>) => void)(chart);

describe('futureStrip', () => {
  it('shades the plot right of the present and labels it in the middle', () => {
    const { chart, drawn } = fakeChart();
    draw(futureStrip(200, colours), chart);
    expect(drawn).toEqual([
      ['save'],
      ['fillStyle', '#eee'],
      ['fillRect', 200, 10, 100, 100],
      ['fillStyle', '#333'],
      ['fillText', 'At this pace', 250, 21, 96],
      ['restore'],
    ]);
  });

  it('draws nothing without a present, or before the chart has its x scale', () => {
    const none = fakeChart();
    draw(futureStrip(null, colours), none.chart);
    const early = fakeChart(false);
    draw(futureStrip(200, colours), early.chart);
    expect([none.drawn, early.drawn]).toEqual([[], []]);
  });
});
