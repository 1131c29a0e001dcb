import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser } from '../support/chromium.js';
import { build } from '../../src/index.js';
import { tempProject, type TempProject } from '../support/project.js';
import { sharedBuild } from '../support/shared-build.js';

// The deck (index.html) on a phone held upright: the QR code on its slides leads attendees there,
// and a 1280 px slide scaled to 390 px set its text at 7 px. It reads as a page instead
// (templates/deck/reading.css, deck.js). The run's builds of the default content and the Arabic
// fixture, read only.

const PHONE = { width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
let browser: Browser;
let deck: string;
let arabic: string;
/** tests/fixtures/markdown-kinds: content tables (one drawn smaller on its slide), numbered and task lists, quotes. */
let kinds: TempProject;

beforeAll(async () => {
  const [plain, rtl, launched] = await Promise.all([
    sharedBuild('default'),
    sharedBuild('rtl-ar'),
    launchTestBrowser(),
  ]);
  browser = launched;
  deck = path.join(plain.out, 'ml-engineer-vs-ai-scientist', 'index.html');
  const arDeck = (await readdir(rtl.out)).find((d) => d.includes('ar'))!;
  arabic = path.join(rtl.out, arDeck, 'index.html');
  kinds = await tempProject('phone-kinds', { fixture: 'markdown-kinds' });
  await build({ contentDir: kinds.content, outDir: kinds.out, pdf: false });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await kinds?.remove();
});

async function open(
  file: string,
  viewport: typeof PHONE | { width: number; height: number },
  suffix = '',
): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  await page.goto(`${pathToFileURL(file).href}${suffix}`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 20_000 });
  return page;
}

/** What a reader sees: each slide's box, its title, the smallest text size, and what sticks out. */
function reading(page: Page) {
  return page.evaluate(() => {
    const html = document.documentElement;
    const sections = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')];
    const texts = [
      ...document.querySelectorAll<HTMLElement>('.slides :is(p, li, td, th, h1, h2, h3, figcaption)'),
    ].filter((e) => e.closest('svg') === null && (e.textContent ?? '').trim() !== '' && e.getClientRects().length > 0);
    const size = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
    // Only a table scrolls inside itself; anything else past the phone's edge is cut off.
    const outside = [...document.querySelectorAll<HTMLElement>('.slides *')]
      .filter((e) => e.closest('table') === null && e.getClientRects().length > 0)
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1);
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 30)}`);
    return {
      reading: html.classList.contains('reading'),
      revealStarted: document.querySelector('.reveal.ready') !== null,
      pageWidth: html.scrollWidth,
      shown: sections.filter((s) => s.offsetHeight > 0).length,
      slides: sections.length,
      titles: sections.map((s) => s.querySelector('h1, h2')?.textContent?.trim() ?? ''),
      smallestProse: Math.min(...texts.filter((e) => /^(P|LI)$/.test(e.tagName)).map(size)),
      smallestText: Math.min(...texts.map(size)),
      outside,
      // The charts' values as text (hidden on the slides).
      chartRows: [...document.querySelectorAll<HTMLElement>('.chart-rows li')]
        .filter((li) => li.offsetHeight > 0)
        .map((li) => li.textContent ?? ''),
    };
  });
}

describe('the deck on a phone held upright', () => {
  it('reads as a page: every slide one under the other, text at reading size, nothing past the edge', async () => {
    const page = await open(deck, PHONE);
    try {
      const seen = await reading(page);
      expect(seen.reading).toBe(true);
      expect(seen.revealStarted).toBe(false);
      expect(seen.slides).toBeGreaterThanOrEqual(15);
      expect(seen.shown).toBe(seen.slides);
      expect(seen.titles.slice(0, 2)).toEqual(['Machine Learning Engineer vs. AI Scientist', 'Agenda']);
      expect(seen.titles.every((t) => t !== '')).toBe(true);
      // On the slide the body text is 24 px of 1280 (7 px at this width); here 16 px and more.
      expect(seen.smallestProse).toBeGreaterThanOrEqual(16);
      expect(seen.smallestText).toBeGreaterThanOrEqual(14);
      expect(seen.pageWidth).toBeLessThanOrEqual(PHONE.width);
      expect(seen.outside).toEqual([]);
      // The charts, drawn small at this width, give their values as text too.
      expect(seen.chartRows).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^ML Engineer\s*\+22%/),
          expect.stringMatching(/^Responsibilities\s*3 both/),
        ]),
      );
    } finally {
      await page.close();
    }
  });

  it("opens at the slide an address names (reveal's #/5), and gives the slides when asked (?slides)", async () => {
    const page = await open(deck, PHONE, '#/5');
    try {
      const at = await page.evaluate(() => {
        const sixth = document.querySelectorAll<HTMLElement>('.reveal .slides > section')[5]!;
        return { top: sixth.getBoundingClientRect().top, title: sixth.querySelector('h2')?.textContent };
      });
      expect(Math.abs(at.top)).toBeLessThan(2);
      expect(at.title).toBeTruthy();
    } finally {
      await page.close();
    }
    const slides = await open(deck, PHONE, '?slides');
    try {
      const seen = await reading(slides);
      expect([seen.reading, seen.revealStarted]).toEqual([false, true]);
    } finally {
      await slides.close();
    }
  });

  it("stays a slide deck on a laptop, in a computer's narrow window, and on a phone turned sideways", async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      // No touch screen: a narrow window (the room's presenter page there runs on reveal.js).
      { width: 390, height: 844 },
      { width: 844, height: 390, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
    ]) {
      const page = await open(deck, viewport);
      try {
        const seen = await reading(page);
        expect([seen.reading, seen.revealStarted, seen.chartRows]).toEqual([false, true, []]);
      } finally {
        await page.close();
      }
    }
  });

  it('loads again as the slides when the phone is turned sideways, and as a page when turned back', async () => {
    const page = await open(deck, PHONE);
    try {
      expect((await reading(page)).reading).toBe(true);
      const turned = page.waitForNavigation({ waitUntil: 'load' });
      await page.setViewport({ ...PHONE, width: PHONE.height, height: PHONE.width });
      await turned;
      await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 20_000 });
      expect(await reading(page)).toMatchObject({ reading: false, revealStarted: true });
      const back = page.waitForNavigation({ waitUntil: 'load' });
      await page.setViewport(PHONE);
      await back;
      await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 20_000 });
      expect((await reading(page)).reading).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('reads the Markdown authors paste: tables (one drawn smaller on its slide) at reading size, lists, quotes', async () => {
    const page = await open(path.join(kinds.out, 'markdown-kinds', 'index.html'), PHONE);
    try {
      const seen = await reading(page);
      expect(seen.reading).toBe(true);
      expect(seen.smallestProse).toBeGreaterThanOrEqual(16);
      expect(seen.smallestText).toBeGreaterThanOrEqual(14);
      expect(seen.pageWidth).toBeLessThanOrEqual(PHONE.width);
      expect(seen.outside).toEqual([]);
      // A table wider than the phone scrolls inside itself and can take the keyboard's focus.
      const tables = await page.$$eval('.slides table.md-table', (all) =>
        all.map((t) => ({ wide: t.scrollWidth > t.clientWidth + 1, focusable: t.tabIndex === 0 })),
      );
      expect(tables.length).toBeGreaterThan(2);
      for (const t of tables) expect(t.focusable).toBe(t.wide);
    } finally {
      await page.close();
    }
  });

  it('reads right to left in Arabic', async () => {
    const page = await open(arabic, PHONE);
    try {
      const seen = await reading(page);
      expect(seen.reading).toBe(true);
      expect(seen.outside).toEqual([]);
      expect(seen.smallestProse).toBeGreaterThanOrEqual(16);
      // A title starts at the right edge (the slide's padding from it).
      const edges = await page.$$eval('.reveal .slides > section h2', (titles) =>
        titles.map((t) => {
          const range = document.createRange();
          range.selectNodeContents(t);
          return innerWidth - range.getBoundingClientRect().right;
        }),
      );
      expect(edges.length).toBeGreaterThan(5);
      for (const gap of edges) expect(gap).toBeLessThan(24);
    } finally {
      await page.close();
    }
  });
});
