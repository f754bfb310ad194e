import { chooseBadgeOrg } from '../badge/badge';
import type { Settings } from '../settings';
import type { Limit, Org, Reading } from '../usage/types';

/**
 * The in-page meter's pure side: where claude.ai's composer is, what counts as sending a message,
 * which organisation the page is on, and where the meter goes. claude.ai's markup changes without
 * notice (a layout change in August 2026 broke several in-page meters), so every selector is a
 * hint with a fallback, and a page without a composer gets a floating pill instead.
 */

/** Most specific first: the ProseMirror editor, any rich-text box, a plain textarea in a form. */
const COMPOSER_SELECTORS = [
  'div.ProseMirror[contenteditable="true"]',
  '[contenteditable="true"][role="textbox"]',
  'fieldset [contenteditable="true"]',
  'form textarea',
];

/** The send button, as claude.ai has labelled it ("Send message", also "Send Message"). */
const SEND_BUTTON = 'button[aria-label^="send" i]';

/** The editor a person types in, or null when this page has none (settings, a new layout). */
export function findEditor(root: ParentNode): HTMLElement | null {
  for (const selector of COMPOSER_SELECTORS) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/** The box drawn around the editor (its fieldset or form), which the meter sits beside. */
export function composerBox(editor: HTMLElement): HTMLElement {
  return editor.closest<HTMLElement>('fieldset') ?? editor.closest<HTMLElement>('form') ?? editor;
}

/** Whether a key press sends the message: Enter without Shift, not mid-composition, in the editor. */
export function isSendKey(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'isComposing' | 'altKey'>,
  inEditor: boolean,
): boolean {
  if (!inEditor || event.key !== 'Enter' || event.isComposing) return false;
  return !event.shiftKey && !event.altKey;
}

/** Whether a click landed on the send button (or inside it). */
export function isSendClick(target: EventTarget | null): boolean {
  const element = target as Element | null;
  return !!element?.closest?.(SEND_BUTTON);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The name of claude.ai's cookie that says which organisation the page is on (not a session). */
export const PAGE_ORG_COOKIE = 'lastActiveOrg';

/** The organisation id in a `lastActiveOrg` value, or null when it is not one. */
export function pageOrgId(value: string | null | undefined): string | null {
  if (!value) return null;
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  return UUID.test(decoded) ? decoded.toLowerCase() : null;
}

/**
 * The organisation the meter shows: the page's own when known and tracked, else the badge's, of
 * the browser's own login only: the page is signed in with it, never with an added account.
 */
export function meterOrg(
  orgs: readonly Org[],
  latest: Record<string, Reading>,
  settings: Pick<Settings, 'badgeOrg' | 'badge'>,
  pageOrg: string | null,
): Org | null {
  const own = orgs.filter((o) => !o.account);
  return own.find((o) => o.uuid === pageOrg) ?? chooseBadgeOrg(own, latest, settings);
}

/** The two limits the compact meter draws, and a per-model cap when it binds before the weekly one. */
export function meterLimits(reading: Reading): {
  session: Limit | null;
  weekly: Limit | null;
  binding: Limit | null;
} {
  const session = reading.limits.find((l) => l.kind === 'session') ?? null;
  const weekly = reading.limits.find((l) => l.kind === 'weekly') ?? null;
  const models = reading.limits.filter((l) => l.kind === 'weekly_model');
  const tightest = models.reduce<Limit | null>(
    (a, b) => (!a || b.percent > a.percent ? b : a),
    null,
  );
  const binding = tightest && tightest.percent > (weekly?.percent ?? -1) ? tightest : null;
  return { session, weekly, binding };
}

export interface Rect {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The gap kept between the meter and the composer's edge. */
const GAP = 6;

/**
 * Where the docked meter goes: just above the composer's box, flush with its right edge, so it
 * covers none of claude.ai's controls and moves nothing; below it when there is no room above.
 */
export function dockPosition(
  box: Rect,
  meter: Size,
  viewport: Size,
): { top: number; left: number } {
  const above = box.top - GAP - meter.height;
  const top = above >= 0 ? above : Math.min(box.bottom + GAP, viewport.height - meter.height);
  const left = Math.max(
    0,
    Math.min(box.right - meter.width - GAP * 2, viewport.width - meter.width),
  );
  return { top: Math.max(0, top), left };
}

/** A floating pill's place, as offsets from the bottom-right corner, kept inside the window. */
export interface PillPlace {
  right: number;
  bottom: number;
}

export const DEFAULT_PILL_PLACE: PillPlace = { right: 16, bottom: 16 };

/** Keep a (dragged or remembered) pill fully visible in the window. */
export function clampPill(place: PillPlace, pill: Size, viewport: Size): PillPlace {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(Number.isFinite(v) ? v : 0, max));
  return {
    right: clamp(place.right, Math.max(0, viewport.width - pill.width)),
    bottom: clamp(place.bottom, Math.max(0, viewport.height - pill.height)),
  };
}

/**
 * Whether a computed CSS colour (`rgb(…)`/`rgba(…)`) is dark, so the meter can follow claude.ai's
 * own theme rather than the system's; null when it says nothing (transparent, unparsable).
 */
export function isDarkColor(css: string): boolean | null {
  const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(
    css,
  );
  if (!match) return null;
  const alpha =
    match[4] === undefined ? 1 : parseFloat(match[4]) / (match[4].endsWith('%') ? 100 : 1);
  if (alpha < 0.5) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2;
}
