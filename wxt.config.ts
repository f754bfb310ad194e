import preact from '@preact/preset-vite';
import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { firstPaintChunk } from './build/first-paint-chunk';
import { lightPreload } from './build/light-preload';

/** The chunk rolldown keeps its runtime helpers in (a lazily imported module's namespace). */
const RUNTIME_CHUNK = /(^|\/)rolldown-runtime-[^/]*\.js$/;

/**
 * The content script and the worker use the browser's own promise-based `chrome`/`browser`
 * (Chromium's MV3 APIs return promises; the worker answers messages with `sendResponse`, which
 * both browsers keep), but `wxt/browser`, which the polyfill module points at the polyfill, costs
 * each of them 3 KB gzipped. Point it back at WXT's plain global for those builds; the
 * extension's pages keep the polyfill.
 */
function withoutPolyfill(alias: AliasOptions | undefined): AliasOptions {
  const list = Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
  return [
    ...list.filter((a: { find: unknown }) => a.find !== 'wxt/browser'),
    { find: 'wxt/browser', replacement: '@wxt-dev/browser' },
  ];
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.every((e) => e.type === 'content-script' || e.type === 'background'))
        config.resolve = { ...config.resolve, alias: withoutPolyfill(config.resolve?.alias) };
    },
  },
  vite: () => ({
    plugins: [preact(), lightPreload(), firstPaintChunk()],
    // A page's own static imports are named in its HTML, so they load beside its entry, not
    // after. A lazy chunk's imports are not preloaded: each name costs the first paint bytes, and
    // the islands (`firstPaintChunk`) keep a lazy load to one chunk. But for the bundler's runtime
    // helpers, which the islands import and nothing loads first: each extension file takes a
    // round trip of 10–20 ms, and that one would be a second link on the chart's way.
    build: {
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file, deps, { hostType }) =>
          hostType === 'html' ? deps : deps.filter((dep) => RUNTIME_CHUNK.test(dep)),
      },
      minify: 'terser',
      terserOptions: {
        compress: { passes: 3, ecma: 2020 },
        ecma: 2020,
        module: true,
        toplevel: true,
      },
    },
  }),
  manifest: ({ browser }) => ({
    // Texts live in public/_locales; the browser picks the language, English by default.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Added accounts: a session rule gives their key to the extension's own requests only. It acts
    // only where the extension has host access (claude.ai) and shows no install warning. Not in
    // Firefox, where adding accounts is off (see the README's Accounts section).
    permissions: [
      'alarms',
      'storage',
      'notifications',
      ...(browser === 'firefox' ? [] : ['declarativeNetRequestWithHostAccess']),
    ],
    host_permissions: ['https://claude.ai/*'],
    // Alert channels (Slack, Discord, ntfy, webhooks): one host each, asked for when it is added.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claude-usage-meter@example.org',
              // 140 is the first Firefox that reads the data-collection declaration.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['tests/**', 'bench/**', '.ci/**', '**/*.pem', '**/*.key', 'demo-output/**'],
  },
});
