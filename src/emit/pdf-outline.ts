import { pdfText } from './pdf-text.js';

/** One entry of a PDF's bookmarks (its outline): a title and the 1-based page it opens. */
export interface Bookmark {
  title: string;
  page: number;
}

/** A PDF object written by an incremental update: a new one, or a new version of an old one. */
export interface PdfObject {
  number: number;
  body: string;
}

/**
 * The objects that give a PDF exactly the bookmarks given, flat, in order: an outline dictionary
 * and one item per bookmark, and the catalog entries that point to them (replacing any outline
 * Chromium made from headings) and open the bookmarks panel. Chromium's own outline
 * (`outline: true`) follows every heading, so a slide with two column headings gave three
 * bookmarks; a slide deck, a handout and a notes PDF want one per slide, titled like it.
 * `pdf` is the file as latin1 text; new objects are numbered from `first`.
 */
export function outlineObjects(
  pdf: string,
  bookmarks: readonly Bookmark[],
  first: number,
): { objects: PdfObject[]; catalog: Record<string, string> } {
  if (bookmarks.length === 0) return { objects: [], catalog: {} };
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(lastTrailer(pdf))?.[1];
  const catalog = root === undefined ? undefined : objectBody(pdf, Number(root));
  const pagesRef = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  if (root === undefined || catalog === undefined || pagesRef === undefined)
    throw new Error('the browser wrote a PDF whose catalog could not be read; cannot add its bookmarks');
  const pages = pageNumbers(pdf, Number(pagesRef));
  const outline = first;
  const item = (i: number) => first + 1 + i;
  const items = bookmarks.map((bookmark, i): PdfObject => {
    const page = pages[Math.min(Math.max(bookmark.page, 1), pages.length) - 1];
    const links = [i > 0 ? `/Prev ${item(i - 1)} 0 R` : '', i < bookmarks.length - 1 ? `/Next ${item(i + 1)} 0 R` : '']
      .filter(Boolean)
      .join(' ');
    return {
      number: item(i),
      body: `<< /Title ${pdfText(bookmark.title)} /Parent ${outline} 0 R ${links} /Dest [${page} 0 R /Fit] >>`,
    };
  });
  return {
    objects: [
      {
        number: outline,
        body: `<< /Type /Outlines /First ${item(0)} 0 R /Last ${item(bookmarks.length - 1)} 0 R /Count ${bookmarks.length} >>`,
      },
      ...items,
    ],
    catalog: { Outlines: `${outline} 0 R`, PageMode: '/UseOutlines' },
  };
}

function lastTrailer(pdf: string): string {
  const at = pdf.lastIndexOf('trailer');
  return at >= 0 ? pdf.slice(at) : '';
}

/** The text between `N 0 obj` and `endobj` (the last version, should an update have rewritten it). */
function objectBody(pdf: string, n: number): string | undefined {
  const found = [...pdf.matchAll(new RegExp(`(?:^|[\\r\\n])${n}\\s+0\\s+obj\\b([\\s\\S]*?)endobj`, 'g'))].at(-1);
  return found?.[1]?.trim();
}

/** Page object numbers in reading order, from the page tree. */
function pageNumbers(pdf: string, node: number, depth = 0): number[] {
  const body = objectBody(pdf, node) ?? '';
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1];
  if (kids === undefined || depth > 32) return [node];
  return Array.from(kids.matchAll(/(\d+)\s+0\s+R/g), (m) => pageNumbers(pdf, Number(m[1]), depth + 1)).flat();
}
