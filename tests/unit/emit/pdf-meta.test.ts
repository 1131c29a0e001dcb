import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfDate, pdfText, withMetadata, withStableNodeIds } from '../../../src/emit/pdf-meta.js';
import { readPdf } from '../../support/pdf.js';

const DATE = new Date('2026-01-02T03:04:05Z');

/** A small PDF laid out as Chromium writes them: a classic xref table and "now" as its dates. */
async function chromiumLike(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([200, 100]);
  doc.setTitle('Chromium title');
  // Chromium's own date format (pdf-lib's setCreationDate writes a shorter one).
  const info = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
  info.set(PDFName.of('CreationDate'), PDFString.of("D:20300506070809+00'00'"));
  info.set(PDFName.of('ModDate'), PDFString.of("D:20300506070809+00'00'"));
  return doc.save({ useObjectStreams: false });
}

describe('withMetadata', () => {
  it('adds title, author, subject, keywords, creator and the build date, and counts pages', async () => {
    const { bytes, pages } = withMetadata(await chromiumLike(3), {
      title: 'Report',
      author: 'Careers Service',
      subject: 'Two careers',
      keywords: ['careers', 'Machine Learning Engineer'],
      date: DATE,
    });
    expect(pages).toBe(3);
    const facts = await readPdf(bytes);
    expect(facts.pages).toBe(3);
    expect(facts.info).toMatchObject({
      Title: 'Report',
      Author: 'Careers Service',
      Subject: 'Two careers',
      Keywords: 'careers; Machine Learning Engineer',
      Creator: 'careerdeck',
    });
    expect(String(facts.info.CreationDate)).toContain('20260102030405');
    expect(String(facts.info.ModDate)).toContain('20260102030405');
  });

  it('is an incremental update: the original bytes stay, apart from its dates pinned in place', async () => {
    const original = await chromiumLike();
    const { bytes } = withMetadata(original, { title: 'T', date: DATE });
    const before = Buffer.from(original).toString('latin1');
    const after = Buffer.from(bytes).toString('latin1');
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.slice(0, before.length)).toBe(before.replaceAll("D:20300506070809+00'00'", pdfDate(DATE)));
    expect(after).not.toContain('D:2030');
    expect(after).toMatch(/\/Prev \d+ >>\nstartxref\n\d+\n%%EOF\n$/);
  });

  it('gives the same bytes for the same input and date (reproducible builds)', async () => {
    const pdf = await chromiumLike();
    const meta = { title: 'T', author: 'A', date: DATE };
    expect(Buffer.from(withMetadata(pdf, meta).bytes).equals(Buffer.from(withMetadata(pdf, meta).bytes))).toBe(true);
  });

  it('leaves author and subject out when not given', async () => {
    const facts = await readPdf(withMetadata(await chromiumLike(), { title: 'T', date: DATE }).bytes);
    expect(facts.info.Author).toBeUndefined();
    expect(facts.info.Subject).toBeUndefined();
  });

  it('keeps any character in text fields (UTF-16 strings)', async () => {
    const facts = await readPdf(
      withMetadata(await chromiumLike(), { title: 'Ingénieur · 机器学习 (ML) \\ "x"', date: DATE }).bytes,
    );
    expect(facts.info.Title).toBe('Ingénieur · 机器学习 (ML) \\ "x"');
  });

  it('writes a file qpdf finds no error in, when qpdf is installed', async () => {
    let qpdf = true;
    try {
      execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    } catch {
      qpdf = false;
    }
    if (!qpdf) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'careerdeck-qpdf-'));
    try {
      const file = path.join(dir, 'x.pdf');
      writeFileSync(file, withMetadata(await chromiumLike(), { title: 'T', date: DATE }).bytes);
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
        'No syntax or stream encoding errors',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a PDF with a cross-reference stream rather than corrupting it', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = await doc.save({ useObjectStreams: true });
    expect(() => withMetadata(pdf, { title: 'T', date: DATE })).toThrow(/cross-reference/);
  });
});

describe('withStableNodeIds', () => {
  const tagged = (base: number) =>
    `1 0 obj << /S /H1 /ID (node${String(base).padStart(8, '0')}) >> endobj 2 0 obj << /S /P /ID (node${String(base + 4).padStart(8, '0')}) >> endobj ` +
    `3 0 obj << /IDTree << /Names [(node${String(base).padStart(8, '0')}) 1 0 R (node${String(base + 4).padStart(8, '0')}) 2 0 R] >> >> endobj`;

  it('numbers the structure IDs 1, 2, 3... in their order, whatever number Chromium started from', () => {
    expect(withStableNodeIds(tagged(2348))).toBe(withStableNodeIds(tagged(1179)));
    expect(withStableNodeIds(tagged(2348))).toContain('/ID (node00000001)');
    expect(withStableNodeIds(tagged(2348))).toContain('[(node00000001) 1 0 R (node00000002) 2 0 R]');
  });

  it('moves no byte: every ID keeps its width', () => {
    expect(withStableNodeIds(tagged(2348))).toHaveLength(tagged(2348).length);
  });
});

describe('pdfDate and pdfText', () => {
  it('writes dates in UTC with the length Chromium uses', () => {
    expect(pdfDate(DATE)).toBe("D:20260102030405+00'00'");
    expect(pdfDate(DATE)).toHaveLength("D:20261126064342+00'00'".length);
  });

  it('writes text as UTF-16BE hex with a byte-order mark', () => {
    expect(pdfText('Aé')).toBe('<FEFF004100E9>');
  });
});
