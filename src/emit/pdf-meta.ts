import { type Bookmark, outlineObjects, type PdfObject } from './pdf-outline.js';
import { accessibleObjects, PdfObjects } from './pdf-ua/index.js';
import { pdfText } from './pdf-text.js';

export { pdfText };

export interface PdfMetadata {
  title: string;
  author?: string | undefined;
  subject?: string | undefined;
  keywords?: string[];
  /** The date recorded as created and modified. */
  date: Date;
  /** When given, the PDF's bookmarks: exactly these, flat, replacing any Chromium made. */
  bookmarks?: readonly Bookmark[] | undefined;
}

/**
 * Adds careerdeck's document information to a PDF that Chromium printed, as an incremental
 * update (PDF 32000-1:2008, 7.5.6): a new Info dictionary and a cross-reference section that
 * points back to the original one. Chromium writes only a title and "now" as its dates; the
 * dates it wrote are overwritten in place with the build's date (same length, so no offset
 * moves), and so are its structure IDs (withStableNodeIds), which makes the output reproducible
 * under SOURCE_DATE_EPOCH. Rewriting the whole file with a PDF library gave the same result at
 * about a second of CPU per build.
 * The language comes from <html lang>, which Chromium already records, and so is DisplayDocTitle.
 * Bookmarks, when given, are added in the same update (pdf-outline.ts), and so is what PDF/UA-1
 * asks beyond Chromium's tags (pdf-ua/).
 */
export function withMetadata(pdf: Uint8Array, meta: PdfMetadata): { bytes: Uint8Array; pages: number } {
  // latin1 maps every byte to one char and back, so offsets and binary streams survive.
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(original);
  const trailerAt = end ? original.lastIndexOf('trailer', end.index) : -1;
  const trailer = trailerAt >= 0 && end ? original.slice(trailerAt, end.index) : '';
  const oldSize = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!end || !oldSize || !root)
    throw new Error('the browser wrote a PDF without a classic cross-reference table; cannot add its metadata');

  const stamp = pdfDate(meta.date);
  const text = withStableNodeIds(
    original.replace(/\/(CreationDate|ModDate)\s*\((D:[^)]*)\)/g, (whole, key: string, value: string) =>
      value.length === stamp.length ? whole.replace(value, stamp) : whole,
    ),
  );
  const infoNumber = Number(oldSize);
  const fields = [
    ['Title', meta.title],
    ['Author', meta.author],
    ['Subject', meta.subject],
    // Joined with "; " so that a keyword of several words stays one keyword.
    ['Keywords', meta.keywords?.join('; ')],
    ['Creator', 'careerdeck'],
    ['Producer', 'careerdeck with Chromium'],
  ]
    .filter((field): field is [string, string] => typeof field[1] === 'string' && field[1] !== '')
    .map(([key, value]) => `/${key} ${pdfText(value)}`);
  const head = text.endsWith('\n') ? text : `${text}\n`;
  const outline = meta.bookmarks ? outlineObjects(head, meta.bookmarks, infoNumber + 1) : { objects: [], catalog: {} };
  const xmpNumber = infoNumber + 1 + outline.objects.length;
  const objects: PdfObject[] = [
    { number: infoNumber, body: `<< ${fields.join(' ')} /CreationDate (${stamp}) /ModDate (${stamp}) >>` },
    ...outline.objects,
    ...accessibleObjects(new PdfObjects(head), meta, xmpNumber, outline.catalog),
  ].sort((a, b) => a.number - b.number);
  let written = '';
  const offsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.number, head.length + written.length);
    written += `${object.number} 0 obj\n${object.body}\nendobj\n`;
  }
  const size = Math.max(infoNumber, ...objects.map((o) => o.number)) + 1;
  const update =
    `${written}xref\n${xrefSubsections(offsets)}` +
    `trailer\n<< /Size ${size} /Root ${root} /Info ${infoNumber} 0 R /Prev ${end[1]} >>\nstartxref\n${head.length + written.length}\n%%EOF\n`;
  const pages = (original.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  return { bytes: new Uint8Array(Buffer.from(head + update, 'latin1')), pages };
}

/**
 * The structure elements of a tagged PDF carry IDs that Chromium numbers from a counter of its
 * page ("node00001204"), so the same document printed by a page that had printed another before
 * came out with other numbers. They are renumbered 1, 2, 3... in their own order: same width,
 * so no byte offset moves, and the same order, so the sorted ID tree stays sorted.
 */
export function withStableNodeIds(pdf: string): string {
  const ids = [...new Set(Array.from(pdf.matchAll(NODE_ID), (m) => m[1]!))].sort();
  const renumbered = new Map(ids.map((id, i) => [id, String(i + 1).padStart(id.length, '0')]));
  return pdf.replace(NODE_ID, (_, id: string) => `(node${renumbered.get(id)})`);
}

const NODE_ID = /\(node(\d{8})\)/g;

/** D:YYYYMMDDHHmmSS+00'00' in UTC: the length Chromium writes, so it can be replaced in place. */
export function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

/** A cross-reference section: one subsection per run of consecutive object numbers. */
function xrefSubsections(offsets: ReadonlyMap<number, number>): string {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String(offsets.get(numbers[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  return out;
}
