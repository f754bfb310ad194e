import { defineConfig } from '@playwright/test';

// Each test starts its own Chromium with the production build loaded; this machine has 2 cores.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // A flaky test is fixed, never retried into green, in CI too.
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
});
