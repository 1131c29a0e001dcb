/**
 * Outputs beyond the browser, from a real build: the PowerPoint (structure and the seed's facts),
 * the one-file deck opened alone from file:// (zero requests, speaker view), the slide images and
 * the QR code on them (decoded back to the url).
 */
import { copyFile, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import jsQR from 'jsqr';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import type { Browser, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { fileSession } from '../support/session.js';
import { PROJECT_ROOT } from '../support/content.js';
import { fold } from '../support/pdf.js';
import { tempProject } from '../support/project.js';
import { pptxTexts } from '../support/pptx.js';

const facts = JSON.parse(
  await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/default-facts.json'), 'utf8'),
) as Record<string, string[]>;
const SLUG = 'ml-engineer-vs-ai-scientist';
const URL_ = 'https://careers.example.edu/events/ml-vs-ai';

// One browser for the file's builds and the pages it looks at (closed when the file ends).
const session = fileSession();
let result: BuildResult;
let dir: string;
let deckDir: string;
let browser: Browser;
let project: { content: string; out: string };
const scratch: string[] = [];

beforeAll(async () => {
  const made = await tempProject('reach');
  project = made;
  dir = made.dir;
  const deckFile = path.join(project.content, 'decks', `${SLUG}.md`);
  // Only the outputs under test (no PDFs to print), and a url for the QR code.
  await writeFile(
    deckFile,
    (await readFile(deckFile, 'utf8')).replace(/^lang: en$/m, `lang: en\nurl: ${URL_}\noutputs: [pptx, html, images]`),
  );
  result = await build({
    contentDir: project.content,
    outDir: project.out,
    date: new Date('2026-01-02T03:04:05Z'),
    session: await session(),
  });
  deckDir = path.join(project.out, SLUG);
  browser = await session.browser();
}, 120_000);

afterAll(async () => {
  await Promise.all([dir, ...scratch].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

// jsqr's types describe its CommonJS export as a default; the function is what the import gives.
const decodeQr = jsQR as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const texts = pptxTexts;

describe('the PowerPoint', () => {
  it('unzips to one slide per slide of the deck, each with text, notes where the deck has them, the outlook as a chart part, and every seed fact', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(deckDir, `${SLUG}.pptx`)));
    const slideCount = result.decks[0]!.slides;
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(slideCount);
    let all = '';
    for (let i = 1; i <= slideCount; i++) {
      const text = texts(await zip.file(`ppt/slides/slide${i}.xml`)!.async('string'));
      expect(text.trim(), `slide ${i}`).not.toBe('');
      all += ` ${text}`;
    }
    const notesSlides = Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    // Every slide of the deck but the title and the agenda has notes.
    expect(notesSlides.length).toBeGreaterThanOrEqual(slideCount - 2);
    expect(texts(await zip.file('ppt/notesSlides/notesSlide5.xml')!.async('string'))).toContain(
      'Stress that duties shift',
    );
    const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBeGreaterThanOrEqual(1);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/ppt/charts/chart1.xml');
    const missing = [...(facts['machine-learning-engineer'] ?? []), ...(facts['ai-scientist'] ?? [])].filter(
      (f) => !fold(all).toLowerCase().includes(fold(f).toLowerCase()),
    );
    expect(missing).toEqual([]);
  });
});

describe('the one-file deck', () => {
  let page: Page;
  let requests: string[];
  let file: string;

  beforeAll(async () => {
    // Alone in an empty folder, as an email attachment would be.
    const alone = await mkdtemp(path.join(tmpdir(), 'careerdeck-one-file-'));
    scratch.push(alone);
    file = path.join(alone, `${SLUG}.html`);
    await copyFile(path.join(deckDir, `${SLUG}.html`), file);
    expect(await readdir(alone)).toEqual([`${SLUG}.html`]);
    page = await browser.newPage();
    requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${pathToFileURL(file).href}#/4`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 10_000 });
  });

  it('opens from file:// with no request but itself (data: and blob: aside), reveal ready with every slide and its fonts', async () => {
    const state = await page.evaluate(async () => {
      await document.fonts.ready;
      const reveal = (window as unknown as { Reveal: { getTotalSlides(): number; isReady(): boolean } }).Reveal;
      return {
        total: reveal.getTotalSlides(),
        ready: reveal.isReady(),
        inter: document.fonts.check('16px Inter'),
        loaded: [...document.fonts].filter((f) => f.status === 'loaded').length,
      };
    });
    expect(state).toMatchObject({ total: result.decks[0]!.slides, ready: true, inter: true });
    expect(state.loaded).toBeGreaterThan(0);
    const others = requests.filter(
      (url) => url.split('#')[0] !== pathToFileURL(file).href && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(others).toEqual([]);
  });

  it("opens the speaker view with S, showing the current slide's notes, a timer and the next slide", async () => {
    const popup = new Promise<Page | null>((resolve) =>
      browser.once('targetcreated', (target: Target) => resolve(target.page())),
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
      frames: document.querySelectorAll('iframe').length,
    }));
    expect(view.timer).toBe(true);
    expect(view.frames).toBeGreaterThanOrEqual(2);
    await speaker!.close();
  });
});

describe('slide images and the QR code', () => {
  const png = async (name: string) => PNG.sync.read(await readFile(path.join(deckDir, 'images', name)));

  it('writes one 1280x720 PNG per slide and a 640x360 thumbnail of the title slide', async () => {
    const names = (await readdir(path.join(deckDir, 'images'))).sort();
    const slides = result.decks[0]!.slides;
    expect(names).toEqual([
      ...Array.from({ length: slides }, (_, i) => `${String(i + 1).padStart(2, '0')}.png`),
      'thumbnail.png',
    ]);
    for (const name of names) {
      // Width and height from the IHDR chunk, as any reader of the file sees them.
      const header = await readFile(path.join(deckDir, 'images', name));
      const size = name === 'thumbnail.png' ? [640, 360] : [1280, 720];
      expect([header.readUInt32BE(16), header.readUInt32BE(20)], name).toEqual(size);
    }
    // Each picture is of its own slide (a stale hash once showed the title slide instead).
    const digests = new Set(
      await Promise.all(
        names
          .filter((n) => n !== 'thumbnail.png')
          .map(async (n) => (await readFile(path.join(deckDir, 'images', n))).toString('base64')),
      ),
    );
    expect(digests.size).toBe(slides);
  });

  it('shows a QR code on the first and last slides that decodes back to the url, and none on the others', async () => {
    const read = async (name: string) => {
      const image = await png(name);
      return decodeQr(
        new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
        image.width,
        image.height,
      )?.data;
    };
    const slides = result.decks[0]!.slides;
    expect(await read('01.png')).toBe(URL_);
    expect(await read(`${String(slides).padStart(2, '0')}.png`)).toBe(URL_);
    expect(await read('02.png')).not.toBe(URL_);
    // The thumbnail is the title slide, small: its code still reads.
    expect(await read('thumbnail.png')).toBe(URL_);
  });
});

describe('incremental builds', () => {
  it('keep the PowerPoint, the one-file deck and the images while nothing changes, and make again only the one that went missing', async () => {
    const again = await build({
      contentDir: project.content,
      outDir: project.out,
      date: new Date('2026-01-02T03:04:05Z'),
      session: await session(),
    });
    expect(again.decks.flatMap((d) => d.outputs)).toEqual([]);
    expect(again.decks[0]!.upToDate.map((f) => path.relative(deckDir, f)).sort()).toEqual(
      ['images/thumbnail.png', 'index.html', `${SLUG}.html`, `${SLUG}.pptx`].sort(),
    );
    await unlink(path.join(deckDir, `${SLUG}.pptx`));
    const after = await build({
      contentDir: project.content,
      outDir: project.out,
      date: new Date('2026-01-02T03:04:05Z'),
      session: await session(),
    });
    expect(after.decks[0]!.outputs.map((o) => path.basename(o.file))).toEqual([`${SLUG}.pptx`]);
  }, 120_000);
});
