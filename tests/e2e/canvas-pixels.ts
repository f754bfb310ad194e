import type { Locator } from '@playwright/test';

/** How many pixels of a canvas are painted in the colour of a CSS variable (`--series-1`). */
export function paintedPixels(canvas: Locator, cssVariable: string): Promise<number> {
  return canvas.evaluate((el: HTMLCanvasElement, name: string) => {
    const colour = getComputedStyle(document.documentElement).getPropertyValue(name);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.trim().slice(i, i + 2), 16));
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const near =
        Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!);
      if (near < 40 && data[i + 3]! > 200) count++;
    }
    return count;
  }, cssVariable);
}
