import type { Page } from '@playwright/test';
import { expect } from './harness';

/** Add a channel through the options page's form, as a person would. */
export async function addChannel(
  page: Page,
  kind: string,
  fields: Record<string, string>,
): Promise<void> {
  // The form folds away behind its button; once open it stays open for the next channel.
  const opener = page.getByRole('button', { name: 'Add a channel' });
  await expect(opener.or(page.getByLabel('Kind'))).toBeVisible();
  if (await opener.isVisible()) await opener.click();
  await page.getByLabel('Kind').selectOption({ label: kind });
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.locator('.channel-form [role=status]')).toContainText('Added');
}
