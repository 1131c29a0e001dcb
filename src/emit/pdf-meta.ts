import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author?: string | undefined;
  subject?: string | undefined;
  keywords?: string[];
  language: string;
  /** The date recorded as created and modified. */
  date: Date;
}

/**
 * Chromium writes only a title; we add author, subject, keywords and language, and pin the
 * dates so that SOURCE_DATE_EPOCH gives reproducible files.
 */
export async function withMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces, which would split "Machine Learning Engineer" apart.
  if (meta.keywords) doc.setKeywords([meta.keywords.join('; ')]);
  doc.setLanguage(meta.language);
  doc.setCreator('careerdeck');
  doc.setProducer('careerdeck (Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  return { bytes: await doc.save({ useObjectStreams: false }), pages: doc.getPageCount() };
}
