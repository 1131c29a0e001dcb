import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser } from '../support/chromium.js';
import { sharedBuild } from '../support/shared-build.js';

/**
 * Issue 23: reveal's own controls and careerdeck's slide number and brand line never cover each
 * other at the deck's own size, left to right and right to left (the "next" arrow sat on
 * "5 / 17" on every slide).
 */
type Box = { left: number; top: number; right: number; bottom: number };
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

let out: string;
let browser: Browser;

beforeAll(async () => {
  // The run's build of the fixture (direction-and-breaking.test.ts reads it too): its decks as
  // fitted for print.
  [out, browser] = await Promise.all([sharedBuild('rtl-ar').then((b) => b.out), launchTestBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(['rtl-ar', 'umbruch'])('the deck %s at 1280x720', (deck) => {
  it('keeps the slide number clear of the navigation arrows on every slide', async () => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(pathToFileURL(path.join(out, deck, 'index.html')).href, { waitUntil: 'load' });
      await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 10_000 });
      const clashes = await page.evaluate(async () => {
        const reveal = (window as unknown as { Reveal: { getTotalSlides(): number; slide(i: number): void } }).Reveal;
        const box = (selector: string) => {
          const el = document.querySelector(selector);
          const r = el?.getBoundingClientRect();
          return r &&
            r.width > 0 &&
            getComputedStyle(el!).visibility !== 'hidden' &&
            getComputedStyle(el!).opacity !== '0'
            ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
            : undefined;
        };
        const found: string[] = [];
        for (let i = 0; i < reveal.getTotalSlides(); i++) {
          reveal.slide(i);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const number = box('.slide-number');
          if (!number) found.push(`slide ${i + 1}: no slide number`);
          const arrows = [
            '.controls .navigate-right',
            '.controls .navigate-left',
            '.controls .navigate-down',
            '.controls .navigate-up',
          ]
            .map(box)
            .filter((b) => b !== undefined);
          for (const arrow of arrows) found.push(JSON.stringify({ slide: i + 1, number, arrow }));
        }
        return found;
      });
      const real = clashes.flatMap((line) => {
        if (line.includes('no slide number')) return [line];
        const { slide, number, arrow } = JSON.parse(line) as { slide: number; number: Box; arrow: Box };
        return overlap(number, arrow) ? [`slide ${slide}`] : [];
      });
      expect(real).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the titles of the default deck at 1280x720', () => {
  /** The run's build of the default content (default-build.test.ts reads it too), at 1280x720, ready. */
  async function openDefaultDeck() {
    const plain = await sharedBuild('default');
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    const index = path.join(plain.out, 'ml-engineer-vs-ai-scientist', 'index.html');
    await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 10_000 });
    return page;
  }

  // The part of a continued title ("(1/2)") follows a <bdi>, an isolate that Chromium's balancing
  // does not cross; a no-break space keeps it with the title's last word instead (next test).
  it('are balanced: no title that wraps leaves a short last line (one word alone)', async () => {
    // The default title wrapped as "Machine Learning Engineer vs. AI / Scientist".
    const page = await openDefaultDeck();
    try {
      const headings = await page.evaluate(async () => {
        const reveal = (window as unknown as { Reveal: { getTotalSlides(): number; slide(i: number): void } }).Reveal;
        const found: { text: string; lines: number[] }[] = [];
        for (let i = 0; i < reveal.getTotalSlides(); i++) {
          reveal.slide(i);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          for (const h of document.querySelectorAll('.present h1, .present h2:not(:has(.part))')) {
            const range = document.createRange();
            range.selectNodeContents(h);
            // One line: every fragment on it shares a top; its width runs from its leftmost to rightmost fragment.
            const byLine = new Map<number, { left: number; right: number }>();
            for (const r of range.getClientRects()) {
              if (r.width === 0) continue;
              const key = Math.round(r.top / 8);
              const line = byLine.get(key) ?? { left: r.left, right: r.right };
              byLine.set(key, { left: Math.min(line.left, r.left), right: Math.max(line.right, r.right) });
            }
            const lines = [...byLine.entries()].sort(([a], [b]) => a - b).map(([, l]) => l.right - l.left);
            found.push({ text: h.textContent ?? '', lines });
          }
        }
        return found;
      });
      const wrapped = headings.filter((h) => h.lines.length > 1);
      expect(wrapped.length).toBeGreaterThan(0);
      const unbalanced = wrapped.filter((h) => h.lines.at(-1)! < 0.4 * Math.max(...h.lines));
      expect(unbalanced).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);

  it('never leave the part of a continued title ("(1/2)") alone on its last line', async () => {
    const page = await openDefaultDeck();
    try {
      // Each continued title, lengthened word by word until it wraps twice or more: the part must
      // share its line with the title's last word each time.
      const alone = await page.evaluate(async () => {
        const found: string[] = [];
        const titles = [...document.querySelectorAll<HTMLElement>('.reveal h2:has(> .part)')];
        for (const h of titles) {
          const section = h.closest('section')!;
          section.style.display = 'block';
          // Without balancing (Chromium balances only short blocks, and not every view of the
          // title sets it): the guarantee is the markup's, the no-break space before the part.
          h.style.textWrap = 'wrap';
          const bdi = h.querySelector('bdi')!;
          const part = h.querySelector<HTMLElement>('.part')!;
          const original = bdi.textContent ?? '';
          // Words of one to five letters, one more each time: some length ends a line right at the title's end.
          const more = 'a bb ccc dddd eeeee '.repeat(6).trim().split(' ');
          for (let words = 1; words <= more.length; words++) {
            bdi.textContent = `${original} ${more.slice(0, words).join(' ')}`;
            await new Promise((r) => requestAnimationFrame(r));
            const text = bdi.firstChild!;
            const lastWord = document.createRange();
            lastWord.setStart(text, (text.textContent ?? '').lastIndexOf(' ') + 1);
            lastWord.setEnd(text, (text.textContent ?? '').length);
            // One line when the part's middle lies within the word's box (their type sizes differ).
            const word = lastWord.getClientRects()[0];
            const box = part.getClientRects()[0];
            const middle = box ? (box.top + box.bottom) / 2 : NaN;
            if (!word || !(middle > word.top && middle < word.bottom))
              found.push(`${words} words more: ${part.textContent} alone`);
          }
          bdi.textContent = original;
          section.style.display = '';
        }
        return { found, titles: titles.length };
      });
      expect(alone.titles).toBeGreaterThan(0);
      expect(alone.found).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});
