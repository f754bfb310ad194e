import {
  clampPill,
  composerBox,
  DEFAULT_PILL_PLACE,
  dockPosition,
  findEditor,
  type PillPlace,
} from '@/lib/meter/page-meter';

export interface Placement {
  /** Whether the last placing found claude.ai's composer (docked) or not (a floating pill). */
  readonly docked: boolean;
  /** Place the meter now; call when the page or the meter's size may have changed. */
  update(): void;
  /** Follow a drag of the pill by its handle; the new place is handed to `onDropped`. */
  drag(event: PointerEvent, handle: HTMLElement): void;
  /** A remembered pill place (from storage). */
  setPill(place: PillPlace | null): void;
  stop(): void;
}

/**
 * Keeps the meter beside claude.ai's composer, or in a corner as a pill when the page has none.
 * The meter's box is `position: fixed` inside its shadow root: never part of claude.ai's layout,
 * so it moves nothing, and claude.ai re-rendering its composer (new chat, switching chats) only
 * re-places it. Layout is read at most once a frame.
 */
export function createPlacement(
  box: () => HTMLElement | null,
  onChange: (docked: boolean) => void,
  onDropped: (place: PillPlace) => void,
): Placement {
  // Known before the first draw: it comes out docked or floating at once, not drawn twice.
  let docked = findEditor(document) !== null;
  let pill: PillPlace = DEFAULT_PILL_PLACE;
  let frame = 0;
  let observed: Element | null = null;
  const resize = new ResizeObserver(() => schedule());
  // claude.ai's page changes all the time (an answer streaming in): look again only when there
  // is no composer to follow, or the one followed has left the page. Its size is the
  // ResizeObserver's; its place changes with the window's size and scrolling.
  const mutations = new MutationObserver(() => {
    if (!observed?.isConnected) schedule();
  });
  mutations.observe(document.body, { childList: true, subtree: true });
  const schedule = () => (frame ||= requestAnimationFrame(place));
  addEventListener('resize', schedule, { passive: true });
  addEventListener('scroll', schedule, { passive: true, capture: true });

  function place(): void {
    frame = 0;
    const element = box();
    if (!element) return;
    const editor = findEditor(document);
    const composer = editor ? composerBox(editor) : null;
    if (composer !== observed) {
      if (observed) resize.unobserve(observed);
      if (composer) resize.observe(composer);
      observed = composer;
    }
    // The strip's size: the panel opens out of it and must not move it.
    const strip = element.querySelector<HTMLElement>('.strip') ?? element;
    const size = { width: strip.offsetWidth, height: strip.offsetHeight };
    const viewport = { width: innerWidth, height: innerHeight };
    const style = element.style;
    if (composer) {
      const { top, left } = dockPosition(composer.getBoundingClientRect(), size, viewport);
      style.top = `${top}px`;
      style.left = `${left}px`;
      style.right = style.bottom = 'auto';
    } else {
      const { right, bottom } = clampPill(pill, size, viewport);
      style.right = `${right}px`;
      style.bottom = `${bottom}px`;
      style.top = style.left = 'auto';
    }
    if (docked !== !!composer) {
      docked = !!composer;
      onChange(docked);
    }
  }

  return {
    get docked() {
      return docked;
    },
    update: schedule,
    setPill(place) {
      pill = place ?? DEFAULT_PILL_PLACE;
      schedule();
    },
    drag(event, handle) {
      const start = { x: event.clientX, y: event.clientY, ...pill };
      handle.setPointerCapture(event.pointerId);
      event.preventDefault();
      const move = (e: PointerEvent) => {
        pill = {
          right: start.right - (e.clientX - start.x),
          bottom: start.bottom - (e.clientY - start.y),
        };
        schedule();
      };
      const end = () => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', end);
        handle.removeEventListener('pointercancel', end);
        const element = box()?.querySelector<HTMLElement>('.strip');
        pill = clampPill(
          pill,
          { width: element?.offsetWidth ?? 0, height: element?.offsetHeight ?? 0 },
          { width: innerWidth, height: innerHeight },
        );
        onDropped(pill);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', end);
      handle.addEventListener('pointercancel', end);
    },
    stop() {
      cancelAnimationFrame(frame);
      mutations.disconnect();
      resize.disconnect();
      removeEventListener('resize', schedule);
      removeEventListener('scroll', schedule, { capture: true });
    },
  };
}
