import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { type PdfFacts, readPdf } from '../support/pdf.js';
import { pdfToLayoutLines } from '../support/poppler.js';
import { tempProject } from '../support/project.js';
import { fileSession } from '../support/session.js';

// Issue 11: long content is laid out, never refused and never cut. Each describe builds one
// fixture of tests/fixtures/ once, with every output.
// One browser for the file's builds and its screenshots (closed when the file ends).
const session = fileSession();
const scratch: string[] = [];
let browser: Browser | undefined;
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function buildFixture(
  name: string,
): Promise<{ result: BuildResult; out: string; pdf: (file: string) => Promise<PdfFacts> }> {
  const project = await tempProject(name, { fixture: name });
  scratch.push(project.dir);
  const result = await build({
    contentDir: project.content,
    outDir: project.out,
    keepHtml: true,
    session: await session(),
  });
  const out = path.join(project.out, name);
  // Each PDF read once for the describe's tests: the report is read by three of them.
  const read = new Map<string, Promise<PdfFacts>>();
  const pdf = (file: string) => {
    let facts = read.get(file);
    if (!facts) read.set(file, (facts = readFile(path.join(out, file)).then(readPdf)));
    return facts;
  };
  return { result, out, pdf };
}

/**
 * Issue 23: every page of a report after the cover starts with a heading: a part's own, or its
 * title marked "(continued)" where the part runs over from the page before. The running header
 * (the deck's title) and the page number come first in each page's text.
 */
function pageStarts(report: PdfFacts, header: string): string[] {
  return report.pageTexts.slice(1).map((text) =>
    text
      .replace(header, '')
      .replace(/^\s*Page \d+ of \d+/, '')
      .trim(),
  );
}
const continued = (title: string) => `${title} (continued)`;

describe('a deck of six roles with different section sets', () => {
  let built: Awaited<ReturnType<typeof buildFixture>>;
  const roles = [
    'machine-learning-engineer',
    'ai-scientist',
    'data-engineer',
    'research-engineer',
    'ml-platform-engineer',
    'analytics-engineer',
  ];
  const titles = [
    'Machine Learning Engineer',
    'AI Scientist',
    'Data Engineer',
    'Research Engineer',
    'ML Platform Engineer',
    'Analytics Engineer',
  ];
  const shorts = [
    'ML Engineer',
    'AI Scientist',
    'Data Engineer',
    'Research Eng.',
    'ML Platform Eng.',
    'Analytics Eng.',
  ];

  beforeAll(async () => {
    built = await buildFixture('six-roles');
  }, 240_000);

  it('builds every output: deck, report, slides, handout and six fact sheets', () => {
    const names = built.result.decks[0]?.outputs
      .map((o) => path.basename(o.file))
      .filter((n) => !n.endsWith('.html') || n === 'index.html');
    expect(names?.sort()).toEqual(
      [
        'index.html',
        'six-roles-report.pdf',
        'six-roles-handout.pdf',
        'six-roles-notes.pdf',
        'six-roles-slides.pdf',
        'six-roles.pptx',
        ...roles.map((r) => `six-roles-${r}-factsheet.pdf`),
      ].sort(),
    );
  });

  it('names every role in the report and in the slides, the overlap included', async () => {
    const [report, slides] = await Promise.all([built.pdf('six-roles-report.pdf'), built.pdf('six-roles-slides.pdf')]);
    expect(slides.pages).toBe(built.result.decks[0]?.slides);
    for (const title of titles) {
      expect(report.text).toContain(title);
      expect(slides.text).toContain(title);
    }
    // The overlap is a matrix of terms by role, split over slides, each slide naming all six.
    const matrix = slides.pageTexts.filter(
      (t) => t.startsWith('What they share, what sets them apart (') && t.includes('Term'),
    );
    expect(matrix.length).toBeGreaterThan(1);
    for (const page of matrix) for (const short of shorts) expect(page).toContain(short);
    expect(report.text).toMatch(
      /Term ML Engineer AI Scientist Data Engineer Research Eng\. ML Platform Eng\. Analytics Eng\./,
    );
  });

  it('repeats the title, marked continued, and the role names or the matrix group on each page a report part runs on to', async () => {
    const report = await built.pdf('six-roles-report.pdf');
    const starts = pageStarts(report, 'Six careers in data and AI');
    const glance = starts.filter((t) => t.startsWith(continued('At a glance')));
    const matrix = starts.filter((t) => t.startsWith(continued('What they share, what sets them apart')));
    expect(glance.length).toBeGreaterThan(0);
    expect(matrix.length).toBeGreaterThan(0);
    for (const page of [...glance, ...matrix]) for (const short of shorts) expect(page).toContain(short);
    // Each matrix page names the group its first terms belong to: a new group, or the last one continued.
    const groups = [
      'Responsibilities',
      'Required skills',
      'Education',
      'Tools and software',
      'Industries',
      'Getting started',
    ];
    for (const page of matrix) {
      const afterHeader = page.split('Analytics Eng.')[1]?.trim() ?? '';
      expect(groups.some((g) => afterHeader.startsWith(g))).toBe(true);
    }
    // Every page starts with a heading; "(continued)" headings are not bookmarks.
    const titles = report.outline.map((t) => t.trim());
    for (const start of starts) expect(titles.some((t) => start.startsWith(t))).toBe(true);
    expect(report.outline.some((t) => t.includes('(continued)'))).toBe(false);
  });

  it('hyphenates words too long for the narrow report columns, and only where a line ends', async () => {
    // Chromium writes a soft hyphen into the text wherever it was given one: at a break poppler's
    // layout text shows it with the drawn hyphen after it; before a letter it would split a word
    // for search ("ma\u00ADchine").
    const lines = await pdfToLayoutLines(path.join(built.out, 'six-roles-report.pdf'));
    const breaks = lines.flatMap((line) => line.match(/\p{L}\u00ad[-\u2010]/gu) ?? []);
    const inside = lines.flatMap((line) => line.match(/\S*\u00ad(?=\p{L})\S*/gu) ?? []);
    expect(breaks.length).toBeGreaterThan(10);
    expect(inside).toEqual([]);
    // The six-role "At a glance" broke "infrastructur" / "e" before.
    expect(lines.some((line) => /infrastructur\s/.test(line))).toBe(false);
  });

  it('never ends a page of the notes PDF with a role\'s label: "Research Eng.:" stays with its notes', async () => {
    // Poppler's layout text, page by page: the last line above the page number is the page's foot.
    const pages = (await pdfToLayoutLines(path.join(built.out, 'six-roles-notes.pdf'))).join('\n').split('\f');
    const feet = pages.map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !/^Page \d+ of \d+$/.test(line))
        .at(-1),
    );
    const labels = shorts.map((short) => `${short}:`);
    expect(feet.filter((foot) => labels.some((label) => foot === label))).toEqual([]);
  });

  it('keeps every slide within the slide: nothing overflows the printed page', async () => {
    browser ??= await session.browser();
    const page = await browser.newPage();
    try {
      await page.goto(`file://${path.join(built.out, 'index.html')}?print-pdf`);
      await page.waitForSelector('html[data-careerdeck-pdf-ready]');
      const over = await page.$$eval('.slide-body', (bodies) =>
        bodies.flatMap((b, i) =>
          b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1 ? [i + 1] : [],
        ),
      );
      expect(over).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('long content: a 25-item section, a role with every section twice as long, a 300-character URL, a 40-character label', () => {
  let built: Awaited<ReturnType<typeof buildFixture>>;

  beforeAll(async () => {
    built = await buildFixture('long-content');
  }, 240_000);

  it('builds every output, every item of the long section in the slides and the report', async () => {
    const names = built.result.decks[0]?.outputs.map((o) => path.basename(o.file)).filter((n) => n.endsWith('.pdf'));
    expect(names?.sort()).toEqual([
      'long-content-ai-scientist-factsheet.pdf',
      'long-content-handout.pdf',
      'long-content-machine-learning-engineer-factsheet.pdf',
      'long-content-notes.pdf',
      'long-content-report.pdf',
      'long-content-slides.pdf',
    ]);
    const [report, slides] = await Promise.all([
      built.pdf('long-content-report.pdf'),
      built.pdf('long-content-slides.pdf'),
    ]);
    for (let i = 10; i <= 25; i++) {
      expect(slides.text).toContain(`on-call rota ${i} honest`);
      expect(report.text).toContain(`on-call rota ${i} honest`);
    }
    expect(slides.text).toContain('Responsibilities (5/5)');
  });

  it('prints a fact sheet that cannot fit one page on two, with a warning naming the role file, line and longest section', async () => {
    const sheet = await built.pdf('long-content-ai-scientist-factsheet.pdf');
    expect(sheet.pages).toBe(2);
    expect(sheet.text).toContain('(a second time, in other words)');
    const warning = built.result.warnings.find((w) => w.message.includes('fact sheet'));
    expect(warning).toMatchObject({
      file: expect.stringMatching(/roles[/\\]ai-scientist\.md$/),
      line: expect.any(Number),
      severity: 'warning',
    });
    expect(warning?.message).toMatch(
      /fact sheet of "AI Scientist" does not fit one A4 page .* printed on two; shorten section "[^"]+" \(its longest\)/,
    );
    expect((await built.pdf('long-content-machine-learning-engineer-factsheet.pdf')).pages).toBe(1);
  });

  it('keeps both columns of every report table on the page with a 300-character URL in a cell', async () => {
    browser ??= await session.browser();
    const page = await browser.newPage();
    try {
      await page.goto(`file://${path.join(built.out, 'long-content-report.html')}`);
      await page.emulateMediaType('print');
      // A4 less the report's 16 mm side margins: the width the page prints at.
      await page.setViewport({ width: Math.floor(((210 - 32) * 96) / 25.4), height: 1000 });
      const cells = await page.$$eval('table', (tables) =>
        tables.flatMap((table) =>
          [...table.querySelectorAll('th, td')].map((cell) => ({
            table: table.className,
            right: cell.getBoundingClientRect().right,
            text: cell.textContent ?? '',
          })),
        ),
      );
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      expect(cells.some((c) => c.text.includes('careers.example.org/programme/handbook'))).toBe(true);
      expect(cells.filter((c) => c.right > width + 1).map((c) => `${c.table}: ${c.text.slice(0, 60)}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('prints a 40-character chart label whole, inside the chart, in the PDF text too', async () => {
    browser ??= await session.browser();
    const page = await browser.newPage();
    try {
      await page.goto(`file://${path.join(built.out, 'long-content-report.html')}`);
      const labels = await page.$$eval('svg.chart text.chart-label', (texts) =>
        texts.map((t) => ({
          x: (t as SVGTextElement).getBBox().x,
          text: [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || (t.textContent ?? ''),
        })),
      );
      expect(labels.map((l) => l.text)).toContain('Senior ML Infra & Platform Reliability E');
      expect(labels.filter((l) => l.x < 0)).toEqual([]);
    } finally {
      await page.close();
    }
    const report = await built.pdf('long-content-report.pdf');
    expect(report.text).toMatch(/Senior ML Infra &\s?Platform Reliability E\s?\+22%/);
  });

  it('goes on under "(continued)" headings with the role names when a comparison section runs over a page', async () => {
    const report = await built.pdf('long-content-report.pdf');
    const starts = pageStarts(report, 'Long content, laid out');
    const responsibilities = starts.filter((t) => t.startsWith(continued('Responsibilities')));
    expect(responsibilities.length).toBeGreaterThan(0);
    for (const page of responsibilities) {
      // Column by column: the first role's name, its items, then the next role's name.
      expect(page).toMatch(/^Responsibilities \(continued\) Senior ML Infra & ?Platform Reliability E/);
      expect(page).toContain('AI Scientist');
    }
    const titles = report.outline.map((t) => t.trim());
    for (const start of starts) expect(titles.some((t) => start.startsWith(t))).toBe(true);
  });
});

describe('six roles at 6 a page: each handout cell measured before printing', () => {
  let result: BuildResult;
  let handout: string;

  beforeAll(async () => {
    const project = await tempProject('six-per-6', { fixture: 'six-roles' });
    handout = path.join(project.out, 'six-roles', 'six-roles-handout.pdf');
    scratch.push(project.dir);
    const deck = path.join(project.content, 'decks', 'six-roles.md');
    const text = await readFile(deck, 'utf8');
    await writeFile(deck, text.replace(/^---\n/, '---\nhandout: { perPage: 6 }\noutputs: [handout]\n'));
    result = await build({ contentDir: project.content, outDir: project.out, session: await session() });
  }, 240_000);

  it('names the cells that are cut even at 7 pt, which the estimate let through (the chart with its long caption)', () => {
    const cut = result.warnings.filter((w) => w.message.includes('too long for a handout cell'));
    // The estimate of letters never counted the chart's caption: the measured cell is cut.
    expect(cut.some((w) => w.message.includes('("Projected job growth")'))).toBe(true);
    // The term matrix, split over slides, is one problem in one place: one warning naming each slide.
    const matrix = cut.filter((w) => w.message.includes('What they share'));
    expect(matrix).toHaveLength(1);
    expect(matrix[0]?.file).toMatch(/decks[/\\]six-roles\.md$/);
    expect(matrix[0]?.message).toMatch(/^slides (\d+, ){5,}\d+ /);
  });

  it('says once which slides print as key words, from the last print only', () => {
    const keyWords = result.warnings.filter((w) => w.message.includes('as their bold key words'));
    expect(keyWords).toHaveLength(1);
    expect(keyWords[0]?.file).toMatch(/roles[/\\][a-z-]+\.md$/);
  });

  it("hyphenates the matrix's role names and the narrow columns' words, only where a line ends", async () => {
    const lines = await pdfToLayoutLines(handout);
    // "Engine / er", "Resea / rch" before: role names in columns a few letters wide.
    expect(lines.some((line) => /Engi\u00ad-/.test(line))).toBe(true);
    expect(lines.some((line) => /\bEngine\s*$|\bResea\s/.test(line))).toBe(false);
    expect(lines.flatMap((line) => line.match(/\S*\u00ad(?=\p{L})\S*/gu) ?? [])).toEqual([]);
  });
});
