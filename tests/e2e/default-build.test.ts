import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { launchTestBrowser } from '../support/chromium.js';
import { reviewPdf } from '../support/page-review.js';
import { PROJECT_ROOT } from '../support/content.js';
import { fold, type PdfFacts, readPdf } from '../support/pdf.js';
import { sharedBuild } from '../support/shared-build.js';

const facts = JSON.parse(
  await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/default-facts.json'), 'utf8'),
) as Record<string, string[]>;
const SLUG = 'ml-engineer-vs-ai-scientist';

let result: BuildResult;
let out: string;
let report: PdfFacts;
let slides: PdfFacts;
let handout: PdfFacts;
let notes: PdfFacts;
let browser: Browser;

beforeAll(async () => {
  // The run's one build of the default content (determinism.test.ts compares against it too).
  const project = await sharedBuild('default');
  ({ out, result } = project);
  const deckDir = path.join(project.out, SLUG);
  [report, slides, handout, notes, browser] = await Promise.all([
    readFile(path.join(deckDir, `${SLUG}-report.pdf`)).then(readPdf),
    readFile(path.join(deckDir, `${SLUG}-slides.pdf`)).then(readPdf),
    readFile(path.join(deckDir, `${SLUG}-handout.pdf`)).then(readPdf),
    readFile(path.join(deckDir, `${SLUG}-notes.pdf`)).then(readPdf),
    launchTestBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
});

const missingFrom = (text: string, wanted: readonly string[]) =>
  wanted.filter((fact) => !fold(text).toLowerCase().includes(fold(fact).toLowerCase()));
const roleFacts = [...(facts['machine-learning-engineer'] ?? []), ...(facts['ai-scientist'] ?? [])];

describe('the default build', () => {
  it('writes every output with one browser launch and no refused request', () => {
    const names = result.decks[0]?.outputs.map((o) => path.basename(o.file));
    expect(names).toEqual([
      'index.html',
      `${SLUG}-report.pdf`,
      `${SLUG}-handout.pdf`,
      `${SLUG}-notes.pdf`,
      `${SLUG}-slides.pdf`,
      `${SLUG}-machine-learning-engineer-factsheet.pdf`,
      `${SLUG}-ai-scientist-factsheet.pdf`,
      `${SLUG}.pptx`,
      `${SLUG}.html`,
    ]);
    expect(result.browserLaunches).toBe(1);
    expect(result.blockedRequests).toEqual([]);
  });

  it('puts every role fact and every deck fact into the report', () => {
    expect(roleFacts.length).toBeGreaterThan(60);
    expect(missingFrom(report.text, roleFacts)).toEqual([]);
    expect(missingFrom(report.text, facts.deck ?? [])).toEqual([]);
  });

  it('prints the report on A4 with header, page X of Y, bookmarks, tags and metadata', () => {
    expect(report.size.width).toBeCloseTo(595, 0);
    expect(report.size.height).toBeCloseTo(842, 0);
    expect(report.pages).toBeGreaterThanOrEqual(4);
    expect(report.pageTexts[1]).toContain(`Page 2 of ${report.pages}`);
    expect(report.pageTexts[1]).toContain('Machine Learning Engineer vs. AI Scientist');
    expect(report.pageTexts[0]).not.toContain('Page 1 of');
    expect(report.pageTexts.every((t) => t.length > 40)).toBe(true);
    expect(report.outline).toEqual(
      expect.arrayContaining([
        'At a glance',
        'Responsibilities',
        'Outlook',
        'What they share, what sets them apart',
        'Sources',
      ]),
    );
    expect(report.tagged).toBe(true);
    expect(report.info).toMatchObject({
      Author: 'Careers Service',
      Subject: 'Two careers in artificial intelligence, side by side',
      Creator: 'careerdeck',
    });
    expect(String(report.info.Title)).toContain('Machine Learning Engineer vs. AI Scientist');
    expect(String(report.info.CreationDate)).toContain('20260102030405');
  });

  it('keeps speaker notes off the slides and out of the report', () => {
    const note = 'Stress that duties shift with the organization';
    expect(slides.text).not.toContain(note);
    expect(report.text).not.toContain(note);
  });

  it('prints one slide per page, with every role fact on the slides', () => {
    expect(slides.pages).toBe(result.decks[0]?.slides);
    expect(slides.size.width / slides.size.height).toBeCloseTo(16 / 9, 2);
    expect(missingFrom(slides.text, roleFacts)).toEqual([]);
    expect(slides.pageTexts.every((t) => t.length > 10)).toBe(true);
  });

  it('prints the handout three slides a page, with lines to write on and no speaker notes', () => {
    const count = result.decks[0]?.slides ?? 0;
    expect(handout.pages).toBe(Math.ceil(count / 3));
    expect(handout.size.width).toBeCloseTo(595, 0);
    expect(handout.text).not.toContain('Stress that duties shift with the organization');
    expect(handout.text).not.toContain('Ask the room who is leaning toward building products');
    expect(handout.pageTexts[0]?.toLowerCase()).toContain('your notes');
    expect(handout.pageTexts[0]).toContain('Machine Learning Engineer vs. AI Scientist');
    expect(handout.pageTexts.at(-1)).toContain(`Page ${handout.pages} of ${handout.pages}`);
  });

  it('prints the notes: every slide with its notes, bookmarked; slides with short notes share a page; nothing under 7 pt', async () => {
    const count = result.decks[0]?.slides ?? 0;
    // The title and agenda slides have no notes: they share the first page (issue 23: one slide a
    // page left two thirds of most pages blank).
    expect(notes.pageTexts[0]).toContain('Slide 2: ');
    expect(notes.pages).toBeLessThan(count);
    // The slide's picture spans the page, so its smallest text prints at 7 pt or more (4.6 pt at 110 mm).
    for (const page of await reviewPdf(path.join(out, SLUG, `${SLUG}-notes.pdf`), { qrPages: [] }))
      expect(page.minTextPt, `page ${page.page}`).toBeGreaterThanOrEqual(7);
    expect(notes.outline).toHaveLength(count);
    expect(notes.outline[0]).toBe('Slide 1: Machine Learning Engineer vs. AI Scientist');
    expect(notes.text).toContain('Stress that duties shift with the organization');
    expect(notes.text).toContain('Ask the room who is leaning toward building products');
  });

  it("prints one fact sheet per role on exactly one page, with that role's facts", async () => {
    for (const role of ['machine-learning-engineer', 'ai-scientist']) {
      const sheet = await readPdf(await readFile(path.join(out, SLUG, `${SLUG}-${role}-factsheet.pdf`)));
      expect(sheet.pages).toBe(1);
      expect(missingFrom(sheet.text, facts[role] ?? [])).toEqual([]);
      // Issue 23: the footer floated under the content with 15-17% of the page blank below it.
      // It sits at the page foot now, and a short sheet sets its type larger to use the page.
      const [page] = await reviewPdf(path.join(out, SLUG, `${SLUG}-${role}-factsheet.pdf`), { qrPages: [] });
      expect(page!.footBlank, role).toBeLessThanOrEqual(0.1);
    }
  });

  it('opens from file:// with no network request, reveal ready, notes on every slide but the title', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const deckDir = path.join(out, SLUG);
    await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 10_000 });
    const state = await page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: { getTotalSlides(): number; hasPlugin(id: string): boolean } })
        .Reveal;
      const sections = [...document.querySelectorAll('.reveal .slides > section')];
      return {
        total: reveal.getTotalSlides(),
        notesPlugin: reveal.hasPlugin('notes'),
        withoutNotes: sections
          .filter((s) => !s.querySelector('aside.notes')?.textContent?.trim())
          .map((s) => s.querySelector('h1,h2')?.textContent),
      };
    });
    await page.close();
    expect(state.total).toBe(result.decks[0]?.slides);
    expect(state.notesPlugin).toBe(true);
    expect(state.withoutNotes).toEqual(['Machine Learning Engineer vs. AI Scientist', 'Agenda', 'Sources']);
    const outside = requests.filter((url) => !url.startsWith(pathToFileURL(deckDir).href));
    expect(outside).toEqual([]);
    expect(requests.some((url) => url.endsWith('.woff2'))).toBe(true);
  });

  it('opens the speaker view offline from file:// with the notes, a timer and the next slide', async () => {
    const page = await browser.newPage();
    await page.goto(`${pathToFileURL(path.join(out, SLUG, 'index.html')).href}#/4`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 10_000 });
    const popup = new Promise<import('puppeteer-core').Page | null>((resolve) =>
      browser.once('targetcreated', (target: import('puppeteer-core').Target) => resolve(target.page())),
    );
    await page.keyboard.press('s');
    const speaker = await popup;
    expect(speaker).not.toBeNull();
    await speaker!.waitForFunction(
      () => document.querySelector('.speaker-controls-notes')?.textContent?.includes('Stress that duties shift'),
      { timeout: 10_000 },
    );
    const view = await speaker!.evaluate(() => ({
      timer: Boolean(document.querySelector('.speaker-controls-time')),
      upcoming: Boolean(document.querySelector('#upcoming-slide iframe, .speaker-controls-upcoming iframe, iframe')),
    }));
    expect(view).toEqual({ timer: true, upcoming: true });
    await speaker!.close();
    await page.close();
  });

  it('fits every slide: no content overflows its slide', async () => {
    const page = await browser.newPage();
    await page.goto(`${pathToFileURL(path.join(out, SLUG, 'index.html')).href}?print-pdf`, {
      waitUntil: 'load',
    });
    await page.waitForSelector('html[data-careerdeck-pdf-ready]', { timeout: 10_000 });
    const overflowing = await page.$$eval('.slide-body', (bodies) =>
      bodies
        .filter((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1)
        .map((b) => b.querySelector('h1,h2')?.textContent),
    );
    await page.close();
    expect(overflowing).toEqual([]);
  });
});
