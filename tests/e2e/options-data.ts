import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fixtureJson } from '../fixtures/fake-claude';
import { expect } from './harness';

/** The options page's data section, as the history specs drive it. */

export const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
/** organizations.json with only the Max organisation: one reading a poll. */
export const ONE_ORG = fixtureJson<{ uuid: string }[]>('organizations.json').filter(
  (o) => o.uuid === MAX_ORG,
);

/** Open the options page once it counts `readings`, and stop polls adding any while a test counts. */
export async function openOptions(page: Page, extensionId: string, readings: number) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByText(`${readings.toLocaleString('en')} readings kept`)).toBeVisible();
  await page.getByLabel('Check every (minutes)').fill('60');
}

/** Click an export button and return the downloaded file's text. */
export async function download(page: Page, button: 'Export CSV' | 'Export JSON'): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

/** Choose a file with this text in the import button. */
export async function importText(page: Page, text: string) {
  await page.locator('input[type=file]').setInputFiles({
    name: 'import.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** The sentence the data section says after an import. */
export const dataStatus = (page: Page) =>
  page.getByRole('region', { name: 'Your data' }).getByRole('status');
