import type { browser } from 'wxt/browser';

/**
 * The extension API without the polyfill: in MV3 both Chrome's `chrome` and Firefox's `browser`
 * return promises, and the popup's first paint should not wait for a polyfill to load.
 */
export const ext: typeof browser = (() => {
  const g = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
  return g.browser?.runtime?.id ? g.browser : g.chrome;
})();
