import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPageMeter, type PageMeterView } from '@/components/page-meter-view';
import { nextTickIn } from '@/lib/display/format';
import { askWorker } from '@/lib/messages';
import {
  isDarkColor,
  isSendClick,
  isSendKey,
  findEditor,
  meterOrg,
  pageOrgId,
  PAGE_ORG_COOKIE,
} from '@/lib/meter/page-meter';
import { extensionApi, readStored, STORED_KEYS, watchStored, writeStored } from '@/lib/storage/raw';
import type { LimitOutlook } from '@/lib/forecast/outlook';
import { atRisk } from '@/lib/forecast/risk';
import { currentFailure, statusOf } from '@/lib/poll/status';
import { verdictOf } from '@/lib/display/verdict';
import { usePreparedText } from '@/lib/display/i18n';
import { createPlacement } from './placement';
import { pillPlaceOf, readMeterData, watchMeterData, type MeterData } from './data';
import { createMeterLayer } from './layer';

/** The part of the Cookie Store API the meter uses. */
interface PageCookies {
  get(name: string): Promise<{ value: string } | null>;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/** A sent message is counted by claude.ai within seconds; ask for fresh numbers after this long. */
const AFTER_SEND_MS = 20_000;

export default defineContentScript({
  matches: ['https://claude.ai/*'],
  runAt: 'document_idle',
  // WXT's "a newer copy of this script started" notice goes by a DOM event only, not also by a
  // `postMessage` into claude.ai's window: the page's own message listeners do not run for it on
  // every load, and the page is not told an extension's script started.
  noScriptStartedPostMessage: true,

  async main(ctx) {
    const api = extensionApi();
    // What the meter shows, and the texts it shows it in (made by the worker).
    const read = async () => {
      const next = await readMeterData(api);
      usePreparedText(next.text);
      return next;
    };
    // claude.ai's `lastActiveOrg` cookie, asked for by name: no other cookie ever passes through
    // here (the session cookie is httpOnly besides). Where the browser has no cookieStore, the
    // meter shows the badge's organisation.
    const cookies = (globalThis as { cookieStore?: PageCookies }).cookieStore;
    const cookieOrg = async () =>
      pageOrgId((await cookies?.get(PAGE_ORG_COOKIE).catch(() => null))?.value);
    // Everything the first draw needs, asked for at once: the stored data, the pill's place and
    // the page's organisation. The meter is drawn once, complete, in its place.
    const [first, firstOrg] = await Promise.all([read(), cookieOrg()]);
    let data: MeterData = first;
    let closed = false;
    // Nothing is drawn before the first read of everything it shows.
    let started = false;
    let tick: ReturnType<typeof setTimeout> | undefined;
    let pageOrg = firstOrg;
    let view: PageMeterView | undefined;
    // Each limit's forecast for the verdict and the colours, asked of the worker (which has the
    // history; no request to claude.ai) once per organisation's reading.
    let outlooks: { key: string; value: Record<string, LimitOutlook> } | null = null;
    let asking: string | null = null;
    const askOutlooks = (orgId: string, key: string) => {
      if (outlooks?.key === key || asking === key) return;
      asking = key;
      void askWorker(api, { type: 'outlooks', orgId })
        .then((value) => {
          const before = outlooks?.value ?? {};
          outlooks = { key, value: value ?? {} };
          // Closed, the strip shows an outlook only as a colour: redraw when one is at risk.
          const risky = (known: Record<string, LimitOutlook>) => Object.values(known).some(atRisk);
          if (view?.open || risky(before) || risky(outlooks.value)) draw();
        })
        .catch(() => undefined)
        .finally(() => (asking = null));
    };
    // The organisation the page is on: claude.ai changed it (another tab, the org switcher).
    const readPageOrg = async () => {
      const next = await cookieOrg();
      if (next === pageOrg) return;
      pageOrg = next;
      draw();
    };

    // claude.ai's light or dark, read when it may have changed (not on every draw: a style read
    // after the meter changed the page would make the browser work out its styles there and then).
    const readTheme = () => {
      const dark = isDarkColor(getComputedStyle(document.body).backgroundColor);
      return (dark ?? matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light';
    };
    let theme = readTheme();

    const ui = createMeterLayer('claude-usage-meter', (box) => (view = createPageMeter(box)));
    const placement = createPlacement(
      () => ui.mounted ?? null,
      // Docked or floating changed (a composer came or went): the strip's look follows.
      () => draw(),
      (place) => void writeStored(api, { [STORED_KEYS.meterPlace]: place }),
    );
    placement.setPill(data.place);

    function draw(): void {
      if (!started) return;
      const wanted = data.settings.inPageMeter && !closed;
      if (!wanted) {
        if (ui.mounted !== undefined) ui.remove();
        return;
      }
      if (ui.mounted === undefined) ui.mount();
      const { settings, latest, orgs, status } = data;
      const org = meterOrg(orgs.list, latest, settings, pageOrg);
      const reading = org ? latest[org.uuid] : undefined;
      const orgStatus = statusOf(status, org?.uuid);
      const now = Date.now();
      const failure = currentFailure(orgStatus);
      const stale = !!reading && now - reading.at > 3 * settings.pollMinutes * 60_000;
      const key = `${org?.uuid}|${reading?.at}`;
      if (org && reading) askOutlooks(org.uuid, key);
      const known = outlooks?.key === key ? outlooks.value : {};
      // Only the open panel shows it: a closed strip formats no clock time.
      const verdict = () =>
        reading
          ? verdictOf({
              limits: reading.limits,
              outlooks: known,
              failure,
              lastSuccessAt: orgStatus.lastSuccessAt,
              stale,
              now,
            })
          : null;
      ui.mounted!.setAttribute('data-theme', theme);
      view!.update({
        org,
        reading,
        status: orgStatus,
        failure,
        stale,
        verdict,
        outlooks: known,
        nextPollAt: status.nextPollAt,
        thresholds: settings.badge,
        now,
        floating: !placement.docked,
        onDragStart: (e, handle) => placement.drag(e, handle),
        onDetails: () =>
          void askWorker(api, { type: 'open-details', ...(org && { orgId: org.uuid }) }),
        onClose: () => {
          closed = true;
          draw();
        },
      });
      placement.update();
      // Countdowns move on the minute (every second in their last minute).
      clearTimeout(tick);
      const ticks = (reading?.limits ?? [])
        .map((l) => nextTickIn(l.resetsAt, now))
        .filter((x): x is number => x !== null);
      tick = setTimeout(draw, Math.min(60_000, ...ticks) + 5);
    }

    // A message sent: ask the worker for fresh numbers once claude.ai has counted it. The worker
    // coalesces these with its schedule (at most one extra poll a minute, whatever the tabs).
    let asked: ReturnType<typeof setTimeout> | null = null;
    const sent = () => {
      asked ??= setTimeout(() => {
        asked = null;
        void askWorker(api, { type: 'refresh', trigger: 'page' }).catch(() => undefined);
      }, AFTER_SEND_MS);
    };
    const onKey = (e: KeyboardEvent) => {
      const editor = findEditor(document);
      if (isSendKey(e, !!editor && editor.contains(e.target as Node))) sent();
    };
    const onClick = (e: MouseEvent) => {
      if (isSendClick(e.target)) sent();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('click', onClick, true);

    const stopWatching = watchMeterData(api, async () => {
      data = await read();
      draw();
    });
    const readPlace = async () =>
      placement.setPill(pillPlaceOf(await readStored(api, [STORED_KEYS.meterPlace])));
    cookies?.addEventListener('change', readPageOrg);
    const stopPlace = watchStored(api, [STORED_KEYS.meterPlace], () => void readPlace());
    // claude.ai switches its theme by attributes on <html> or <body>: follow it.
    const themeWatch = new MutationObserver(() => {
      theme = readTheme();
      draw();
    });
    for (const element of [document.documentElement, document.body])
      themeWatch.observe(element, {
        attributes: true,
        attributeFilter: ['class', 'data-theme', 'style'],
      });
    started = true;
    draw();

    // The extension was updated or removed: leave the page as it was.
    ctx.onInvalidated(() => {
      clearTimeout(tick);
      if (asked) clearTimeout(asked);
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('click', onClick, true);
      stopWatching();
      stopPlace();
      themeWatch.disconnect();
      cookies?.removeEventListener('change', readPageOrg);
      placement.stop();
      ui.remove();
    });
  },
});
