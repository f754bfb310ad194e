// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  clampPill,
  composerBox,
  dockPosition,
  findEditor,
  isDarkColor,
  isSendClick,
  isSendKey,
  meterLimits,
  meterOrg,
  pageOrgId,
} from '../../../lib/meter/page-meter';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { ORG, fakeLimit, fakeReading } from '../support/builders';

/** A document body parsed from markup, as a page would have it. */
function dom(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

describe('findEditor: claude.ai markup as a hint with fallbacks', () => {
  it.each([
    [
      'the ProseMirror editor',
      '<form><fieldset><div class="ProseMirror" contenteditable="true" id="x"></div></fieldset></form>',
    ],
    ['a rich-text box of another name', '<div contenteditable="true" role="textbox" id="x"></div>'],
    [
      'an editable box inside a fieldset',
      '<fieldset><div contenteditable="true" id="x"></div></fieldset>',
    ],
    ['a plain textarea in a form', '<form><textarea id="x"></textarea></form>'],
  ])('finds %s', (_name, html) => {
    expect(findEditor(dom(html))?.id).toBe('x');
  });

  it('finds nothing on a page without a composer (a textarea outside any form is not one)', () => {
    expect(findEditor(dom('<main><h1>Settings</h1><textarea></textarea></main>'))).toBeNull();
  });

  it('places the meter by the box around the editor', () => {
    const root = dom(
      '<form id="f"><fieldset id="s"><div class="ProseMirror" contenteditable="true"></div></fieldset></form>',
    );
    expect(composerBox(findEditor(root)!).id).toBe('s');
    const bare = dom('<form id="f"><textarea></textarea></form>');
    expect(composerBox(findEditor(bare)!).id).toBe('f');
  });
});

describe('what counts as sending a message', () => {
  const key = (over: Partial<KeyboardEvent>) => ({
    key: 'Enter',
    shiftKey: false,
    isComposing: false,
    altKey: false,
    ...over,
  });
  it.each([
    ['Enter in the editor', key({}), true, true],
    ['Shift+Enter (a new line)', key({ shiftKey: true }), true, false],
    ['Enter while composing (an IME)', key({ isComposing: true }), true, false],
    ['Enter outside the editor', key({}), false, false],
    ['another key', key({ key: 'a' }), true, false],
  ])('%s', (_name, event, inEditor, sends) => {
    expect(isSendKey(event, inEditor)).toBe(sends);
  });

  it('a click on the send button or inside it, in either capitalisation', () => {
    const root = dom(
      '<button aria-label="Send message"><svg><path id="p"></path></svg></button><button aria-label="Send Message" id="b2"></button><button aria-label="Stop" id="s"></button>',
    );
    expect(isSendClick(root.querySelector('#p'))).toBe(true);
    expect(isSendClick(root.querySelector('#b2'))).toBe(true);
    expect(isSendClick(root.querySelector('#s'))).toBe(false);
    expect(isSendClick(null)).toBe(false);
  });
});

describe('pageOrgId: the organisation the page is on', () => {
  it.each([
    [ORG, ORG],
    [ORG.toUpperCase(), ORG],
    [encodeURIComponent(ORG), ORG],
    ['not-a-uuid', null],
    ['%E0%A4%A', null],
    ['', null],
    [null, null],
  ])('%s → %s', (value, expected) => {
    expect(pageOrgId(value)).toBe(expected);
  });

  it("uses the page's organisation when it is tracked, else the badge's", () => {
    const orgs = [
      { uuid: ORG, name: 'Mine', plan: 'Max 5x' },
      { uuid: 'team', name: 'Team', plan: 'Team' },
    ];
    const latest = { [ORG]: fakeReading(20), team: fakeReading(90, 10, { orgId: 'team' }) };
    expect(meterOrg(orgs, latest, DEFAULT_SETTINGS, ORG)?.uuid).toBe(ORG);
    expect(meterOrg(orgs, latest, DEFAULT_SETTINGS, null)?.uuid).toBe('team');
    expect(
      meterOrg(orgs, latest, DEFAULT_SETTINGS, '00000000-0000-4000-8000-000000000000')?.uuid,
    ).toBe('team');
  });

  it("never shows an added login's organisation: the page is signed in with the browser's", () => {
    const work = { id: 'a12345678', name: 'Work' };
    const added = `${work.id}/${ORG}`;
    const orgs = [
      { uuid: ORG, name: 'Mine', plan: 'Max 5x' },
      { uuid: added, name: 'Mine', plan: 'Max 5x', account: work },
    ];
    // The added login is tighter and even the badge's fixed choice: the meter still shows the page's login.
    const latest = { [ORG]: fakeReading(20), [added]: fakeReading(95, 10, { orgId: added }) };
    const settings = { ...DEFAULT_SETTINGS, badgeOrg: added };
    expect(meterOrg(orgs, latest, settings, null)?.uuid).toBe(ORG);
    expect(meterOrg(orgs, latest, DEFAULT_SETTINGS, ORG)?.uuid).toBe(ORG);
    expect(meterOrg(orgs.slice(1), latest, DEFAULT_SETTINGS, null)).toBeNull();
  });
});

describe('meterLimits', () => {
  it('shows a per-model cap only when it binds before the weekly limit', () => {
    const fable = fakeLimit({
      id: 'weekly:fable',
      kind: 'weekly_model',
      label: 'Weekly · Fable',
      percent: 52,
    });
    const binding = fakeReading(10, 39, {});
    binding.limits.push(fable);
    expect(meterLimits(binding).binding?.id).toBe('weekly:fable');
    const loose = fakeReading(10, 60);
    loose.limits.push(fable);
    expect(meterLimits(loose).binding).toBeNull();
    expect(meterLimits(loose).session?.percent).toBe(10);
  });

  it('has nothing to draw for a plan that reports no limits', () => {
    expect(meterLimits(fakeReading(0, 0, { limits: [] }))).toEqual({
      session: null,
      weekly: null,
      binding: null,
    });
  });
});

describe('where the meter goes', () => {
  const viewport = { width: 1280, height: 720 };
  const meter = { width: 200, height: 24 };

  it('sits just above the composer, flush with its right edge', () => {
    expect(
      dockPosition({ top: 630, bottom: 700, left: 300, right: 1000 }, meter, viewport),
    ).toEqual({ top: 600, left: 788 });
  });

  it('goes below the composer when there is no room above', () => {
    expect(dockPosition({ top: 10, bottom: 80, left: 300, right: 1000 }, meter, viewport).top).toBe(
      86,
    );
  });

  it('stays in the window when the composer is narrower than the meter', () => {
    expect(dockPosition({ top: 630, bottom: 700, left: 0, right: 100 }, meter, viewport).left).toBe(
      0,
    );
  });

  it('keeps a dragged or remembered pill inside the window, whatever was stored', () => {
    expect(clampPill({ right: -50, bottom: 5000 }, meter, viewport)).toEqual({
      right: 0,
      bottom: 696,
    });
    expect(clampPill({ right: Number.NaN, bottom: 20 }, meter, viewport)).toEqual({
      right: 0,
      bottom: 20,
    });
  });
});

describe("isDarkColor: following claude.ai's theme", () => {
  it.each([
    ['rgb(38, 38, 36)', true],
    ['rgb(250, 249, 245)', false],
    ['rgba(0, 0, 0, 0)', null],
    ['rgb(20 20 20 / 80%)', true],
    ['transparent', null],
  ])('%s → %s', (css, dark) => {
    expect(isDarkColor(css)).toBe(dark);
  });
});
