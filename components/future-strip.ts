import type { Plugin } from 'chart.js';

/**
 * A Chart.js plugin that shades the plot right of `from` (the present), where the "at this pace"
 * projection is drawn, and labels it; nothing when `from` is null.
 */
export function futureStrip(
  from: number | null,
  colours: { fill: string; text: string; label: string },
): Plugin<'line'> {
  return {
    id: 'futureStrip',
    beforeDatasetsDraw(c) {
      const x = c.scales.x;
      if (from === null || !x) return;
      const left = x.getPixelForValue(from);
      const { top, bottom, right } = c.chartArea;
      const ctx = c.ctx;
      ctx.save();
      ctx.fillStyle = colours.fill;
      ctx.fillRect(left, top, right - left, bottom - top);
      ctx.fillStyle = colours.text;
      ctx.font = '11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText(colours.label, (left + right) / 2, top + 11, right - left - 4);
      ctx.restore();
    },
  };
}
