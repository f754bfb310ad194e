import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { startFakeClaude, type FakeClaude } from '../fixtures/fake-claude';
import { launchExtension, REPO, type ExtensionSession } from './extension-session';

/**
 * Playwright's `test` for end-to-end specs: each test gets its own fake claude.ai, a fresh
 * profile and a headless Chromium running the production build (`.output/chrome-mv3`), and
 * helpers that read the extension's real state. Everything is closed and deleted afterwards.
 */

export interface ExtensionFixtures {
  /** The browser's UI language for this test (`test.use({ language: 'de' })`); the system's by default. */
  language: string | undefined;
  /** The fake claude.ai this test's browser talks to (as https://claude.ai). */
  server: FakeClaude;
  /** The Chromium profile directory; kept across `restart()`. */
  profileDir: string;
  /** The browser as first launched; after `restart()` use `currentContext()`. */
  browserContext: BrowserContext;
  extensionId: string;
  session: ExtensionSession;
  /** The current browser context (a new one after `restart()`). */
  currentContext: () => BrowserContext;
  sw: ExtensionSession['sw'];
  signIn: ExtensionSession['signIn'];
  triggerPoll: ExtensionSession['triggerPoll'];
  badge: ExtensionSession['badge'];
  storageGet: ExtensionSession['storageGet'];
  snapshotCount: ExtensionSession['snapshotCount'];
  openPopup: ExtensionSession['openPopup'];
  restart: ExtensionSession['restart'];
  stopWorker: ExtensionSession['stopWorker'];
}

export const test = base.extend<ExtensionFixtures>({
  language: [undefined, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startFakeClaude();
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'claude-usage-meter-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  session: async ({ profileDir, server, language }, use) => {
    const session = await launchExtension(profileDir, server, { language });
    await use(session);
    await session.close();
  },
  browserContext: async ({ session }, use) => use(session.context),
  extensionId: async ({ session }, use) => use(session.extensionId),
  currentContext: async ({ session }, use) => use(() => session.context),
  sw: async ({ session }, use) => use(session.sw),
  signIn: async ({ session }, use) => use(session.signIn),
  triggerPoll: async ({ session }, use) => use(session.triggerPoll),
  badge: async ({ session }, use) => use(session.badge),
  storageGet: async ({ session }, use) => use(session.storageGet),
  snapshotCount: async ({ session }, use) => use(session.snapshotCount),
  openPopup: async ({ session }, use) => use(session.openPopup),
  restart: async ({ session }, use) => use(session.restart),
  stopWorker: async ({ session }, use) => use(session.stopWorker),
});

/** A full-page screenshot at `test-results/screens/<name>.png`; returns its path. */
export async function snap(page: Page, name: string): Promise<string> {
  let outputDir: string;
  try {
    outputDir = test.info().project.outputDir;
  } catch {
    outputDir = join(REPO, 'test-results'); // called outside a test, e.g. by a demo script
  }
  const path = join(outputDir, 'screens', `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

export { expect } from '@playwright/test';
export { SESSION_COOKIE_VALUE } from './extension-session';
export type { Badge, ChromeApi } from './extension-state';
