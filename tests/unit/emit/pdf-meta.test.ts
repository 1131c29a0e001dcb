import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { withMetadata } from '../../../src/emit/pdf-meta.js';

async function tinyPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Chromium title');
  for (let i = 0; i < pages; i++) doc.addPage([200, 100]);
  return doc.save();
}

const DATE = new Date('2026-11-26T09:30:00Z');

describe('withMetadata', () => {
  it('sets title, author, subject, keywords, creator and both dates, and counts pages', async () => {
    const { bytes, pages } = await withMetadata(await tinyPdf(3), {
      title: 'ML Engineer vs. AI Scientist',
      author: 'Careers Service',
      subject: 'Two careers side by side',
      keywords: ['careers', 'AI'],
      language: 'en-GB',
      date: DATE,
    });
    expect(pages).toBe(3);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe('ML Engineer vs. AI Scientist');
    expect(doc.getAuthor()).toBe('Careers Service');
    expect(doc.getSubject()).toBe('Two careers side by side');
    expect(doc.getKeywords()).toBe('careers; AI');
    expect(doc.getCreator()).toBe('careerdeck');
    expect(doc.getProducer()).toBe('careerdeck (Chromium, pdf-lib)');
    expect(doc.getCreationDate()?.toISOString()).toBe(DATE.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(DATE.toISOString());
  });

  it('keeps multi-word keywords whole, joined by "; " into one string', async () => {
    const { bytes } = await withMetadata(await tinyPdf(1), {
      title: 'T',
      keywords: ['Machine Learning Engineer', 'AI Scientist', 'careers'],
      language: 'en',
      date: DATE,
    });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getKeywords()).toBe('Machine Learning Engineer; AI Scientist; careers');
    expect(doc.getKeywords()?.split('; ')).toEqual(['Machine Learning Engineer', 'AI Scientist', 'careers']);
  });

  it('records the language in the document catalog', async () => {
    const { bytes } = await withMetadata(await tinyPdf(1), { title: 'T', language: 'de', date: DATE });
    const doc = await PDFDocument.load(bytes);
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    if (!(lang instanceof PDFString || lang instanceof PDFHexString)) throw new Error('no /Lang string in the catalog');
    expect(lang.decodeText()).toBe('de');
  });

  it('leaves author and subject unset when not given', async () => {
    const { bytes, pages } = await withMetadata(await tinyPdf(1), { title: 'Only a title', language: 'en', date: DATE });
    expect(pages).toBe(1);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Only a title');
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getSubject()).toBeUndefined();
  });

  it('gives the same bytes for the same input and date', async () => {
    const input = await tinyPdf(2);
    const meta = { title: 'T', author: 'A', language: 'en', date: DATE };
    const [a, b] = await Promise.all([withMetadata(input, meta), withMetadata(input, meta)]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(withMetadata(new TextEncoder().encode('not a pdf'), { title: 'T', language: 'en', date: DATE })).rejects.toThrow();
  });
});
