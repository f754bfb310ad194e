import type { Plugin } from 'vite';

/** Vite's own name for the module its lazy `import()` calls go through. */
const HELPER = '\0vite/preload-helper.js';

/**
 * Vite's preload helper ships 1 KB of code in the popup's first paint. This one does its two jobs
 * in a few lines: a stylesheet the page has not linked yet is linked and waited for, a module
 * chunk is fetched beside the one imported (`<link rel=modulepreload>`, so the import finds it
 * on its way instead of asking for it only once the importing chunk has arrived), then the chunk
 * loads. Which chunks are named is `build.modulePreload.resolveDependencies`' choice. If Vite ever
 * renames its helper, its own comes back (and the bench's first-paint size says so).
 */
export function lightPreload(): Plugin {
  return {
    name: 'light-preload',
    enforce: 'pre',
    load(id) {
      if (id !== HELPER) return null;
      return `const linked = (href) => [...document.querySelectorAll('link')].some((l) => l.href === href);
const fetchEarly = (dep) => {
  const href = new URL('/' + dep, location.href).href;
  if (linked(href)) return;
  const css = dep.endsWith('.css');
  const link = Object.assign(document.createElement('link'), {
    rel: css ? 'stylesheet' : 'modulepreload',
    href,
  });
  document.head.append(link);
  if (css) return new Promise((done) => (link.onload = link.onerror = done));
};
export const __vitePreload = (load, deps) => Promise.all((deps || []).map(fetchEarly)).then(load);
`;
    },
  };
}
