import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PdfFacts, readPdf } from '../support/pdf.js';
import { type PdfStructure, readStructure, typeCounts } from '../support/pdf-structure.js';
import { matterhornFailures } from '../support/pdf-ua.js';
import { suiteDecks } from './decks.js';
import { DEFAULT_DECK, THEMED, THREE_ROLES } from './project.js';

interface Printed {
  structure: PdfStructure;
  facts: PdfFacts;
  /** PDF/UA-1's machine-checkable failures (tests/support/pdf-ua.ts). */
  matterhorn: string[];
}

/** Each deck's output folder. */
let folders: Map<string, string>;
/** Every PDF built, by deck and file name. */
const pdfs = new Map<string, Map<string, Printed>>();

beforeAll(async () => {
  // The suite's decks, built once for this run (deck-axe.test.ts reads the same builds).
  folders = await suiteDecks();
  for (const [deck, folder] of folders) {
    const files = new Map<string, Printed>();
    for (const name of (await readdir(folder)).filter((f) => f.endsWith('.pdf'))) {
      const bytes = await readFile(path.join(folder, name));
      files.set(name.slice(deck.length + 1, -'.pdf'.length), {
        structure: await readStructure(bytes),
        facts: await readPdf(bytes),
        matterhorn: await matterhornFailures(bytes),
      });
    }
    pdfs.set(deck, files);
  }
}, 240_000);

const pdf = (deck: string, kind: string): Printed => {
  const found = pdfs.get(deck)?.get(kind);
  if (!found) throw new Error(`no ${kind} PDF was built for ${deck}`);
  return found;
};
const everyPdf = () =>
  [...pdfs].flatMap(([deck, files]) => [...files].map(([kind, printed]) => ({ deck, kind, ...printed })));

describe('every PDF', () => {
  it('is tagged, in the deck language, shows its title in the window bar, and gives every figure alt text', () => {
    const all = everyPdf();
    expect(all.map((p) => `${p.deck}/${p.kind}`)).toEqual(
      expect.arrayContaining([
        `${DEFAULT_DECK}/report`,
        `${DEFAULT_DECK}/slides`,
        `${DEFAULT_DECK}/handout`,
        `${THEMED.dark}/slides`,
        `${THREE_ROLES}/slides`,
      ]),
    );
    for (const { deck, kind, structure } of all) {
      const at = `${deck}/${kind}`;
      expect({
        at,
        marked: structure.marked,
        lang: structure.lang,
        displayDocTitle: structure.displayDocTitle,
      }).toEqual({ at, marked: true, lang: 'en', displayDocTitle: true });
      expect(structure.elements.length, at).toBeGreaterThan(10);
      const figures = structure.elements.filter((e) => e.type === 'Figure');
      expect(figures.filter((f) => !f.alt?.trim()).length, `${at}: figures without alt text`).toBe(0);
      // Chromium leaves the page margins (running header, page numbers) and the notes PDF's
      // slide pictures untagged; careerdeck marks them as artifacts (src/emit/pdf-ua/).
      expect(structure.untaggedText, `${at}: text neither tagged nor an artifact`).toBe(0);
    }
  });

  it('passes the machine-checkable PDF/UA-1 conditions (Matterhorn Protocol), with no NonStruct wrapper left', () => {
    for (const { deck, kind, structure, matterhorn } of everyPdf()) {
      expect(matterhorn, `${deck}/${kind}`).toEqual([]);
      // Chromium wrapped every run of text in one (51% of the slides PDF's elements).
      expect(typeCounts(structure).NonStruct ?? 0, `${deck}/${kind}: NonStruct elements`).toBe(0);
      expect(typeCounts(structure).Strong, `${deck}/${kind}: <strong> keeps its own type, role-mapped`).toBeGreaterThan(
        0,
      );
    }
  });

  // veraPDF is a Java program outside npm and Debian: run when a machine has it on its PATH.
  const verapdf = onPath('verapdf');
  it.skipIf(!verapdf)("passes veraPDF's PDF/UA-1 profile, where veraPDF is installed", () => {
    const files = everyPdf().map(({ deck, kind }) => path.join(folders.get(deck)!, `${deck}-${kind}.pdf`));
    const report = execFileSync('verapdf', ['--flavour', 'ua1', '--format', 'text', ...files], { encoding: 'utf8' });
    expect(report.split('\n').filter((line) => line.startsWith('FAIL'))).toEqual([]);
  });

  it('has headings in order: never a level skipped on the way down', () => {
    for (const { deck, kind, structure } of everyPdf()) {
      let previous = 0;
      for (const heading of structure.headings) {
        expect(heading.level, `${deck}/${kind}: H${heading.level} after H${previous}`).toBeLessThanOrEqual(
          previous + 1,
        );
        previous = heading.level;
      }
    }
  });
});

describe.each([DEFAULT_DECK, THEMED.dark, THEMED['high-contrast'], THREE_ROLES])('the slides PDF of %s', (deck) => {
  it('tags every slide: one top-level heading a slide (H1 on the title slide, H2 after), lists, table headers and figures', () => {
    const { structure } = pdf(deck, 'slides');
    const titles = structure.headings.filter((h) => h.level <= 2);
    expect(titles.map((h) => h.page)).toEqual(Array.from({ length: structure.pages }, (_, i) => i + 1));
    expect(titles.map((h) => h.level)).toEqual([1, ...Array.from({ length: structure.pages - 1 }, () => 2)]);
    const counts = typeCounts(structure);
    expect(counts).toMatchObject({
      L: expect.any(Number),
      LI: expect.any(Number),
      TH: expect.any(Number),
      Figure: expect.any(Number),
    });
    expect(counts.Figure).toBeGreaterThanOrEqual(1);
    expect(structure.untaggedText).toBe(0);
  });

  it('has one bookmark a slide, titled like it and opening its page', () => {
    const { structure, facts } = pdf(deck, 'slides');
    expect(structure.outline).toHaveLength(structure.pages);
    structure.outline.forEach((bookmark, i) => {
      expect(bookmark).toMatchObject({ level: 0, page: i + 1 });
      expect(facts.pageTexts[i]).toContain(bookmark.title);
    });
  });
});

describe.each([DEFAULT_DECK, THREE_ROLES])('the handout of %s', (deck) => {
  it('has one bookmark a slide, in order, each on the page that shows the slide', () => {
    const { structure, facts } = pdf(deck, 'handout');
    const slides = pdf(deck, 'slides').structure;
    expect(structure.outline).toHaveLength(slides.pages);
    expect(structure.outline.map((b) => b.title)).toEqual(slides.outline.map((b) => b.title));
    for (const bookmark of structure.outline) {
      expect(bookmark.page).toBeDefined();
      expect(facts.pageTexts[(bookmark.page ?? 0) - 1]).toContain(bookmark.title);
    }
  });
});

describe.each([DEFAULT_DECK, THREE_ROLES])('the report of %s', (deck) => {
  it('has a bookmark for every top-level section, with table headers and figures', () => {
    const { structure } = pdf(deck, 'report');
    const sections = structure.headings.filter((h) => h.level === 1).length;
    expect(sections).toBeGreaterThanOrEqual(5);
    expect(structure.outline.filter((b) => b.level === 0)).toHaveLength(sections);
    expect(typeCounts(structure)).toMatchObject({ TH: expect.any(Number), Figure: expect.any(Number) });
  });
});

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
