export interface PdfMetadata {
  title: string;
  author?: string | undefined;
  subject?: string | undefined;
  keywords?: string[];
  /** The date recorded as created and modified. */
  date: Date;
}

/**
 * Adds careerdeck's document information to a PDF that Chromium printed, as an incremental
 * update (PDF 32000-1:2008, 7.5.6): a new Info dictionary and a cross-reference section that
 * points back to the original one. Chromium writes only a title and "now" as its dates; the
 * dates it wrote are overwritten in place with the build's date (same length, so no offset
 * moves), and so are its structure IDs (withStableNodeIds), which makes the output reproducible
 * under SOURCE_DATE_EPOCH. Rewriting the whole file with a PDF library gave the same result at
 * about a second of CPU per build.
 * The language comes from <html lang>, which Chromium already records.
 */
export function withMetadata(pdf: Uint8Array, meta: PdfMetadata): { bytes: Uint8Array; pages: number } {
  // latin1 maps every byte to one char and back, so offsets and binary streams survive.
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(original);
  const trailerAt = end ? original.lastIndexOf('trailer', end.index) : -1;
  const trailer = trailerAt >= 0 && end ? original.slice(trailerAt, end.index) : '';
  const size = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!end || !size || !root) throw new Error('the browser wrote a PDF without a classic cross-reference table; cannot add its metadata');

  const stamp = pdfDate(meta.date);
  const text = withStableNodeIds(
    original.replace(/\/(CreationDate|ModDate)\s*\((D:[^)]*)\)/g, (whole, key: string, value: string) =>
      value.length === stamp.length ? whole.replace(value, stamp) : whole,
    ),
  );
  const infoNumber = Number(size);
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
  const info = `${infoNumber} 0 obj\n<< ${fields.join(' ')} /CreationDate (${stamp}) /ModDate (${stamp}) >>\nendobj\n`;
  const xrefAt = head.length + info.length;
  const update =
    `${info}xref\n${infoNumber} 1\n${String(head.length).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${infoNumber + 1} /Root ${root} /Info ${infoNumber} 0 R /Prev ${end[1]} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
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

/** A PDF text string in UTF-16BE with a byte-order mark, as hex: safe for any character. */
export function pdfText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
