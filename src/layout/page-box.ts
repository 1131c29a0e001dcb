import type { Page } from 'puppeteer-core';

/**
 * A page's content width or height as Chromium's print layout uses it: whole points (A4 less
 * 16 mm margins each side is 504.6 pt, laid out at 505 pt = 673.33 px; measured). Laid out a pixel
 * narrower, a column breaks its lines elsewhere than in print.
 */
export function printPx(mm: number): number {
  return (Math.round((mm * 72) / 25.4) * 96) / 72;
}

/**
 * Lays the page out as print will, before printing: print media, and the body exactly the page's
 * content width (the viewport has whole pixels only). `release` gives the body its own width back.
 */
export async function asPrinted(
  page: Page,
  widthMm: number,
  heightMm: number,
): Promise<{ width: number; height: number; release: () => Promise<void> }> {
  const width = printPx(widthMm);
  const height = printPx(heightMm);
  await page.emulateMediaType('print');
  await page.setViewport({ width: Math.ceil(width), height: Math.ceil(height) });
  await page.evaluate((w) => {
    document.body.style.width = `${w}px`;
  }, width);
  const release = async () => {
    await page.evaluate(() => {
      document.body.style.removeProperty('width');
      if (!document.body.getAttribute('style')) document.body.removeAttribute('style');
    });
  };
  return { width, height, release };
}
