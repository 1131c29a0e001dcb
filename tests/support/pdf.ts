import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfFacts {
  pages: number;
  /** Text of each page, whitespace folded. */
  pageTexts: string[];
  text: string;
  info: Record<string, unknown>;
  outline: string[];
  /** Page size of the first page in points. */
  size: { width: number; height: number };
  tagged: boolean;
}

/** Reads a PDF the way a reader's viewer would: pages, text, metadata, bookmarks. */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pageTexts: string[] = [];
    let size = { width: 0, height: 0 };
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      if (n === 1) {
        const [x0, y0, x1, y1] = page.view as [number, number, number, number];
        size = { width: x1 - x0, height: y1 - y0 };
      }
      const content = await page.getTextContent();
      pageTexts.push(
        fold(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('')),
      );
    }
    const { info } = await doc.getMetadata();
    const outline = ((await doc.getOutline()) ?? []).map((entry) => entry.title);
    const markInfo = await doc.getMarkInfo();
    return {
      pages: doc.numPages,
      pageTexts,
      text: pageTexts.join(' '),
      info: info as Record<string, unknown>,
      outline,
      size,
      tagged: Boolean(markInfo?.Marked),
    };
  } finally {
    await doc.destroy();
  }
}

export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
