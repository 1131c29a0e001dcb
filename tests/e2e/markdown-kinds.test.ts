import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { pdfToText, wordBoxes } from '../support/poppler.js';
import { pptxTexts } from '../support/pptx.js';
import { tempProject } from '../support/project.js';

// Issue 28: the Markdown advisers paste in, built once from tests/fixtures/markdown-kinds with
// every output, and read back as a reader would: PDF text and word positions, the .pptx XML.
const SLUG = 'markdown-kinds';
let dir = '';
let out = '';
let result: BuildResult;
const text: Record<string, string> = {};
let slidePages: string[] = [];
let zip: JSZip;
/** Each PowerPoint slide's XML, in order. */
let slides: string[] = [];

beforeAll(async () => {
  const project = await tempProject('markdown', { fixture: SLUG });
  dir = project.dir;
  result = await build({ contentDir: project.content, outDir: project.out });
  out = path.join(project.out, SLUG);
  for (const name of ['report', 'slides', 'handout', 'careers-adviser-factsheet', 'market-analyst-factsheet'])
    text[name] = await pdfToText(path.join(out, `${SLUG}-${name}.pdf`));
  const pages = result.decks[0]?.slides ?? 0;
  slidePages = await Promise.all(
    Array.from({ length: pages }, (_, i) => pdfToTextPage(path.join(out, `${SLUG}-slides.pdf`), i + 1)),
  );
  zip = await JSZip.loadAsync(await readFile(path.join(out, `${SLUG}.pptx`)));
  slides = await Promise.all(
    Array.from({ length: pages }, (_, i) => zip.file(`ppt/slides/slide${i + 1}.xml`)!.async('string')),
  );
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function pdfToTextPage(file: string, page: number): Promise<string> {
  return (await wordBoxes(file, page)).map((w) => w.text).join(' ');
}

/** The PowerPoint slide whose text contains `words`. */
function pptxSlide(words: string): string {
  const found = slides.find((xml) => pptxTexts(xml).replace(/\s+/g, ' ').includes(words));
  if (!found) throw new Error(`no PowerPoint slide shows "${words}"`);
  return found;
}

describe('numbered and task lists', () => {
  it('print the number the author gave, also where a list continues on the next slide', () => {
    expect(text.slides).toContain('3. Meet students one to one');
    expect(text.slides).toContain('5. Keep records of every meeting');
    const continued = slidePages.find((page) => page.includes('Practise interviewing'));
    expect(continued).toMatch(/(^| )5\. Practise interviewing/);
    expect(text.slides).toContain('10. Complete the Level 6 diploma');
    expect(text.report).toContain('3. Meet students one to one');
    expect(text['careers-adviser-factsheet']).toContain('3. Meet students one to one');
  });

  it('keeps "10." whole in the report: the number stands inside its column, not cut at its edge', async () => {
    const report = path.join(out, `${SLUG}-report.pdf`);
    let checked = 0;
    for (let page = 1; page <= 8; page++) {
      const words = await wordBoxes(report, page).catch(() => []);
      const ten = words.find((w) => w.text === '10.');
      if (!ten) continue;
      // The column's heading ("Adviser") starts where the column does.
      const column = words.filter((w) => w.text === 'Adviser' && w.y0 < ten.y0).at(-1);
      expect(column).toBeDefined();
      expect(ten.x0).toBeGreaterThanOrEqual((column?.x0 ?? 0) - 0.5);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("writes startAt with the author's number in the PowerPoint, continued on a later slide", () => {
    expect(pptxSlide('Meet students')).toContain('startAt="3"');
    expect(pptxSlide('Practise interviewing')).toContain('startAt="5"');
    expect(pptxSlide('Complete the')).toContain('startAt="10"');
  });

  it('keeps the state of task items in every output', () => {
    for (const name of ['slides', 'report', 'careers-adviser-factsheet']) {
      expect(text[name], name).toContain('\u2713 Guidance qualification completed');
      expect(text[name], name).toContain('\u25A1 Labour market course booked');
    }
    const xml = pptxTexts(pptxSlide('Guidance qualification'));
    expect(xml).toMatch(/\u2611\s*Guidance qualification/);
    expect(xml).toMatch(/\u2610\s*Labour market/);
  });
});

describe('tables', () => {
  it('split a long table over slides by rows, its header on each', () => {
    const pages = slidePages.filter((page) => page.includes('Pay by level'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) if (/Trainee|Trainer/.test(page)) expect(page).toContain('Starting salary Senior salary');
    expect(text.slides).toContain('Director of careers 65,000 80,000');
    expect(text.slides).toContain('Trainee 21,000 24,000');
  });

  it('are in the report, the fact sheet and the handout', () => {
    // Role columns stand side by side in the report: their lines interleave in the text.
    expect(text.report).toContain('Starting salary Senior salary');
    expect(text.report).toContain('Director of careers 65,000 80,000');
    expect(text['careers-adviser-factsheet']).toContain('Director of careers 65,000 80,000');
    expect(text.handout).toContain('Director of careers');
  });

  it('split a table too wide for a slide by columns, the first repeated, and say so at its line', () => {
    const page = slidePages.find((p) => p.includes('Year eight'));
    expect(page?.match(/Junior analyst/g)?.length).toBe(2);
    const warning = result.warnings.find((w) => /too wide for a slide/.test(w.message));
    expect(warning?.file).toMatch(/market-analyst\.md$/);
    expect(warning?.line).toBe(27);
  });

  it('are native tables in the PowerPoint, with their header row', () => {
    const xml = pptxSlide('Director of careers');
    expect(xml).toContain('<a:tbl>');
    expect(pptxTexts(xml)).toContain('Starting salary');
    expect(xml).toMatch(/<a:rPr[^>]*b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>Level<\/a:t>/s);
  });
});

describe('quotes, nested lists and code', () => {
  it('show a quote with its attribution, three levels of a list, and code as written', () => {
    for (const name of ['slides', 'report']) {
      expect(text[name], name).toContain('The numbers tell you what happened');
      expect(text[name], name).toContain('\u2014 A senior analyst');
      expect(text[name], name).toContain('Primary schools Year 6 visits Secondary schools');
      expect(text[name], name).toContain('careerdeck build --deck adviser careerdeck check');
    }
    expect(text.slides).toContain('\u2014 Amira K., class of 2023');
  });

  it('draw them sensibly in the PowerPoint: quotes in italics, code in a monospace font, nested items indented', () => {
    const quote = pptxSlide('The numbers tell you');
    expect(quote).toMatch(/<a:rPr[^>]*i="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>The numbers tell you/s);
    expect(quote).toMatch(/typeface="Consolas"(?:(?!<\/a:r>).)*<a:t>careerdeck build --deck adviser<\/a:t>/s);
    expect(pptxSlide('Year 6 visits')).toMatch(/<a:pPr[^>]*lvl="2"(?:(?!<\/a:p>).)*Year 6 visits/s);
  });
});

describe('pictures in the PowerPoint', () => {
  it('holds the PNG, JPEG and WebP pictures, sized as on the slide, with their alt text', async () => {
    const media = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/'));
    expect(media.filter((n) => /\.jpe?g$/.test(n))).toHaveLength(1);
    expect(media.filter((n) => /\.png$/.test(n)).length).toBeGreaterThanOrEqual(2);
    const all = slides.join('');
    for (const alt of ['Students at a careers workshop', 'Share of students with a plan', 'Quality award badge'])
      expect(all).toContain(`descr="${alt}"`);
    // 300 x 150 CSS pixels at 96 a inch, 914400 EMU an inch.
    expect(all).toMatch(/descr="Share of students with a plan"(?:(?!<\/p:pic>).)*<a:ext cx="2857500" cy="1428750"/s);
    expect(result.warnings.filter((w) => /PowerPoint/.test(w.message))).toEqual([]);
  });
});

describe('a declining occupation', () => {
  it('is drawn left of a zero line in the printed chart, and said to be a decline in its text alternative', async () => {
    // The axis runs below zero (ticks from -30%), and the decline's value stands right of the zero line, by its bar's end.
    const slidesPdf = path.join(out, `${SLUG}-slides.pdf`);
    const page = slidePages.findIndex((p) => p.includes('Projected job growth')) + 1;
    const words = await wordBoxes(slidesPdf, page);
    const at = (t: string) => words.find((w) => w.text === t)?.x0 ?? NaN;
    expect(at('-30%')).toBeLessThan(at('0%'));
    expect(at('-26%')).toBeGreaterThan(at('0%'));
    expect(at('-20%')).toBeLessThan(at('-10%'));
    expect(text.report).toContain('-30%');
    const deck = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(deck).toMatch(/<desc[^>]*>[^<]*Analyst: -26% \(decline\)/);
  });

  it('has an axis below zero and "decline" in the PowerPoint chart', async () => {
    const chart = await zip.file('ppt/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:min val="-30"/>');
    expect(chart).toContain('<c:v>-26</c:v>');
    expect(pptxSlide('Projected job growth')).toContain('Analyst -26% (decline)');
  });
});
