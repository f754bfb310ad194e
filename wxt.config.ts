import preact from '@preact/preset-vite';
import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { firstPaintChunk } from './build/first-paint-chunk';
import { lightPreload } from './build/light-preload';

/**
 * The content script runs on every claude.ai page and uses the browser's own promise-based
 * `chrome`/`browser` (`extensionApi()`), but WXT's content-script context imports `wxt/browser`,
 * which the polyfill module points at the polyfill (3 KB gzipped). Point it back at WXT's plain
 * global for that build only; the extension's pages and worker keep the polyfill.
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
      if (entrypoints.every((e) => e.type === 'content-script'))
        config.resolve = { ...config.resolve, alias: withoutPolyfill(config.resolve?.alias) };
    },
  },
  vite: () => ({
    plugins: [preact(), lightPreload(), firstPaintChunk()],
    // Each chunk is a local file of the extension, read in well under a millisecond: preloading
    // lazy chunks saves nothing, and the preload code and polyfill cost the first paint 1 KB.
    build: {
      modulePreload: false,
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
    permissions: ['alarms', 'storage', 'notifications'],
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
