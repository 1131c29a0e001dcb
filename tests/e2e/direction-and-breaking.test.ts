import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser } from '../support/chromium.js';
import { lineBox } from '../support/poppler.js';
import { resolveLabels } from '../../src/model/labels.js';
import { sharedBuild } from '../support/shared-build.js';

// Issue 13, items 3 and 4: one build of tests/fixtures/rtl-ar, which holds an Arabic deck and a
// German one (long compounds, a Chinese paragraph without spaces); each makes its deck and report.
const A4_MARGIN = (16 / 25.4) * 72; // report.css: 16 mm at the sides
let out = '';
let browser: Browser | undefined;

beforeAll(async () => {
  // The run's build of the fixture (deck-chrome.test.ts reads it too).
  [out, browser] = await Promise.all([sharedBuild('rtl-ar').then((b) => b.out), launchTestBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

/** Every piece of text a page of the PDF draws: where it starts and ends, and its size. */
async function textBoxes(
  file: string,
): Promise<{ width: number; pages: { x0: number; x1: number; y: number; size: number }[][] }> {
  const doc = await getDocument({
    data: new Uint8Array(await readFile(file)),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages = [];
    let width = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      width = (page.view[2] ?? 0) - (page.view[0] ?? 0);
      const items = (await page.getTextContent()).items.flatMap((item) =>
        'str' in item && item.str.trim() !== ''
          ? [
              {
                x0: item.transform[4] as number,
                x1: (item.transform[4] as number) + item.width,
                y: item.transform[5] as number,
                size: item.transform[0] as number,
              },
            ]
          : [],
      );
      pages.push(items);
    }
    return { width, pages };
  } finally {
    await doc.destroy();
  }
}

/** The extent of the first 20 pt heading (an h1) on page 2 of a report: "At a glance" in its language. */
function firstHeading(pages: { x0: number; x1: number; y: number; size: number }[][]) {
  const items = (pages[1] ?? []).filter((i) => Math.abs(i.size - 20) < 0.5);
  const line = items.filter((i) => Math.abs(i.y - (items[0]?.y ?? 0)) < 1);
  return { x0: Math.min(...line.map((i) => i.x0)), x1: Math.max(...line.map((i) => i.x1)) };
}

async function openDeck(deck: string, print: boolean): Promise<Page> {
  const page = await browser!.newPage();
  await page.goto(`file://${path.join(out, deck, 'index.html')}${print ? '?print-pdf' : ''}`);
  await page.waitForSelector(print ? 'html[data-careerdeck-pdf-ready]' : 'html[data-careerdeck-ready]');
  return page;
}

describe('right to left: an Arabic deck', () => {
  it("sets dir on the deck's <html> and turns on reveal's rtl; the German deck stays left to right", async () => {
    expect(await readFile(path.join(out, 'rtl-ar', 'index.html'), 'utf8')).toContain('<html lang="ar" dir="rtl"');
    expect(await readFile(path.join(out, 'umbruch', 'index.html'), 'utf8')).toContain('<html lang="de" dir="ltr"');
    for (const [deck, rtl] of [
      ['rtl-ar', true],
      ['umbruch', false],
    ] as const) {
      const page = await openDeck(deck, false);
      try {
        const state = await page.evaluate(() => ({
          config: (window as unknown as { Reveal: { getConfig: () => { rtl: boolean } } }).Reveal.getConfig().rtl,
          mirrored: document.querySelector('.reveal')?.classList.contains('rtl'),
        }));
        expect(state).toEqual({ config: rtl, mirrored: rtl });
      } finally {
        await page.close();
      }
    }
  });

  it("draws the report's headings at the right margin, where the German report has them at the left", async () => {
    // "At a glance" in each language, measured by pdftotext (pdf.js mismeasures Arabic words).
    const width = 595.28; // A4
    const ar = await lineBox(path.join(out, 'rtl-ar', 'rtl-ar-report.pdf'), 2, resolveLabels('ar').atAGlance);
    const de = await lineBox(path.join(out, 'umbruch', 'umbruch-report.pdf'), 2, resolveLabels('de').atAGlance);
    expect(ar?.x1).toBeCloseTo(width - A4_MARGIN, 0);
    expect(ar?.x0).toBeGreaterThan(width / 2);
    expect(de?.x0).toBeCloseTo(A4_MARGIN, 0);
    expect(de?.x1).toBeLessThan(width / 2);
  });

  it('anchors the chart bars at the right, the role names right of them', async () => {
    const page = await openDeck('rtl-ar', true);
    try {
      const chart = await page.$eval('svg.chart:not(.overlap-chart)', (svg) => ({
        bars: [...svg.querySelectorAll('rect[class^="role-"]')].map((r) => r.getBoundingClientRect().right),
        labels: [...svg.querySelectorAll('.chart-label')].map((t) => t.getBoundingClientRect().left),
        svg: svg.getBoundingClientRect().toJSON() as { left: number; right: number },
      }));
      expect(chart.bars).toHaveLength(2);
      expect(Math.abs((chart.bars[0] ?? 0) - (chart.bars[1] ?? 1))).toBeLessThan(0.5);
      expect(chart.bars[0]).toBeGreaterThan((chart.svg.left + chart.svg.right) / 2);
      expect(chart.labels.length).toBeGreaterThanOrEqual(2);
      for (const left of chart.labels) expect(left).toBeGreaterThanOrEqual((chart.bars[0] ?? Infinity) - 0.5);
    } finally {
      await page.close();
    }
  });
});

describe('line breaking: a German compound and Chinese without spaces', () => {
  it('keeps every slide element and table cell within its box', async () => {
    const page = await openDeck('umbruch', true);
    try {
      const over = await page.$$eval('.slide-body', (bodies) =>
        bodies.flatMap((body, i) =>
          [body, ...body.querySelectorAll<HTMLElement>('h1, h2, h3, p, li, th, td, .column')]
            .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
            .map((el) => `slide ${i + 1}: <${el.tagName.toLowerCase()}> ${el.textContent?.slice(0, 40) ?? ''}`),
        ),
      );
      expect(over).toEqual([]);
      // The fixture's words are there to be broken: the title slide's heading takes several lines.
      const titleLines = await page.$eval(
        '.slide-title h1',
        (h) => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight),
      );
      expect(titleLines).toBeGreaterThan(1.5);
    } finally {
      await page.close();
    }
  });

  it('prints no text past the margins of the German report', async () => {
    const { width, pages } = await textBoxes(path.join(out, 'umbruch', 'umbruch-report.pdf'));
    // Chromium shrinks a page whose content is too wide to fit the paper: then no text would be
    // outside, but the headings would no longer be 20 pt and would not start at the margin.
    expect(firstHeading(pages).x0).toBeCloseTo(A4_MARGIN, 0);
    const outside = pages.flatMap((items, p) =>
      items
        .filter((i) => i.x0 < A4_MARGIN - 1 || i.x1 > width - A4_MARGIN + 1)
        .map((i) => `page ${p + 1} at ${Math.round(i.x0)}-${Math.round(i.x1)}`),
    );
    expect(outside).toEqual([]);
  });
});
