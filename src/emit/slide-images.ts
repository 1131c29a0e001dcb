import type { Page } from 'puppeteer-core';
import type { BrowserSession, Site } from '../browser/session.js';
import { bounded, load } from './print.js';

/** The size of every slide picture: the deck's own 1280 x 720 at one device pixel per CSS pixel. */
export const IMAGE_SIZE = { width: 1280, height: 720 };
/** images/thumbnail.png is the title slide at 640 x 360. */
export const THUMBNAIL_SCALE = 0.5;

/** A slide picture: `images/01.png` ... and `images/thumbnail.png`. */
export interface SlideImage {
  name: string;
  bytes: Uint8Array;
}

/**
 * One PNG per slide, taken from the deck page itself on screen (not printed), in a 1280 x 720
 * window so that the slide fills it exactly. reveal's controls, progress bar and transitions are
 * turned off first: a picture is of the slide, not of the player. The first slide, at 640 x 360,
 * is also the thumbnail for link previews.
 */
export async function slideImages(session: BrowserSession, site: Site, timeoutMs: number): Promise<SlideImage[]> {
  const job = { path: '/index.html', readyAttribute: 'data-careerdeck-ready' };
  return session.withPage(site, (page) =>
    bounded(job, timeoutMs, async () => {
      await page.setViewport({ ...IMAGE_SIZE, deviceScaleFactor: 1 });
      await load(page, job, timeoutMs);
      const count = await page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        // hash off: a hash written for one slide, read back after the next slide() call, went
        // back a slide (or to the title) and the picture showed the wrong one.
        reveal.configure({
          controls: false,
          progress: false,
          transition: 'none',
          backgroundTransition: 'none',
          slideNumber: false,
          hash: false,
          history: false,
        });
        return reveal.getTotalSlides();
      });
      const shots: SlideImage[] = [];
      let thumbnail: Uint8Array | undefined;
      const width = String(count).length > 2 ? 3 : 2;
      for (let i = 0; i < count; i++) {
        await show(page, i);
        // Within the window as it is: a capture "beyond the viewport" resizes it, and reveal lays out again.
        const bytes = await page.screenshot({
          type: 'png',
          clip: { x: 0, y: 0, ...IMAGE_SIZE },
          captureBeyondViewport: false,
        });
        shots.push({ name: `images/${String(i + 1).padStart(width, '0')}.png`, bytes });
        // The title slide at half size for link previews and course pages, drawn by Chromium
        // at that scale (not a copy of the full picture).
        if (i === 0) {
          // The same layout (1280 CSS px) drawn at half the device pixels.
          await page.setViewport({ ...IMAGE_SIZE, deviceScaleFactor: THUMBNAIL_SCALE });
          await show(page, 0);
          thumbnail = await page.screenshot({ type: 'png', captureBeyondViewport: false });
          await page.setViewport({ ...IMAGE_SIZE, deviceScaleFactor: 1 });
        }
      }
      if (thumbnail) shots.push({ name: 'images/thumbnail.png', bytes: thumbnail });
      return shots;
    }),
  );
}

interface RevealApi {
  configure(options: Record<string, unknown>): void;
  getTotalSlides(): number;
  slide(h: number): void;
  getIndices(): { h: number };
}

/** Goes to slide `index` and waits until it is laid out and painted (two animation frames). */
async function show(page: Page, index: number): Promise<void> {
  const shown = await page.evaluate(async (i) => {
    const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
    reveal.slide(i);
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return reveal.getIndices().h;
  }, index);
  if (shown !== index) throw new Error(`slide images: asked for slide ${index + 1}, the deck shows slide ${shown + 1}`);
}
