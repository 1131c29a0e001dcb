import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { launchTestBrowser } from '../support/chromium.js';
import { bareFontconfig, countNotdef, type GlyphCount, type PdfFont, pdfFonts } from '../support/fonts.js';
import { readStructure } from '../support/pdf-structure.js';
import { matterhornFailures } from '../support/pdf-ua.js';
import { popplerFonts, pdfToText as popplerText } from '../support/poppler.js';
import { tempProject, type TempProject } from '../support/project.js';
import { PROJECT_ROOT } from '../support/content.js';
import { fillLabel, resolveLabels } from '../../src/model/labels.js';

/**
 * Letters, marks and digits only: pdftotext puts a space at each line end (Chinese has none),
 * spaces inside Arabic words, and the full stop at the other end of a right-to-left line.
 */
const letters = (text: string) => text.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
/** Letters and digits, lower case, without marks: pdftotext may put an Arabic shadda one letter early. */
const bare = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/**
 * Issue 13: a German, a Simplified Chinese, an Arabic and a Hindi deck (tests/fixtures/languages)
 * built once, in one browser, by a Chromium that sees only the fonts a fresh Debian machine has
 * (Liberation, DejaVu): every glyph must come from the fonts careerdeck ships beside the deck.
 */
const DECKS = [
  {
    slug: 'lang-de',
    lang: 'de',
    sentence: 'Beide Wege beginnen mit kleinen, eigenen Projekten.',
    families: ['Inter', 'NotoEmoji'],
  },
  {
    slug: 'lang-zh-hans',
    lang: 'zh-Hans',
    sentence: '无论选择哪条路，都可以从一个小项目开始。',
    families: ['Inter', 'NotoSansSC', 'NotoEmoji'],
  },
  {
    slug: 'lang-ar',
    lang: 'ar',
    sentence: 'يبدأ الطريقان بمشروع صغير من صنعك.',
    families: ['Inter', 'NotoSansArabic', 'NotoEmoji'],
  },
  {
    slug: 'lang-hi',
    lang: 'hi',
    sentence: 'दोनों रास्ते एक छोटी, अपनी परियोजना से शुरू होते हैं।',
    families: ['Inter', 'NotoSansDevanagari', 'NotoEmoji'],
  },
] as const;

interface PrintedFile {
  name: string;
  file: string;
  lang: string | undefined;
  /** The document title a PDF viewer shows. */
  title: string | undefined;
  glyphs: GlyphCount;
  fonts: PdfFont[];
  /** PDF/UA-1's machine-checkable failures (tests/support/pdf-ua.ts). */
  matterhorn: string[];
}

/** pdftotext's text of a PDF, run once per file: the reports are read by four tests. */
const texts = new Map<string, Promise<string>>();
const pdfToText = (file: string): Promise<string> => {
  let text = texts.get(file);
  if (!text) texts.set(file, (text = popplerText(file)));
  return text;
};

let project: TempProject;
let result: BuildResult;
let browser: Browser;
const printed = new Map<string, PrintedFile[]>();

beforeAll(async () => {
  project = await tempProject('languages', { fixture: 'languages' });
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = await bareFontconfig(project.dir);
  try {
    result = await build({ contentDir: project.content, outDir: project.out, date: new Date('2026-01-02T03:04:05Z') });
  } finally {
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
  }
  for (const { slug } of DECKS) {
    const dir = path.join(project.out, slug);
    const names = (await readdir(dir)).filter((f) => f.endsWith('.pdf')).sort();
    printed.set(
      slug,
      await Promise.all(
        names.map(async (name) => {
          const file = path.join(dir, name);
          const bytes = await readFile(file);
          const [structure, glyphs, fonts, matterhorn] = await Promise.all([
            readStructure(bytes),
            countNotdef(bytes),
            pdfFonts(bytes),
            matterhornFailures(bytes),
          ]);
          const title = (await PDFDocument.load(bytes, { updateMetadata: false })).getTitle();
          return { name, file, lang: structure.lang, title, glyphs, fonts, matterhorn };
        }),
      ),
    );
  }
  browser = await launchTestBrowser();
  // Four decks, 36 outputs: twice the default deck's bound, for a machine busy with other tests.
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await project?.remove();
});

describe('decks in four languages, printed with only the bare system fonts', () => {
  it('builds the four decks with one browser launch', () => {
    expect(result.decks.map((d) => d.slug).sort()).toEqual(DECKS.map((d) => d.slug).sort());
    expect(result.browserLaunches).toBe(1);
    expect(result.blockedRequests).toEqual([]);
  });

  describe.each(DECKS)('$slug', ({ slug, lang, sentence, families }) => {
    const pdfs = () => printed.get(slug) ?? [];

    it('prints every PDF: report, slides, handout, notes and both fact sheets', () => {
      expect(pdfs()).toHaveLength(6);
    });

    it('sets /Lang in every PDF', () => {
      expect(pdfs().map((p) => [p.name, p.lang])).toEqual(pdfs().map((p) => [p.name, lang]));
    });

    it('draws no .notdef glyph (empty box) in any PDF', () => {
      for (const pdf of pdfs()) {
        expect(pdf.glyphs.uncounted, pdf.name).toEqual([]);
        expect(pdf.glyphs.glyphs, pdf.name).toBeGreaterThan(300);
        expect(pdf.glyphs.notdef, pdf.name).toBe(0);
      }
    });

    it("embeds every font, and only the fonts careerdeck ships: none of the machine's", () => {
      const names = new Set<string>();
      for (const pdf of pdfs()) {
        expect(pdf.fonts.length, pdf.name).toBeGreaterThan(0);
        for (const font of pdf.fonts) {
          expect(font.embedded, `${pdf.name}: ${font.name}`).toBe(true);
          names.add(font.name.replace(/^[A-Z]{6}\+/, '').replace(/(Thin)?-.*$/, ''));
          expect(font.type, `${pdf.name}: ${font.name}`).toBe('Type0');
        }
      }
      expect([...names].sort()).toEqual([...families].sort());
    });

    // pdf.js reads Arabic and Devanagari glyph by glyph (presentation forms, visual order);
    // pdftotext reads the ActualText Chromium writes, as a reader copying the text gets it.
    it('gives its text to pdftotext, letter for letter', async () => {
      const report = pdfs().find((p) => p.name.endsWith('-report.pdf'))!;
      expect(letters(await pdfToText(report.file))).toContain(letters(sentence));
    });

    it('passes the machine-checkable PDF/UA-1 conditions in every PDF', () => {
      for (const pdf of pdfs()) expect(pdf.matterhorn, pdf.name).toEqual([]);
    });

    // Issue 26: search and copy give back the words written. Chromium wrapped each Arabic or
    // Devanagari cluster in its own ActualText, and pdftotext read "مراج عة" for "مراجعة".
    it("gives back at least 99% of its roles' words whole in the report, and every heading in the report and slides", async () => {
      const { words, headings } = await writtenText(slug, lang);
      const report = await pdfToText(pdfs().find((p) => p.name.endsWith('-report.pdf'))!.file);
      const found = wordsFound(report, words, lang);
      expect(words.length).toBeGreaterThan(60);
      expect(
        found.missing.length / words.length,
        `${slug}: words split or lost: ${found.missing.slice(0, 12).join(' ')}`,
      ).toBeLessThanOrEqual(0.01);
      const slides = await pdfToText(pdfs().find((p) => p.name.endsWith('-slides.pdf'))!.file);
      for (const heading of headings) {
        expect(squeeze(report), `${slug} report: "${heading}"`).toContain(squeeze(heading));
        expect(squeeze(slides), `${slug} slides: "${heading}"`).toContain(squeeze(heading));
      }
    });

    it("prints each PDF's labels in the deck's language, none in English", async () => {
      const own = resolveLabels(lang);
      // "Page 2 of": the words up to the page count, which differs per PDF.
      const pageLabel = (page: number) => fillLabel(own.pageOfPages.split('{pages}')[0] ?? '', { page });
      const english = resolveLabels('en');
      // For each PDF, labels it must print (slots filled as that PDF fills them).
      const expected: Record<string, string[]> = {
        report: [own.atAGlance, own.overlapTitle, pageLabel(2)],
        slides: [own.agenda, own.overlapTitle],
        handout: [fillLabel(own.handoutNotes, { number: 1 }), pageLabel(1)],
        notes: [own.agenda, pageLabel(1)],
        factsheet: [own.careerFactSheet],
      };
      const englishOnly = [english.atAGlance, english.careerFactSheet, 'Your notes', 'Speaker notes', 'Page 1 of'];
      const titled = {
        report: own.reportTitle,
        slides: own.slidesTitle,
        handout: own.handoutTitle,
        notes: own.notesTitle,
      };
      for (const pdf of pdfs()) {
        const kind = /-(report|slides|handout|notes|factsheet)\.pdf$/.exec(pdf.name)?.[1] ?? '';
        // The document title too: "Seite 1 von 4" in the page and "…: Handout" in the viewer's title bar.
        const titleLabel = titled[kind as keyof typeof titled] ?? own.factsheetTitle;
        const fixed = titleLabel.replace(/\{(title|role)\}/, '').trim();
        expect(pdf.title, pdf.name).toContain(fixed);
        const text = bare(await pdfToText(pdf.file));
        expect(expected[kind], pdf.name).toBeDefined();
        for (const label of expected[kind] ?? []) expect(text, `${pdf.name}: "${label}"`).toContain(bare(label));
        for (const label of englishOnly) expect(text, `${pdf.name}: "${label}"`).not.toContain(bare(label));
      }
    });

    it('embeds every font, as pdffonts reads the PDFs', async () => {
      for (const pdf of pdfs()) {
        const fonts = await popplerFonts(pdf.file);
        expect(fonts.length, pdf.name).toBeGreaterThan(0);
        expect(
          fonts.filter((f) => !f.embedded),
          pdf.name,
        ).toEqual([]);
      }
    });
  });
});

describe("each deck's lists, numbers and line breaks (issue 23)", () => {
  const html = (slug: string, file: string) => readFile(path.join(project.out, slug, file), 'utf8');

  it('joins Chinese lists with 、 and Arabic ones with ، and writes "仅数据分析师" without a space', async () => {
    const zh = await pdfToText(path.join(project.out, 'lang-zh-hans', 'lang-zh-hans-report.pdf'));
    expect(zh).toContain('仅数据分析师');
    expect(zh).not.toContain('仅 数据分析师');
    expect(zh).toMatch(/SQL、Python/u);
    expect(zh).not.toMatch(/SQL, Python/u);
    const ar = await html('lang-ar', 'index.html');
    expect(ar).toContain('، ');
    expect(ar).not.toMatch(/[\u0600-\u06ff], [\u0600-\u06ff]/u);
  });

  it('keeps terms whole in Chinese overlap cells, and prose cells breaking as Chinese does', async () => {
    const css = await html('lang-zh-hans', 'index.html');
    expect(css).toMatch(/:lang\(zh\) :is\(table\.overlap td, td\.terms, th, \.fact\)[^}]*word-break: keep-all/u);
  });

  it('writes every percent on a German page in one format, chart ticks included', async () => {
    const de = await html('lang-de', 'index.html');
    const ticks = [...de.matchAll(/class="chart-tick"[^>]*>([^<]*%)</gu)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect(tick).toMatch(/^\d+\u00a0%$/u);
  });
});

describe('the fonts beside each deck', () => {
  const fontFiles = async (slug: string) => {
    const dir = path.join(project.out, slug, 'assets', 'fonts');
    const names = (await readdir(dir)).sort();
    const sizes = await Promise.all(names.map(async (n) => (await stat(path.join(dir, n))).size));
    return { names, bytes: sizes.reduce((a, b) => a + b, 0) };
  };

  it('are exactly those the deck loads, and for Chinese only the subsets its text needs', async () => {
    for (const { slug } of DECKS) {
      const html = await readFile(path.join(project.out, slug, 'index.html'), 'utf8');
      const loaded = [...new Set([...html.matchAll(/url\('assets\/fonts\/([^']+)'\)/g)].map((m) => m[1]!))].sort();
      expect((await fontFiles(slug)).names).toEqual(loaded);
    }
    const zh = await fontFiles('lang-zh-hans');
    // The package slices Chinese into 101 subsets a weight; this deck's text needs a few of them.
    expect(zh.names.filter((n) => n.startsWith('noto-sans-sc-')).length).toBeLessThan(3 * 30);
    expect(zh.bytes).toBeLessThan(3_000_000);
  });
});

describe('offline', () => {
  it.each(DECKS)('$slug: index.html and the one-file deck load nothing from outside', async ({ slug }) => {
    const deckDir = path.join(project.out, slug);
    for (const [file, inside] of [
      ['index.html', pathToFileURL(deckDir).href],
      [`${slug}.html`, pathToFileURL(path.join(deckDir, `${slug}.html`)).href],
    ] as const) {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(path.join(deckDir, file)).href, { waitUntil: 'load' });
      await page.waitForSelector('html[data-careerdeck-ready]', { timeout: 10_000 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.close();
      expect(
        requests.filter((url) => !url.startsWith(inside) && !url.startsWith('data:')),
        file,
      ).toEqual([]);
      // The one-file deck asks for nothing but itself: its fonts are data: URLs.
      if (file !== 'index.html') expect(requests.filter((url) => !url.startsWith('data:'))).toEqual([inside]);
    }
  });
});

/** Whitespace removed: a heading searched for across a line break. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * The words and headings a deck's role files write (front matter and speaker notes left out),
 * as Intl.Segmenter splits them in the deck's language.
 */
async function writtenText(slug: string, lang: string): Promise<{ words: string[]; headings: string[] }> {
  const prefix = slug.split('-')[1]!;
  const dir = path.join(PROJECT_ROOT, 'tests/fixtures/languages/content/roles');
  const files = (await readdir(dir)).filter((f) => f.startsWith(`${prefix}-`));
  const words: string[] = [];
  const headings: string[] = [];
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  for (const file of files) {
    const body = (await readFile(path.join(dir, file), 'utf8')).replace(/^---[\s\S]*?\n---\n/, '');
    let inNote = false;
    for (const line of body.split('\n')) {
      if (line.startsWith('## ')) {
        inNote = false;
        headings.push(
          line
            .slice(3)
            .replace(/\{[^}]*\}\s*$/, '')
            .trim(),
        );
      }
      if (/^Note:/.test(line)) inNote = true;
      if (inNote || line.startsWith('## ') || line.startsWith('![')) continue;
      const plain = line.replace(/\*\*|__|`|^\s*[-*+]\s+|^\s*\d+[.)]\s+/g, '');
      for (const s of segmenter.segment(plain)) if (s.isWordLike) words.push(...scriptRuns(s.segment));
    }
  }
  return { words, headings };
}

/** Which words the extracted text holds whole: as a word where words are spaced, as a run of letters in Chinese. */
function wordsFound(text: string, words: readonly string[], lang: string): { missing: string[] } {
  if (lang.startsWith('zh')) {
    const all = squeeze(text);
    return { missing: words.filter((w) => !all.includes(w)) };
  }
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  // pdftotext wraps right-to-left lines and the numbers in them in bidi embedding controls.
  const plain = text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  const got = new Set(Array.from(segmenter.segment(plain), (s) => scriptRuns(s.segment)).flat());
  return { missing: words.filter((w) => !got.has(w)) };
}

/**
 * A word split where Latin letters meet another script: "وExcel" (and Excel) is searched as
 * "Excel", and the two runs are drawn by two fonts in two directions.
 */
const scriptRuns = (word: string): string[] => word.match(/[\p{Script=Latin}\p{N}]+|[^\p{Script=Latin}\p{N}]+/gu) ?? [];
