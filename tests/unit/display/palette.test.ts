import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, seriesSlots, type Palette } from '../../../lib/display/palette';

const CSS = readFileSync(new URL('../../../entrypoints/popup/style.css', import.meta.url), 'utf8');

/** The custom properties of the first CSS block whose selector matches `selector`. */
function cssVars(selector: RegExp): Record<string, string> {
  const block = new RegExp(`${selector.source}\\s*\\{([^}]*)\\}`).exec(CSS)?.[1] ?? '';
  return Object.fromEntries(
    [...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function luminance(hex: string): number {
  const [r, g, b] = [0, 1, 2].map((i) => linear(channel(hex, i)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
/** CIE L*a*b* distance (ΔE 1976): how different two colours look. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = [0, 1, 2].map((i) => linear(channel(hex, i))) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047);
    const y = f(r * 0.2126 + g * 0.7152 + bl * 0.0722);
    const z = f((r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}

const THEMES: [string, Palette][] = [
  ['light', LIGHT],
  ['dark', DARK],
];
/** Colours used as text (the percent, the verdict, the plan chip, links, muted lines). */
const TEXT = ['fg', 'muted', 'accent', 'focus', 'ok', 'warn', 'critical'] as const;
/** Colours that only draw (chart lines, swatches): WCAG asks 3:1 of graphics. */
const GRAPHICS = ['series-1', 'series-2', 'series-3', 'series-4', 'series-5'] as const;

describe('the popup palette', () => {
  it('is what style.css uses, light and dark', () => {
    expect(cssVars(/:root/)).toMatchObject(LIGHT);
    expect(cssVars(/:root:not\(\[data-theme='light'\]\)/)).toMatchObject(DARK);
    expect(cssVars(/:root\[data-theme='dark'\]/)).toMatchObject(DARK);
  });

  describe.each(THEMES)('in the %s theme', (_, palette) => {
    it.each(TEXT)('writes %s text at AA contrast (4.5:1) on the background', (name) => {
      expect(contrast(palette[name], palette.bg)).toBeGreaterThanOrEqual(4.5);
    });

    it.each(['fg', 'muted', 'focus'] as const)(
      'writes %s text at AA contrast inside a problem notice',
      (name) => {
        expect(contrast(palette[name], palette['problem-bg'])).toBeGreaterThanOrEqual(4.5);
      },
    );

    it.each(['warn', 'critical'] as const)('writes the verdict in %s on a notice too', (name) => {
      expect(contrast(palette[name], palette['problem-bg'])).toBeGreaterThanOrEqual(4.5);
    });

    it.each(GRAPHICS)('draws %s at 3:1 against the background', (name) => {
      expect(contrast(palette[name], palette.bg)).toBeGreaterThanOrEqual(3);
    });

    it('keeps the brand accent clearly apart from the warning amber and the red', () => {
      expect(deltaE(palette.accent, palette.warn)).toBeGreaterThanOrEqual(30);
      expect(deltaE(palette.accent, palette.critical)).toBeGreaterThanOrEqual(15);
    });

    it('gives limits colours that are not level colours', () => {
      for (const series of GRAPHICS.slice(0, 4))
        for (const level of ['ok', 'warn', 'critical'] as const)
          expect(deltaE(palette[series], palette[level]), `${series}/${level}`).toBeGreaterThan(20);
    });
  });

  it('gives each limit its own colour slot, in the order shown', () => {
    expect(seriesSlots(['session', 'weekly', 'weekly:fable'])).toEqual({
      session: 1,
      weekly: 2,
      'weekly:fable': 3,
    });
    expect(seriesSlots(['a', 'b', 'c', 'd', 'e', 'f']).f).toBe(1);
  });
});
