// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlacement, type Placement } from '../../../../entrypoints/claude.content/placement';

/** Frames are run by hand: the test counts how often the placement asks for one. */
let frames: FrameRequestCallback[] = [];
const runFrames = () => {
  const due = frames;
  frames = [];
  for (const frame of due) frame(0);
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const make = (tag: string, attrs: Record<string, string>, ...children: Node[]) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
};

/** A chat page: the conversation, and the composer in its form. */
function chatPage(): HTMLElement {
  const conversation = make('ol', { class: 'conversation' });
  const editor = make('div', { class: 'ProseMirror', contenteditable: 'true' });
  document.body.replaceChildren(
    make('main', {}, conversation),
    make('form', {}, make('fieldset', {}, editor)),
  );
  return conversation;
}

describe('the meter’s placement on a changing claude.ai page', () => {
  let box: HTMLElement;
  let placement: Placement;
  const docked: boolean[] = [];

  beforeEach(() => {
    frames = [];
    docked.length = 0;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    box = make('div', {}, make('div', { class: 'strip' }));
    document.documentElement.append(box);
  });

  /** The meter placed for the first time, as its first draw asks. */
  const placeOnce = () => {
    placement = createPlacement(
      () => box,
      (d) => docked.push(d),
      () => undefined,
    );
    placement.update();
    runFrames();
  };

  afterEach(() => {
    placement.stop();
    box.remove();
    vi.unstubAllGlobals();
  });

  it('docks beside the composer, and an answer streaming in does not make it look again', async () => {
    const conversation = chatPage();
    placeOnce();
    // Docked from the start: no change to report, so the first draw is the only one.
    expect(docked).toEqual([]);
    expect(placement.docked).toBe(true);

    for (let i = 0; i < 20; i++) conversation.append(document.createElement('li'));
    await settle();
    expect(frames).toHaveLength(0);
  });

  it('starts as a floating pill on a page without a composer: nothing changed, nothing redrawn', () => {
    document.body.replaceChildren(
      make('main', {}, make('p', {}, document.createTextNode('Settings'))),
    );
    placeOnce();
    expect(placement.docked).toBe(false);
    expect(docked).toEqual([]);
    expect(box.style.right).toBe('16px');
    expect(box.style.bottom).toBe('16px');
  });

  it('looks again when the composer leaves the page, and floats as a pill until one is back', async () => {
    chatPage();
    placeOnce();
    document.querySelector('form')!.remove();
    await settle();
    expect(frames).toHaveLength(1);
    runFrames();
    expect(docked).toEqual([false]);

    // Without a composer every change is a chance that one came: a new chat's.
    document.body.append(document.createElement('div'));
    await settle();
    expect(frames).toHaveLength(1);
    chatPage();
    await settle();
    runFrames();
    expect(docked).toEqual([false, true]);
  });
});
