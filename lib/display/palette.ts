/**
 * The popup's colours as data, light and dark: `entrypoints/popup/style.css` mirrors these custom
 * properties (a unit test holds the two together and checks every text colour for WCAG AA).
 */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  /** The brand accent: the plan chip, the selected organisation and range. */
  accent: string;
  /** Links and the focus ring. */
  focus: string;
  ok: string;
  warn: string;
  critical: string;
  /** Behind a status or verdict line that reports a problem. */
  'problem-bg': string;
  /** One colour per limit, everywhere: the row's swatch, its chart line, its readout. */
  'series-1': string;
  'series-2': string;
  'series-3': string;
  'series-4': string;
  'series-5': string;
}

export const LIGHT: Palette = {
  bg: '#ffffff',
  fg: '#1f1f1f',
  muted: '#5f6368',
  accent: '#b5492a',
  focus: '#1558b0',
  ok: '#137333',
  warn: '#8a5a00',
  critical: '#c5221f',
  'problem-bg': '#fdf3e7',
  'series-1': '#1a73e8',
  'series-2': '#8e44ad',
  'series-3': '#00796b',
  'series-4': '#c2185b',
  'series-5': '#5f6368',
};

export const DARK: Palette = {
  bg: '#1f1e1d',
  fg: '#ecebe8',
  muted: '#a8a6a1',
  accent: '#e8825f',
  focus: '#8ab4f8',
  ok: '#5bb974',
  warn: '#e6b34a',
  critical: '#f2706a',
  'problem-bg': '#3a2d1c',
  'series-1': '#8ab4f8',
  'series-2': '#c58af9',
  'series-3': '#4db6ac',
  'series-4': '#f48fb1',
  'series-5': '#a8a6a1',
};

/** How many limit colours there are; a sixth limit shares the first colour again. */
export const SERIES_COUNT = 5;

/**
 * The colour slot (1–5) of each limit id, by its place among the limits shown, so the row, the
 * chart line and the readout of one limit agree. Pure.
 */
export function seriesSlots(ids: readonly string[]): Record<string, number> {
  return Object.fromEntries(ids.map((id, i) => [id, (i % SERIES_COUNT) + 1]));
}
