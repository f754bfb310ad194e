import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import { fixtureJson } from '../fixtures/fake-claude';
import { LEVEL_COLORS } from '../../lib/display/levels';
import { launchExtension } from './extension-session';
import { readBadge, type ChromeApi } from './extension-state';
import { expect, test } from './harness';
import { goodPayload, sessionPayload } from './payloads';

declare const chrome: ChromeApi;

/** The badge never looks fresh when it is not, and notifications say what happened first. */

const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);
const H = 3_600_000;

/**
 * Chromium tells an extension the ids in its tray but not their words: record, inside the
 * worker, every notice created (id and title) and cleared, in order, and pass each call on.
 */
async function recordNotices(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __notices?: string[] };
    if (g.__notices) return;
    const log: string[] = (g.__notices = []);
    const api = chrome.notifications as unknown as Record<string, (...a: unknown[]) => unknown>;
    const create = api.create!.bind(api);
    const clear = api.clear!.bind(api);
    api.create = (id, options) => {
      log.push(`create ${String(id)} ${(options as { title: string }).title}`);
      return create(id, options);
    };
    api.clear = (id) => {
      log.push(`clear ${String(id)}`);
      return clear(id);
    };
  });
}

const recorded = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __notices?: string[] }).__notices ?? []);
const tray = async (worker: Worker) =>
  Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).sort();
const title = (worker: Worker) => worker.evaluate(() => chrome.action.getTitle({}));

test.describe('the glance: badge and notifications', () => {
  test('a 503 greys the badge, keeps its number and says since when; a success restores it', async ({
    server,
    signIn,
    triggerPoll,
    badge,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    server.setUsage('*', goodPayload(40));
    await triggerPoll();
    const fresh = await badge();
    expect(fresh).toEqual({ text: '40%', color: LEVEL_COLORS.ok });
    expect(await title(await sw())).not.toMatch(/Not updated since/);

    server.setUsage('*', { status: 503, body: '{"type":"error"}' });
    await triggerPoll();
    const failed = await badge();
    expect(failed.text).toBe('40%');
    expect(failed.color).not.toBe(fresh.color);
    expect(failed.color).toBe(LEVEL_COLORS.stale);
    const tooltip = await title(await sw());
    expect(tooltip).toMatch(/server error/);
    // A clock time and a relative one: "Not updated since 09:41 AM (just now)."
    expect(tooltip).toMatch(/Not updated since (\p{L}{2,4}\.? )?\d{1,2}:\d{2}.*\(.+\)\./u);

    server.setUsage('*', goodPayload(41));
    await triggerPoll();
    expect(await badge()).toEqual({ text: '41%', color: fresh.color });
    expect(await title(await sw())).not.toMatch(/Not updated since|server error/);
  });

  test('at the limit the badge is red with the percent in four characters', async ({
    server,
    signIn,
    triggerPoll,
    badge,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    server.setUsage('*', sessionPayload(100));
    await triggerPoll();
    expect(await badge()).toEqual({ text: '100%', color: LEVEL_COLORS.critical });
  });

  test('titles lead with what happened, and a higher level pops up over the notice in the tray', async ({
    server,
    signIn,
    triggerPoll,
    sw,
  }) => {
    server.setOrganizations(ONE_ORG);
    await signIn();
    // Thresholds only: a climb this steep would also (rightly) warn that it runs out early.
    await (
      await sw()
    ).evaluate(() =>
      chrome.storage.local.set({ settings: { notifications: { forecast: false } } }),
    );
    const resetsAt = Date.now() + 2 * H;
    const id = `threshold:${MAX_ORG}|session`;
    server.setUsage('*', sessionPayload(60, resetsAt));
    await triggerPoll();
    // The first poll, before signing in, may have said "signed out": start from an empty tray.
    await (
      await sw()
    ).evaluate(async () => {
      for (const old of Object.keys(await chrome.notifications.getAll()))
        await chrome.notifications.clear(old);
    });
    await recordNotices(await sw());

    server.setUsage('*', sessionPayload(80, resetsAt));
    await triggerPoll();
    expect(await tray(await sw())).toEqual([id]);
    // Nothing cleared from the tray: the next, higher level must still pop up.
    server.setUsage('*', sessionPayload(80, resetsAt));
    await triggerPoll();
    server.setUsage('*', sessionPayload(92, resetsAt));
    await triggerPoll();
    server.setUsage('*', sessionPayload(100, resetsAt));
    await triggerPoll();

    const log = await recorded(await sw());
    expect(log).toEqual([
      `clear ${id}`,
      `create ${id} 5-hour session at 80%`,
      `clear ${id}`,
      `create ${id} 5-hour session at 92%`,
      `clear reached:${MAX_ORG}|session`,
      `create reached:${MAX_ORG}|session 5-hour session limit reached`,
    ]);
    expect(await tray(await sw())).toEqual([`reached:${MAX_ORG}|session`, id].sort());
  });

  test('French writes the percent its own way in the badge, the tooltip and a notification', async ({
    server,
  }) => {
    // Chromium takes its UI language from the environment it starts in.
    const before = process.env.LANGUAGE;
    process.env.LANGUAGE = 'fr';
    const profile = mkdtempSync(join(tmpdir(), 'claude-usage-meter-fr-'));
    const fr = await launchExtension(profile, server).finally(() => {
      if (before === undefined) delete process.env.LANGUAGE;
      else process.env.LANGUAGE = before;
    });
    try {
      server.setOrganizations(ONE_ORG);
      server.setUsage('*', sessionPayload(91));
      // Before signing in: no poll can have warned about 91 % yet.
      await recordNotices(await fr.sw());
      await fr.signIn();
      await fr.triggerPoll();
      const worker = await fr.sw();
      const percent = /^91[\u00a0\u202f]%$/;
      expect((await readBadge(worker)).text).toMatch(percent);
      expect(await title(worker)).toMatch(/Session de 5 heures : 91[\u00a0\u202f]%/);
      const created = (await recorded(worker)).filter((line) => line.startsWith('create thr'));
      expect(created).toEqual([expect.stringMatching(/ Session de 5 heures à 91[\u00a0\u202f]%$/)]);
    } finally {
      await fr.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
