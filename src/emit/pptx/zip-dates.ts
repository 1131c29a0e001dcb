import { fixPart } from './ooxml-fixes.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';

/**
 * The same pptx bytes for the same deck: pptxgenjs stamps "now" into the document properties
 * (docProps/core.xml) and into every zip entry, and so does the workbook it embeds behind each
 * chart. Both are rewritten with `date` (SOURCE_DATE_EPOCH when set), entries in a fixed order;
 * on the way, the parts get the schema fixes of ooxml-fixes.ts. The zip is read and written
 * with Node's zlib (zip.ts).
 */
export function pinZipDates(
  bytes: Uint8Array,
  date: Date,
  /** A fix of the caller's own, after the schema fixes (the chart patterns). */
  fix: PartFix = (_, xml) => xml,
): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const entries = readZip(bytes).map(({ name, data }): ZipEntry => {
    if (name === 'docProps/core.xml') return { name, data: utf8(pinCore(text(data), stamp)) };
    if (/^ppt\/embeddings\/.*\.xlsx$/.test(name)) return { name, data: pinZipDates(data, date) };
    return { name, data };
  });
  return repack(entries, date, fix);
}

const text = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

export type PartFix = (name: string, xml: string) => string;

function pinCore(xml: string, stamp: string): string {
  return xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
}

/**
 * pptxgenjs numbers charts with a counter shared by every presentation a process makes, so the
 * second deck of a build would have chart3.xml where a build of that deck alone has chart1.xml:
 * charts (and the workbooks behind them) are numbered again from 1, in the order they were made.
 */
function chartNumbers(names: readonly string[]): (text: string) => string {
  const numbers = [
    ...new Set(names.flatMap((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1] ?? []).map(Number)),
  ].sort((a, b) => a - b);
  const renumber = new Map(numbers.map((n, i) => [String(n), String(i + 1)]));
  return (text) =>
    text.replace(
      /\b(chart|Microsoft_Excel_Worksheet)(\d+)\.(xml|xlsx)\b/g,
      (whole, stem: string, n: string, ext: string) => {
        const to = renumber.get(n);
        return to ? `${stem}${to}.${ext}` : whole;
      },
    );
}

function repack(entries: readonly ZipEntry[], date: Date, fix: PartFix): Uint8Array {
  const rename = chartNumbers(entries.map((e) => e.name));
  // [Content_Types].xml first, as Office writes it; the rest by (new) name.
  const key = (name: string) => (name === '[Content_Types].xml' ? '' : name);
  const out = entries
    .map(({ name, data }): ZipEntry => {
      const to = rename(name);
      return { name: to, data: /\.(xml|rels)$/.test(name) ? utf8(rename(fix(to, fixPart(to, text(data))))) : data };
    })
    .sort((a, b) => (key(a.name) < key(b.name) ? -1 : key(a.name) > key(b.name) ? 1 : 0));
  return writeZip(out, date);
}
