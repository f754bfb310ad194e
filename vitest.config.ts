import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Vitest 5 prints failures with Map.groupBy, which Node 20 lacks; without this a failing test
// crashes the reporter instead of saying what failed.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        groups.set(k, [...(groups.get(k) ?? []), item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/support/i18n-setup.ts'],
    restoreMocks: true,
    // The in-page meter inlines its stylesheet: let tests see it as the build does.
    css: { include: [/claude\.content\/style\.css/] },
    // Work-bound tests (fake IndexedDB compaction) take seconds on a shared 2-core machine that
    // is also running browsers; a timeout is not an assertion.
    testTimeout: 30_000,
  },
});
