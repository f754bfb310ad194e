// Renders assets/icon.svg into the PNG sizes the browsers and stores ask for (public/icon/N.png).
// Uses the Chromium the tests use; run it after changing the SVG: `node scripts/make-icons.mjs`.
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const SIZES = [16, 19, 32, 38, 48, 96, 128];
const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  const path = new URL(`../public/icon/${size}.png`, import.meta.url).pathname;
  await page.screenshot({ path, omitBackground: true });
  console.log(`wrote public/icon/${size}.png`);
}
await browser.close();
