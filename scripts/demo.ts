// `npm run demo`: the extension against a simulated claude.ai whose usage rises, crosses the alert
// thresholds, hits the limit and resets, on an accelerated clock: every state without an account.
// With a display it opens a window and keeps cycling; headless it writes screenshots to demo-output/.
// `--docs` also copies the popup (light, dark, German) to docs/ for the README.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DEFAULT_BODY_TEMPLATE } from '../lib/channels/render';
import { DEFAULT_ROUTES, type AlertRoutes } from '../lib/channels/types';
import type { Reading } from '../lib/usage/types';
import { seedScript } from '../bench/seed';
import { launchExtension } from '../tests/e2e/extension-session';
import { startFakeClaude } from '../tests/fixtures/fake-claude';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(REPO, 'demo-output');
const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const TEAM_ORG = '9d8e7f6a-2222-4222-8222-0000000071ea';
const H = 3_600_000;
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');

interface Frame {
  note: string;
  session: number;
  weekly: number;
  fable: number;
  /** The session window started again at this frame. */
  reset?: boolean;
}

/** One accelerated session: calm, rising, two thresholds, the limit, the reset. */
const FRAMES: Frame[] = [
  { note: 'a calm start', session: 22, weekly: 41, fable: 30 },
  { note: 'working', session: 48, weekly: 45, fable: 36 },
  { note: 'working harder', session: 63, weekly: 49, fable: 44 },
  { note: 'past 75 %: first alert', session: 78, weekly: 53, fable: 52 },
  { note: 'past 90 %: second alert', session: 91, weekly: 58, fable: 57 },
  { note: 'the limit', session: 100, weekly: 63, fable: 60 },
  { note: 'the window resets', session: 4, weekly: 63, fable: 60, reset: true },
  { note: 'back to work', session: 12, weekly: 64, fable: 61 },
];

function iso(ms: number) {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** A usage payload in today's shape (flat keys and limits[]) for one frame. */
function payload(frame: Frame, sessionReset: number, weeklyReset: number) {
  const window = (utilization: number, at: number) => ({ utilization, resets_at: iso(at) });
  const limit = (kind: string, percent: number, at: number, model?: string) => ({
    kind,
    group: kind === 'session' ? 'session' : 'weekly',
    percent,
    severity: percent >= 90 ? 'critical' : percent >= 75 ? 'warning' : 'normal',
    resets_at: iso(at),
    scope: model ? { model: { id: null, display_name: model } } : null,
    is_active: false,
  });
  return {
    five_hour: window(frame.session, sessionReset),
    seven_day: window(frame.weekly, weeklyReset),
    seven_day_opus: null,
    seven_day_sonnet: null,
    extra_usage: null,
    limits: [
      limit('session', frame.session, sessionReset),
      limit('weekly_all', frame.weekly, weeklyReset),
      limit('weekly_scoped', frame.fable, weeklyReset, 'Fable'),
    ],
    spend: {
      used: { amount_minor: 1250, currency: 'USD', exponent: 2 },
      limit: { amount_minor: 5000, currency: 'USD', exponent: 2 },
      enabled: true,
    },
  };
}

async function shot(page: Page, name: string, scheme: 'light' | 'dark' = 'light'): Promise<string> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForTimeout(300);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await startFakeClaude();
  const profile = mkdtempSync(join(tmpdir(), 'claude-usage-meter-demo-'));
  let sessionReset = Date.now() + 2 * H + 11 * 60_000;
  const weeklyReset = Date.now() + 3 * 24 * H + 4 * H;
  let frame = FRAMES[0]!;
  server.setHandler(`/api/organizations/${MAX_ORG}/usage`, () => ({
    body: payload(frame, sessionReset, weeklyReset),
  }));
  server.setHandler(`/api/organizations/${TEAM_ORG}/usage`, () => ({
    body: payload({ note: '', session: 17, weekly: 33, fable: 12 }, sessionReset, weeklyReset),
  }));

  // Every alert also goes to a webhook channel on the simulated claude.ai, as it would to Slack or
  // ntfy: the demo lists what was said from what the receiver got.
  const alerts: { at: number; event: string; title: string; message: string }[] = [];
  server.setHandler('/demo-hook', (request) => {
    alerts.push({ at: Date.now(), ...JSON.parse(request.body) });
    return { status: 204 };
  });
  const routes: AlertRoutes = {
    ...DEFAULT_ROUTES,
    channels: [
      {
        id: 'demo',
        name: 'Demo receiver',
        enabled: true,
        events: { ...DEFAULT_ROUTES.desktop },
        type: 'webhook',
        url: 'https://claude.ai/demo-hook',
        method: 'POST',
        headers: [],
        bodyTemplate: DEFAULT_BODY_TEMPLATE,
      },
    ],
  };

  const session = await launchExtension(profile, server, { headless: !headed });
  const written: string[] = [];
  try {
    await (
      await session.sw()
    ).evaluate(
      (value) =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { set(items: object): Promise<void> } } };
          }
        ).chrome.storage.local.set({ alertRoutes: value }),
      routes,
    );
    await session.signIn();
    await session.triggerPoll();
    // A day of plausible history behind the live readings, through the project's own repository.
    const latest = await session.storageGet<Record<string, Reading>>('latest');
    const seeder = await session.openPopup();
    await seeder.evaluate(await seedScript());
    await seeder.evaluate(
      ([template, count]) =>
        (
          globalThis as unknown as { benchSeed: (t: unknown, n: number) => Promise<unknown> }
        ).benchSeed(template, count),
      [{ ...latest![MAX_ORG]!, at: Date.now() - 60_000 }, 720] as const,
    );
    await seeder.close();

    const popup = await session.openPopup();
    // An action popup is at most 600 px tall; the popup is 360 px wide.
    await popup.setViewportSize({ width: 360, height: 600 });
    do {
      for (const next of FRAMES) {
        frame = next;
        if (next.reset) sessionReset = Date.now() + 5 * H;
        await session.triggerPoll();
        console.log(`demo: ${next.note} (session ${next.session} %)`);
        if (!headed && next.session === 91) {
          await popup.reload();
          await popup.waitForTimeout(1500);
          written.push(
            await shot(popup, 'popup-light', 'light'),
            await shot(popup, 'popup-dark', 'dark'),
          );
        }
        if (headed) await new Promise((r) => setTimeout(r, 4000));
      }
    } while (headed);

    const options = await session.context.newPage();
    await options.setViewportSize({ width: 900, height: 1000 });
    const opened = await options
      .goto(`chrome-extension://${session.extensionId}/options.html`)
      .catch(() => null);
    if (opened) {
      await options.waitForTimeout(800);
      written.push(
        await shot(options, 'options-light', 'light'),
        await shot(options, 'options-dark', 'dark'),
      );
    }

    // What the run announced, as the webhook channel received it (the desktop got the same).
    const escape = (text: string) =>
      text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
    const list = await session.context.newPage();
    const items = alerts
      .map(
        (a) =>
          `<li><b>${escape(a.title)}</b> <small>(${escape(a.event)})</small><br>${escape(a.message)}</li>`,
      )
      .join('');
    const html = `<!doctype html><meta charset="utf-8"><title>Notifications</title><body style="font:15px system-ui;margin:24px"><h1 style="font-size:20px">Alerts raised during the demo (${alerts.length})</h1><p>Shown on the desktop and delivered to a webhook channel.</p><ul style="line-height:1.5">${items}</ul></body>`;
    const listFile = join(OUT, 'notifications.html');
    writeFileSync(listFile, html);
    await list.goto(`file://${listFile}`);
    written.push(await shot(list, 'notifications'));
  } finally {
    await session.close();
  }
  try {
    // The same state in German: the browser's UI language is set at launch.
    frame = FRAMES.find((f) => f.session === 91)!;
    const german = await launchExtension(profile, server, { headless: true, language: 'de' });
    try {
      await german.triggerPoll();
      const popup = await german.openPopup();
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.locator('.chart-canvas canvas').waitFor();
      written.push(await shot(popup, 'popup-de', 'light'));
    } finally {
      await german.close();
    }
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (process.argv.includes('--docs')) {
    mkdirSync(join(REPO, 'docs'), { recursive: true });
    copyFileSync(join(OUT, 'popup-light.png'), join(REPO, 'docs', 'popup.png'));
    copyFileSync(join(OUT, 'popup-dark.png'), join(REPO, 'docs', 'popup-dark.png'));
    copyFileSync(join(OUT, 'popup-de.png'), join(REPO, 'docs', 'popup-de.png'));
  }
  console.log(`\nScreenshots:\n${written.map((p) => `  ${p.replace(REPO, '')}`).join('\n')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
