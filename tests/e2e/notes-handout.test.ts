import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { reviewPdf } from '../support/page-review.js';
import { inkOfWords } from '../support/pdf-ink.js';
import { type PdfFacts, readPdf } from '../support/pdf.js';
import { tempProject } from '../support/project.js';
import { fileSession } from '../support/session.js';

// Today (before the notes PDF): a note of ~140 words failed the whole build with "the speaker
// notes of slide N are too long for the handout", and the handout printed the presenter's notes.

/** A note of `count` words, each unique ("mledef17"), so the PDF can be searched for every one. */
const note = (tag: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${tag}${i + 1}${(i + 1) % 12 === 0 ? '.' : ''}`).join(' ') + '.';
const wordsOf = (text: string) => text.replace(/\./g, '').split(' ');

const ROLE_NOTES = {
  'machine-learning-engineer': { Definition: 'mledef', 'Required skills': 'mleskl', 'Getting started': 'mlegst' },
  'ai-scientist': { Definition: 'aisdef', 'Required skills': 'aisskl', 'Getting started': 'aisgst' },
} as const;
/** The deck's own notes: one added to a whole section, one replacing a role's note, one long enough for two pages. */
const DECK_NOTES = [
  { heading: 'Notes: Education', text: note('deckedu', 250) },
  { heading: 'Notes: tools-and-software for ai-scientist', text: `Replace: ${note('deckrep', 250)}` },
  { heading: 'Notes: industries', text: note('decklong', 1000) },
];
const ALL_NOTES = [
  ...Object.values(ROLE_NOTES).flatMap((sections) => Object.values(sections).map((tag) => note(tag, 250))),
  ...DECK_NOTES.map((n) => n.text.replace('Replace: ', '')),
];
const MAIN = 'ml-engineer-vs-ai-scientist';
const PER_PAGE = [1, 2, 3, 4, 6] as const;
/** The deck each handout layout is printed for: the main deck (3) and decks that reuse its roles. */
const deckFor = (n: number) => (n === 3 ? MAIN : `per-page-${n}`);

let dir: string;
let result: BuildResult;
// The build's browser shows the pages too (closed when the file ends).
const session = fileSession();
let browser: Browser;
const pdfs = new Map<string, { bytes: Uint8Array; facts: PdfFacts }>();
const pdf = (deck: string, kind: string) => pdfs.get(`${deck}-${kind}`)!;

beforeAll(async () => {
  const project = await tempProject('notes');
  dir = project.dir;
  for (const [role, sections] of Object.entries(ROLE_NOTES)) {
    const file = path.join(project.content, 'roles', `${role}.md`);
    let text = await readFile(file, 'utf8');
    for (const [section, tag] of Object.entries(sections)) {
      // The first "Note:" after the section's heading is its note.
      const at = text.indexOf(`## ${section}\n`);
      const from = text.indexOf('\nNote: ', at);
      const to = text.indexOf('\n', from + 1);
      text = `${text.slice(0, from)}\nNote: ${note(tag, 250)}${text.slice(to)}`;
    }
    await writeFile(file, text);
  }
  const mainFile = path.join(project.content, 'decks', `${MAIN}.md`);
  const main = await readFile(mainFile, 'utf8');
  await writeFile(mainFile, `${main}\n${DECK_NOTES.map((n) => `## ${n.heading}\n\n${n.text}\n`).join('\n')}`);
  // Decks that reuse the roles without the deck notes: the main deck's front matter and prose.
  for (const n of PER_PAGE.filter((k) => k !== 3)) {
    const outputs = n === 6 ? '[handout, notes]' : '[handout]';
    await writeFile(
      path.join(project.content, 'decks', `${deckFor(n)}.md`),
      main.replace('paper: A4\n', `paper: A4\nhandout: { perPage: ${n} }\noutputs: ${outputs}\n`),
    );
  }
  result = await build({
    contentDir: project.content,
    outDir: project.out,
    date: new Date('2026-01-02T03:04:05Z'),
    session: await session(),
  });
  for (const deck of result.decks) {
    for (const output of deck.outputs.filter((o) => o.file.endsWith('.pdf'))) {
      const bytes = new Uint8Array(await readFile(output.file));
      pdfs.set(path.basename(output.file, '.pdf'), { bytes, facts: await readPdf(bytes) });
    }
  }
  browser = await session.browser();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The words not in the text; a word may touch the next text item ("mledef225Definition"), not another digit. */
const missing = (text: string, words: readonly string[]) =>
  words.filter((w) => !new RegExp(`(?<![a-z0-9])${w}(?![0-9])`).test(text));

describe('notes of 250 words and more (role and deck notes)', () => {
  it('build every output of the deck', () => {
    const names = result.decks.find((d) => d.slug === MAIN)?.outputs.map((o) => path.basename(o.file));
    expect(names).toContain(`${MAIN}-notes.pdf`);
    expect(names).toContain(`${MAIN}-handout.pdf`);
    expect(names).toContain(`${MAIN}-slides.pdf`);
  });

  it('draw the slide thumbnails as vectors: no large picture in the notes PDF or the handout (the chart hatching was one)', () => {
    for (const kind of ['notes', 'handout']) {
      const text = Buffer.from(pdf(MAIN, kind).bytes).toString('latin1');
      const pictures = [...text.matchAll(/<<([^<>]*\/Subtype\s*\/Image[^<>]*)>>/g)].map((m) =>
        Number(/\/Length\s+(\d+)/.exec(m[1]!)?.[1] ?? 0),
      );
      // Each 1064 x 338 soft mask of a hatched segment took 136 kB; the logo and the QR code, a few kB.
      expect(pictures.filter((bytes) => bytes > 20_000)).toEqual([]);
    }
  });

  it('are in the notes PDF word for word', () => {
    const { facts } = pdf(MAIN, 'notes');
    for (const text of ALL_NOTES) expect(missing(facts.text, wordsOf(text))).toEqual([]);
  });

  it('are drawn on the page, not only in the text layer: the last words of each carry ink, inside the page, at a readable size', async () => {
    const lastWords = ALL_NOTES.map((text) => wordsOf(text).at(-1)!);
    const firstWords = ALL_NOTES.map((text) => wordsOf(text)[0]!);
    const inks = await inkOfWords(browser, pdf(MAIN, 'notes').bytes, [...firstWords, ...lastWords]);
    for (const ink of inks) {
      expect(ink.page, ink.word).toBeGreaterThan(0);
      expect(ink.onPage, ink.word).toBe(true);
      expect(ink.ink, ink.word).toBeGreaterThan(10);
      expect(ink.size, ink.word).toBeGreaterThanOrEqual(11);
    }
    // The 1,000-word note does not fit under its slide: it flows on to the next page.
    const long = inks.filter((i) => i.word.startsWith('decklong'));
    expect(long.map((i) => i.word)).toEqual(['decklong1', 'decklong1000']);
    expect(long[1]!.page).toBeGreaterThan(long[0]!.page);
  });

  it('give one bookmark per slide', () => {
    const slides = result.decks.find((d) => d.slug === MAIN)!.slides;
    const { facts } = pdf(MAIN, 'notes');
    expect(facts.outline).toHaveLength(slides);
    expect(facts.outline.every((title, i) => title.startsWith(`Slide ${i + 1}: `))).toBe(true);
    expect(facts.pages).toBeGreaterThan(slides);
  });

  it('never reach the audience handout', () => {
    for (const n of PER_PAGE) {
      const { facts } = pdf(deckFor(n), 'handout');
      const words = ALL_NOTES.flatMap(wordsOf);
      expect(missing(facts.text, words), `${n} a page`).toHaveLength(words.length);
      expect(facts.text).not.toContain('Frame this as a build-and-deliver role');
    }
  });
});

describe('the audience handout', () => {
  it.each(PER_PAGE)('with %i slides a page has ceil(slides / N) pages', (n) => {
    const slides = result.decks.find((d) => d.slug === deckFor(n))!.slides;
    const { facts } = pdf(deckFor(n), 'handout');
    expect(facts.pages).toBe(Math.ceil(slides / n));
    expect(facts.text.toLowerCase()).toContain('your notes');
  });

  // Issue 23: thumbnails printed their text at 3-5 pt. At 2 to 6 a page the slides are text cells.
  it.each(PER_PAGE)(
    'with %i slides a page prints no text under 7 pt, fills the page, and every slide title',
    async (n) => {
      const deck = result.decks.find((d) => d.slug === deckFor(n))!;
      const file = deck.outputs.find((o) => o.file.endsWith('-handout.pdf'))!.file;
      const pages = await reviewPdf(file, { qrPages: [] });
      for (const page of pages) {
        expect(page.minTextPt, `${n} a page, page ${page.page}`).toBeGreaterThanOrEqual(7);
        // The rows share the page's height: no blank band at the foot of a full page (13-14% at 1
        // and 2 a page before). A last page with fewer slides keeps the cells' size, so ends early.
        const full = page.page < pages.length || deck.slides % n === 0;
        if (full) expect(page.footBlank, `${n} a page, page ${page.page}`).toBeLessThanOrEqual(0.1);
      }
      const text = pdf(deckFor(n), 'handout').facts.text.replace(/\s+/g, ' ');
      for (const title of ['Responsibilities', 'Projected job growth', 'What they share, what sets them apart'])
        expect(text).toContain(title);
    },
  );

  it('at 3 a page (the default) holds every slide of the default content whole: no slide is cut or shortened', () => {
    const warnings = result.warnings.filter((w) => /handout \(3 a page\)|handout cell at 3 a page/.test(w.message));
    expect(warnings).toEqual([]);
  });
});

describe('a deck note', () => {
  it('shows in its own deck only; the other deck shows the role notes as written', () => {
    const own = pdf(MAIN, 'notes').facts.text;
    const other = pdf(deckFor(6), 'notes').facts.text;
    for (const tag of ['deckedu1', 'deckrep1', 'decklong1']) {
      expect(own).toContain(tag);
      expect(other).not.toContain(tag);
    }
    // Replaced in the main deck, as written in the other.
    const replaced = 'Point out that Git is the one tool both roles list';
    expect(own).not.toContain(replaced);
    expect(other).toContain(replaced);
    expect(other).toContain('mledef250');
  });
});
