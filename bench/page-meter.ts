import type { BrowserContext } from '@playwright/test';
import type { Cdp } from './cdp';
import { waitInPage } from './page-wait';
import { traceScriptTimes } from './script-time';
import { spread, type Spread } from './stats';
import { FLOOR_CHAT } from './floor';

/** What the in-page meter costs a claude.ai chat page, measured on the fake claude.ai's. */
export interface PageMeterFigures {
  /** Main-thread time of the content script from navigation until the meter is on screen, and 2 s on. */
  scriptMs: Spread;
  /** Of it: code run after an `await`, which only the sampling profiler sees. */
  microtaskMs: Spread;
  /**
   * The floor, loaded in turn with the meter: a plain content script that reads five storage
   * keys and draws a two-bar strip in a shadow root (the bench's floor extension), counted the
   * same way.
   */
  floorMs: Spread;
  /** Cumulative layout shift of the page while the meter appears (target 0). */
  layoutShift: Spread;
  /** From navigation start to the first frame with the meter in it. */
  paintedMs: Spread;
  /** The page's own load event (navigation start to loadEventEnd): the floor the meter adds to. */
  loadedMs: Spread;
  /** From the page's load event to the first frame with the meter in it. */
  afterLoadMs: Spread;
}

/**
 * Registered before the page's own scripts: the layout shifts, and the frame the meter appeared
 * in. A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
 */
const WATCH_PAGE = `
  window.benchShift = 0;
  window.benchMeterAt = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.benchShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = (t) => {
    const strip = document.querySelector('claude-usage-meter')?.shadowRoot?.querySelector('.strip');
    if (strip && strip.offsetWidth > 0) window.benchMeterAt = t;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

/** Open the chat page `runs` times (after one warm-up) and measure each load. */
export async function benchPageMeter(
  context: BrowserContext,
  browser: Cdp,
  runs: number,
): Promise<PageMeterFigures> {
  const script: number[] = [];
  const microtasks: number[] = [];
  const floor: number[] = [];
  const shift: number[] = [];
  const painted: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const page = await context.newPage();
    await page.addInitScript(WATCH_PAGE);
    let at = 0;
    let cls = 0;
    let load = 0;
    // Every script of the content-script directory: a chunk it imported counts too.
    const [busy] = await traceScriptTimes(browser, ['/content-scripts/'], async () => {
      await page.goto('https://claude.ai/new');
      await waitInPage(page, 'window.benchMeterAt !== null');
      await page.waitForTimeout(2_000);
      [at, cls, load] = (await page.evaluate(
        "[window.benchMeterAt, window.benchShift, performance.getEntriesByType('navigation')[0].loadEventEnd]",
      )) as [number, number, number];
    });
    await page.close();
    // The floor in a load of its own (its script runs only on this chat's address), so the
    // meter's loads carry no second extension's script.
    const floorPage = await context.newPage();
    const [bare] = await traceScriptTimes(browser, ['/floor-content.js'], async () => {
      await floorPage.goto(`https://claude.ai${FLOOR_CHAT}`);
      await waitInPage(floorPage, "document.querySelector('bench-floor-meter') !== null");
      await floorPage.waitForTimeout(500);
    });
    await floorPage.close();
    if (i === 0) continue;
    script.push(busy!.ms);
    microtasks.push(busy!.microtaskMs);
    floor.push(bare!.ms);
    shift.push(cls);
    painted.push(at);
    loaded.push(load);
  }
  return {
    scriptMs: spread(script),
    microtaskMs: spread(microtasks),
    floorMs: spread(floor),
    layoutShift: spread(shift),
    paintedMs: spread(painted),
    loadedMs: spread(loaded),
    afterLoadMs: spread(painted.map((p, i) => p - loaded[i]!)),
  };
}
