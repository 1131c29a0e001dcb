import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { contrastRatio } from '../../src/model/colour.js';
import { THEMES } from '../../src/validate/schema.js';
import { type PdfFacts, readPdf } from '../support/pdf.js';
import { tempProject } from '../support/project.js';
import { fileSession } from '../support/session.js';

const FOOTER = 'Career Services · Example University';
const LOGO = 'assets/content/images/logo.svg';
const slugOf = (theme: string) => `themed-${theme}`;

let dir: string;
let out: string;
let result: BuildResult;
// The build's browser shows the pages too (closed when the file ends).
const session = fileSession();
let browser: Browser;
const pdfs = new Map<string, { report: PdfFacts; slides: PdfFacts }>();

beforeAll(async () => {
  const project = await tempProject('themes');
  dir = project.dir;
  out = project.out;
  const decks = path.join(project.content, 'decks');
  await mkdir(path.join(project.content, 'images'));
  await writeFile(
    path.join(project.content, 'images', 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 60" width="60" height="60"><rect width="60" height="60" rx="12" fill="#0b5fff"/></svg>',
  );
  // One build, one browser, a deck per theme: only the PDFs these checks read.
  const original = await readFile(path.join(decks, 'ml-engineer-vs-ai-scientist.md'), 'utf8');
  for (const file of await readdir(decks)) await rm(path.join(decks, file));
  for (const theme of THEMES) {
    const front = `theme: ${theme}\noutputs: [report, slides]\nbrand:\n  accent: "#0b5fff"\n  logo: ../images/logo.svg\n  footer: "${FOOTER}"\n`;
    await writeFile(path.join(decks, `${slugOf(theme)}.md`), original.replace(/^paper: A4\n/m, `paper: A4\n${front}`));
  }
  result = await build({
    contentDir: project.content,
    outDir: out,
    date: new Date('2026-01-02T03:04:05Z'),
    session: await session(),
  });
  browser = await session.browser();
  for (const theme of THEMES) {
    const deckDir = path.join(out, slugOf(theme));
    const [report, slides] = await Promise.all(
      ['report', 'slides'].map((kind) => readFile(path.join(deckDir, `${slugOf(theme)}-${kind}.pdf`)).then(readPdf)),
    );
    pdfs.set(theme, { report: report!, slides: slides! });
  }
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `rgb(1, 2, 3)` as computed by the browser -> `#010203`. */
const hex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;

/** The colours of text on the deck's slides, as Chromium computes them, and the paper behind them. */
async function slideColours(
  theme: string,
  media: 'screen' | 'print',
): Promise<{ paper: string; texts: { what: string; colour: string }[] }> {
  const page = await browser.newPage();
  try {
    await page.emulateMediaType(media);
    await page.goto(pathToFileURL(path.join(out, slugOf(theme), 'index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 10_000 });
    return await page.evaluate(() => {
      const selectors = [
        '.slide-title h1',
        '.subtitle',
        '.eyebrow',
        '.byline',
        '.role-chip',
        'h2',
        'h2 .part',
        '.role-heading',
        '.column li',
        '.muted',
        '.prose p',
        '.agenda li',
        'table.overlap th',
        'table.overlap td',
        '.chart-label',
        '.chart-tick',
        '.chart-value',
        'figcaption',
        '.brand-footer',
        '.slide-number',
      ];
      const texts = selectors.flatMap((selector) => {
        const el = document.querySelector(selector);
        if (!el) return [];
        const style = getComputedStyle(el);
        return [{ what: selector, colour: el instanceof SVGElement ? style.fill : style.color }];
      });
      return { paper: getComputedStyle(document.documentElement).backgroundColor, texts };
    });
  } finally {
    await page.close();
  }
}

describe.each(THEMES)('a deck in the %s theme', (theme) => {
  it('carries the theme in its HTML and the brand in its pages and assets', async () => {
    const deckDir = path.join(out, slugOf(theme));
    const html = await readFile(path.join(deckDir, 'index.html'), 'utf8');
    expect(html).toContain(`<html lang="en" dir="ltr" data-theme="${theme}">`);
    expect(html).toContain(`src="${LOGO}"`);
    expect((await stat(path.join(deckDir, LOGO))).size).toBeGreaterThan(0);
    expect(result.decks.find((d) => d.slug === slugOf(theme))?.outputs.map((o) => path.basename(o.file))).toEqual([
      'index.html',
      `${slugOf(theme)}-report.pdf`,
      `${slugOf(theme)}-slides.pdf`,
    ]);
  });

  it('prints a report whose text still extracts, with the brand footer', () => {
    const { report } = pdfs.get(theme)!;
    expect(report.pages).toBeGreaterThanOrEqual(4);
    expect(report.text).toContain('Machine Learning Engineer vs. AI Scientist');
    expect(report.text).toContain('At a glance');
    expect(report.pageTexts[1]).toContain(FOOTER);
  });

  it('prints the footer on every slide', () => {
    const { slides } = pdfs.get(theme)!;
    expect(slides.pages).toBeGreaterThan(10);
    expect(slides.pageTexts.filter((text) => text.includes(FOOTER))).toHaveLength(slides.pages);
  });

  it('draws every kind of slide text at WCAG AA contrast on screen, and on white paper in print', async () => {
    for (const media of ['screen', 'print'] as const) {
      const { paper, texts } = await slideColours(theme, media);
      if (media === 'print' || theme !== 'dark') expect(hex(paper)).toBe('#ffffff');
      else expect(hex(paper)).not.toBe('#ffffff');
      expect(texts.length).toBeGreaterThan(15);
      // Role chips are text on the role colour, not on the paper; the unit test covers that pair.
      const weak = texts
        .filter((t) => t.what !== '.role-chip')
        .map((t) => ({ ...t, ratio: contrastRatio(hex(t.colour), hex(paper)) }))
        .filter((t) => t.ratio < 4.5);
      expect(weak, media).toEqual([]);
    }
  });
});
