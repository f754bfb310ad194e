import type { Page } from '@playwright/test';

/**
 * Waits until `expression` (a plain expression, evaluated in the page) is truthy, and returns its
 * value. It asks over a DevTools session of its own with `Runtime.evaluate`, a few bytes compiled
 * each time. Playwright's `waitForFunction` and `evaluate` first compile Playwright's own page
 * scripts: some 15 ms of the page's main thread, which would land inside the time being measured
 * (a popup's chart waits behind it). A person opening the page has no such scripts.
 */
export async function waitInPage<T>(
  page: Page,
  expression: string,
  { timeoutMs = 20_000, everyMs = 20 } = {},
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
        expression,
        returnByValue: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
      if (exceptionDetails) throw new Error(`bench: ${exceptionDetails.text} in ${expression}`);
      if (result.value) return result.value as T;
      if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Milliseconds from navigation start to each of the page's performance marks `names`, once all
 * of them are set (without running Playwright's page scripts while the page works toward them).
 */
export function markTimes(page: Page, names: string[], timeoutMs?: number): Promise<number[]> {
  const wanted = JSON.stringify(names);
  return waitInPage<number[]>(
    page,
    `(() => {
      const at = ${wanted}.map((n) => performance.getEntriesByName(n)[0]?.startTime);
      return at.every((t) => t !== undefined) ? at : null;
    })()`,
    { timeoutMs },
  );
}
