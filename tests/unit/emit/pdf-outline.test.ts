import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { slideBookmarks } from '../../../src/emit/bookmarks.js';
import { withMetadata } from '../../../src/emit/pdf-meta.js';
import { readPdf } from '../../support/pdf.js';
import { readStructure } from '../../support/pdf-structure.js';

const DATE = new Date('2026-01-02T03:04:05Z');

/** A PDF laid out as Chromium writes them (a classic cross-reference table), with `pages` pages. */
async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([200, 100]);
  return doc.save({ useObjectStreams: false });
}

describe('bookmarks added with the metadata', () => {
  it('gives a PDF exactly the bookmarks asked for, in order, each opening its page, and opens the bookmarks panel', async () => {
    const bookmarks = [
      { title: 'Title slide', page: 1 },
      { title: 'Skills · Ingénieur (1/2)', page: 2 },
      { title: 'Skills · Ingénieur (2/2)', page: 3 },
    ];
    const bytes = withMetadata(await pdfOf(3), { title: 'T', date: DATE, bookmarks }).bytes;
    const structure = await readStructure(bytes);
    expect(structure.outline).toEqual(bookmarks.map((b) => ({ ...b, level: 0 })));
    expect((await readPdf(bytes)).outline).toEqual(bookmarks.map((b) => b.title));
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/PageMode \/UseOutlines/);
  });

  it('replaces the outline a PDF already had, and is reproducible', async () => {
    const once = withMetadata(await pdfOf(2), { title: 'T', date: DATE, bookmarks: [{ title: 'Old', page: 1 }] }).bytes;
    const twice = withMetadata(once, {
      title: 'T',
      date: DATE,
      bookmarks: [
        { title: 'New A', page: 1 },
        { title: 'New B', page: 2 },
      ],
    }).bytes;
    expect((await readStructure(twice)).outline.map((o) => o.title)).toEqual(['New A', 'New B']);
    const again = withMetadata(once, {
      title: 'T',
      date: DATE,
      bookmarks: [
        { title: 'New A', page: 1 },
        { title: 'New B', page: 2 },
      ],
    }).bytes;
    expect(Buffer.from(twice).equals(Buffer.from(again))).toBe(true);
  });

  it('leaves the outline alone when no bookmarks are given', async () => {
    const bytes = withMetadata(await pdfOf(2), { title: 'T', date: DATE }).bytes;
    expect((await readStructure(bytes)).outline).toEqual([]);
  });
});

describe('slideBookmarks', () => {
  it('titles each slide as shown, with its part, on the page that holds it', () => {
    const slides = [
      { title: 'Cover', part: undefined },
      { title: 'Skills', part: '1/2' },
      { title: 'Skills', part: '2/2' },
    ];
    expect(slideBookmarks(slides.map((s) => [s]))).toEqual([
      { title: 'Cover', page: 1 },
      { title: 'Skills (1/2)', page: 2 },
      { title: 'Skills (2/2)', page: 3 },
    ]);
    expect(slideBookmarks([slides.slice(0, 2), slides.slice(2)]).map((b) => b.page)).toEqual([1, 1, 2]);
  });
});
