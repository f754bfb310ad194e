import type { Plugin } from 'vite';

/** Vite's own name for the module its lazy `import()` calls go through. */
const HELPER = '\0vite/preload-helper.js';

/**
 * With `build.modulePreload: false` Vite's preload helper is left with one job, loading the CSS
 * of a lazily imported chunk, yet it still ships 1 KB of preload code in the popup's first paint.
 * This one keeps that job in a few lines: a stylesheet the page has not linked yet is linked and
 * waited for, then the chunk loads. If Vite ever renames its helper, its own comes back (and the
 * bench's first-paint size says so).
 */
export function lightPreload(): Plugin {
  return {
    name: 'light-preload',
    enforce: 'pre',
    load(id) {
      if (id !== HELPER) return null;
      return `const linked = (href) =>
  [...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === href);
const css = (dep) => {
  const href = new URL('/' + dep, location.href).href;
  if (!dep.endsWith('.css') || linked(href)) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  document.head.append(link);
  return new Promise((done) => (link.onload = link.onerror = done));
};
export const __vitePreload = (load, deps) => Promise.all((deps || []).map(css)).then(load);
`;
    },
  };
}
