import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { PollStatus } from '../../lib/usage/types';
import type { FakeClaude } from '../fixtures/fake-claude';
import {
  countSnapshots,
  firePollAlarm,
  forgetUnsignedPoll,
  readBadge,
  readStorage,
  type Badge,
} from './extension-state';

/** The repository root (the extension build and Playwright's output dir live under it). */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXTENSION_DIR = join(REPO, '.output', 'chrome-mv3');
export const SESSION_COOKIE_VALUE = 'sk-ant-sid02-test';
/** How long a helper waits for the extension before failing the test with a clear message. */
const WAIT_MS = 15_000;

/** The production build in headless Chromium on one profile; `restart()` keeps the profile. */
export interface ExtensionSession {
  /** The current browser context (a new one after `restart()`). */
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The extension's service worker, started first if it was stopped. */
  sw(): Promise<Worker>;
  /** Add the claude.ai session cookie `sk-ant-sid02-test`, as signing in would. */
  signIn(): Promise<void>;
  /** Fire the `poll` alarm and wait until that poll has finished; returns the new status. */
  triggerPoll(): Promise<PollStatus>;
  badge(): Promise<Badge>;
  storageGet<T = unknown>(key: string): Promise<T | undefined>;
  /** Snapshots in IndexedDB `claude-usage-meter`/`snapshots`. */
  snapshotCount(): Promise<number>;
  /** A new tab at popup.html. */
  openPopup(): Promise<Page>;
  /** Close the browser and relaunch it on the same profile (same extension id). */
  restart(): Promise<BrowserContext>;
  /** Stop the extension's service worker, as Chromium does when it idles. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Chromium's flags for extensions from `dirs` talking to the fake claude.ai: no calls home, and
 * claude.ai resolved to the fake, whose certificate is trusted by its key.
 */
export function chromiumArgs(dirs: string[], server: Pick<FakeClaude, 'port' | 'spki'>): string[] {
  // claude.com and anthropic.com too: claude.ai redirects refused regions there.
  const rules = ['claude.ai', 'claude.com', 'www.anthropic.com']
    .map((host) => `MAP ${host} 127.0.0.1:${server.port}`)
    .join(',');
  return [
    `--disable-extensions-except=${dirs.join(',')}`,
    `--load-extension=${dirs.join(',')}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--host-resolver-rules=${rules}`,
    `--ignore-certificate-errors-spki-list=${server.spki}`,
  ];
}

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install it with \`apt-get install -y chromium\` ` +
        '(Playwright cannot download its own browser here), or set CHROMIUM_PATH.',
    );
  }
  return path;
}

export function extensionDir(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      'No production build in .output/chrome-mv3: run `npm run build` first (`npm test` does).',
    );
  }
  return EXTENSION_DIR;
}

/** Read until `done` holds; fail saying `what` was awaited after `timeoutMs`. */
async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      const last = JSON.stringify(value);
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${last}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether a worker still answers: a stopped one can linger in `serviceWorkers()`. */
function answers(worker: Worker): Promise<boolean> {
  const timeout = new Promise<false>((r) => setTimeout(() => r(false), 500));
  return Promise.race([worker.evaluate(() => true).catch(() => false), timeout]);
}

/**
 * Launch Chromium with the build on `profileDir`, resolving claude.ai to the fake `server`; with
 * `language` ("de", "ja", …) the browser's UI language is that one (Chromium's language pack needed).
 */
export async function launchExtension(
  profileDir: string,
  server: Pick<FakeClaude, 'port' | 'spki'>,
  { headless = true, language }: { headless?: boolean; language?: string } = {},
): Promise<ExtensionSession> {
  const executablePath = chromiumPath();
  const dir = extensionDir();
  const args = chromiumArgs([dir], server);

  async function open(): Promise<{ context: BrowserContext; id: string }> {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      args,
      // Chromium on Linux takes its UI language, and so chrome.i18n's, from LANGUAGE.
      ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
    });
    const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isExtension) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: WAIT_MS }));
    return { context, id: new URL(worker.url()).host };
  }

  let { context, id } = await open();

  async function findWorker(): Promise<Worker | null> {
    const ours = context
      .serviceWorkers()
      .filter((w) => w.url().startsWith(`chrome-extension://${id}/`));
    for (const worker of ours) if (await answers(worker)) return worker;
    return null;
  }

  async function withCdp(
    send: (cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>) => Promise<unknown>,
  ) {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await send(cdp);
    await cdp.detach();
  }

  async function sw(): Promise<Worker> {
    const running = await findWorker();
    if (running) return running;
    // Stopped: start it as DevTools does. Playwright may hand back the same Worker object.
    await withCdp((cdp) =>
      cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${id}/` }),
    );
    return (await until('the service worker to start', findWorker, Boolean)) as Worker;
  }

  const storageGet = async <T>(key: string) => readStorage<T>(await sw(), key);

  async function triggerPoll(): Promise<PollStatus> {
    const status = () => storageGet<PollStatus>('status');
    const idle = (s: PollStatus | undefined) => !s?.pollingSince;
    // A poll asked for while one runs joins it: let a running one (the install poll) finish.
    await until('the running poll to finish', status, idle);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const firedAt = await firePollAlarm(await sw());
      const startedSince = (s: PollStatus | undefined) => (s?.lastAttemptAt ?? 0) >= firedAt;
      const seen = await until(
        'the poll alarm to start a poll',
        status,
        (s) => startedSince(s) || !idle(s),
        4_000,
      ).catch(() => null);
      if (seen && startedSince(seen)) {
        const remaining = Math.max(1_000, deadline - Date.now());
        const done = await until('the poll to finish', status, idle, remaining);
        return done as PollStatus;
      }
      // A poll that began just before ours took the alarm (and rescheduled it): fire again.
      if (seen) await until('the running poll to finish', status, idle);
      if (Date.now() > deadline) throw new Error('The poll alarm never started a poll');
    }
  }

  return {
    get context() {
      return context;
    },
    get extensionId() {
      return id;
    },
    sw,
    storageGet,
    triggerPoll,
    badge: async () => readBadge(await sw()),
    snapshotCount: async () => countSnapshots(await sw()),

    async signIn() {
      await context.addCookies([
        {
          name: 'sessionKey',
          value: SESSION_COOKIE_VALUE,
          domain: '.claude.ai',
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
          expires: Math.floor(Date.now() / 1000) + 30 * 24 * 3600,
        },
      ]);
      // A person signs in before installing; here the install poll can run before the cookie is
      // set. Once it has finished, forget what such a poll said (it never had a session), so each
      // test starts as a signed-in person's browser would. A later sign-out is left alone.
      const status = () => storageGet<PollStatus>('status');
      await until('the install poll to finish', status, (s) => !s?.pollingSince);
      const first = await status();
      if (first && first.lastSuccessAt === null && first.lastError?.kind === 'signed_out') {
        await forgetUnsignedPoll(await sw());
      }
    },

    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`);
      return page;
    },

    async restart() {
      const before = id;
      await context.close();
      ({ context, id } = await open());
      if (id !== before) throw new Error(`The extension id changed on restart: ${before} → ${id}`);
      return context;
    },

    async stopWorker() {
      await withCdp((cdp) => cdp.send('ServiceWorker.stopAllWorkers'));
    },

    async close() {
      await context.close();
    },
  };
}
