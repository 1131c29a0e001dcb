import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Comparison, compareAll } from '../../../../src/compare/compare.js';
import { loadModel } from '../../../../src/content.js';
import { qrPicture } from '../../../../src/emit/pptx/pictures.js';
import { buildPptx } from '../../../../src/emit/pptx/pptx.js';
import { deckView, type DeckView } from '../../../../src/render/deck-view.js';
import { DEFAULT_CONTENT } from '../../../support/content.js';
import { pptxTexts, unescapeXml } from '../../../support/pptx.js';

const DATE = new Date('2026-01-01T00:00:00Z');

const texts = pptxTexts;
const slideNames = (zip: JSZip) =>
  Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));

let c: Comparison;
let view: DeckView;
let bytes: Uint8Array;
let zip: JSZip;
beforeAll(async () => {
  c = compareAll(await loadModel(DEFAULT_CONTENT))[0]!;
  view = deckView(c);
  bytes = await buildPptx({ c, view, date: DATE });
  zip = await JSZip.loadAsync(bytes);
});

describe('buildPptx', () => {
  it('has one slide per slide of the deck, each with text and a title placeholder holding its title', async () => {
    const names = slideNames(zip);
    expect(names).toHaveLength(view.slides.length);
    for (const [i, name] of names.entries()) {
      const xml = await zip.file(name)!.async('string');
      const slide = view.slides[i]!;
      expect(texts(xml).trim().length, name).toBeGreaterThan(0);
      const title = /<p:ph[^>]*type="title"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
      expect(texts(title), name).toContain(slide.title.slice(0, 20));
    }
  });

  it('puts every keyword of every role in the text, bold, and the notes in notes slides', async () => {
    const all = (await Promise.all(slideNames(zip).map((n) => zip.file(n)!.async('string')))).join('');
    const bold = [...all.matchAll(/<a:rPr[^>]*\bb="1"[^>]*>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)]
      .map((m) => unescapeXml(m[1]!))
      .join(' | ');
    for (const role of c.roles) {
      for (const section of role.sections) {
        for (const block of section.blocks) {
          if (block.kind !== 'list') continue;
          for (const item of block.items)
            for (const k of item.keywords) expect(bold, `${role.slug}: ${k.label}`).toContain(k.label);
        }
      }
    }
    const withNotes = view.slides.flatMap((s, i) => ((s.notes ?? []).length > 0 ? [i + 1] : []));
    expect(withNotes.length).toBeGreaterThan(3);
    for (const n of withNotes) {
      const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string');
      const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      expect(target, `slide ${n}`).toBeDefined();
      const notes = await zip.file(`ppt/notesSlides/${target}`)!.async('string');
      expect(texts(notes).length, `slide ${n}`).toBeGreaterThan(20);
    }
    expect(texts(await zip.file('ppt/notesSlides/notesSlide3.xml')!.async('string'))).toContain('Ask the room');
  });

  it('draws the outlook as a native bar chart and the overlap as a table', async () => {
    const chartSlide = view.slides.findIndex((s) => s.figure === 'outlook') + 1;
    const rels = await zip.file(`ppt/slides/_rels/slide${chartSlide}.xml.rels`)!.async('string');
    const chart = /Target="[^"]*\/charts\/(chart\d+\.xml)"/.exec(rels)?.[1];
    expect(chart).toBeDefined();
    const xml = await zip.file(`ppt/charts/${chart}`)!.async('string');
    expect(xml).toContain('<c:barChart>');
    for (const bar of c.outlook) {
      expect(xml).toContain(`<c:v>${bar.role}</c:v>`);
      expect(xml).toContain(`<c:v>${bar.growth}</c:v>`);
    }
    // Each bar named beside it on the category axis, in its own colour: readable in greyscale.
    expect(/<c:catAx>[\s\S]*?<c:delete val="0"\/>/.test(xml)).toBe(true);
    expect(xml.match(/<c:dPt>/g)).toHaveLength(c.outlook.length);
    const tableSlide = view.slides.findIndex((s) => s.kind === 'overlap') + 1;
    const table = await zip.file(`ppt/slides/slide${tableSlide}.xml`)!.async('string');
    expect(table).toContain('<a:tbl>');
    expect(texts(table)).toContain(`Only ${c.roles[0]!.short}`);
  });

  it('writes paragraphs PowerPoint opens without repair: one pPr at the start of each paragraph, bullets on list items', async () => {
    for (const name of slideNames(zip)) {
      const xml = await zip.file(name)!.async('string');
      for (const [, inner] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const pPrs = [...inner!.matchAll(/<a:pPr\b/g)].map((m) => m.index);
        expect(pPrs.length, name).toBeLessThanOrEqual(1);
        if (pPrs.length === 1) expect(pPrs[0], name).toBe(0);
      }
    }
    const responsibilities = view.slides.findIndex((s) => s.title === 'Responsibilities') + 1;
    expect(await zip.file(`ppt/slides/slide${responsibilities}.xml`)!.async('string')).toContain('<a:buChar');
  });

  it('is the same bytes for the same date, with that date in its properties and zip entries', async () => {
    const again = await buildPptx({ c, view, date: DATE });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>',
    );
    for (const file of Object.values(zip.files)) expect(file.date.toISOString(), file.name).toBe(DATE.toISOString());
    expect(Object.keys(zip.files)[0]).toBe('[Content_Types].xml');
    // The workbooks behind the charts are dated too, entries and properties.
    const workbooks = Object.keys(zip.files).filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n));
    expect(workbooks.length).toBeGreaterThan(0);
    for (const name of workbooks) {
      const workbook = await JSZip.loadAsync(await zip.file(name)!.async('uint8array'));
      for (const file of Object.values(workbook.files))
        expect(file.date.toISOString(), `${name}: ${file.name}`).toBe(DATE.toISOString());
      expect(await workbook.file('docProps/core.xml')!.async('string')).toContain(
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>',
      );
    }
    const later = await buildPptx({ c, view, date: new Date('2026-02-01T00:00:00Z') });
    expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(false);
  });

  it('shows a QR code with its url on the first and last slides when given one', async () => {
    const url = 'https://careers.example.edu/ml-vs-ai';
    const withQr = await JSZip.loadAsync(
      await buildPptx({ c, view, date: DATE, qr: { picture: await qrPicture(url), url } }),
    );
    const names = slideNames(withQr);
    const has = async (name: string) =>
      (await withQr.file(name)!.async('string')).includes(`QR code linking to ${url}`);
    expect(await has(names[0]!)).toBe(true);
    expect(await has(names.at(-1)!)).toBe(true);
    expect(await has(names[1]!)).toBe(false);
  });
});

describe('buildPptx in the deck language', () => {
  it('names the chart series, text alternatives and properties in German, with a space before %', async () => {
    const de: Comparison = { ...c, deck: { ...c.deck, lang: 'de', subtitle: undefined } };
    const german = await JSZip.loadAsync(await buildPptx({ c: de, view: deckView(de), date: DATE }));
    const charts = (
      await Promise.all(
        Object.keys(german.files)
          .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
          .map((n) => german.file(n)!.async('string')),
      )
    ).join('');
    expect(charts).toContain('<c:v>Erwartetes Wachstum</c:v>');
    expect(charts).toContain('<c:v>Beide</c:v>');
    expect(charts).toContain('formatCode="+0&quot;\u00a0%&quot;');
    expect(charts).not.toMatch(/<c:v>(Both|Projected growth)<\/c:v>/);
    const core = await german.file('docProps/core.xml')!.async('string');
    expect(core).toContain('Ein Vergleich von');
  });
});
