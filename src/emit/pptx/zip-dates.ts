import JSZip from 'jszip';
import { fixPart } from './ooxml-fixes.js';

/**
 * The same pptx bytes for the same deck: pptxgenjs stamps "now" into the document properties
 * (docProps/core.xml) and into every zip entry, and so does the workbook it embeds behind each
 * chart. Both are rewritten with `date` (SOURCE_DATE_EPOCH when set), entries in a fixed order;
 * on the way, the parts get the schema fixes of ooxml-fixes.ts.
 */
export async function pinZipDates(
  bytes: Uint8Array,
  date: Date,
  /** A fix of the caller's own, after the schema fixes (the chart patterns). */
  fix: PartFix = (_, xml) => xml,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) zip.file('docProps/core.xml', pinCore(await core.async('string'), stamp));
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n))) {
    zip.file(name, await pinZipDates(await zip.file(name)!.async('uint8array'), date));
  }
  return repack(zip, date, fix);
}

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

async function repack(zip: JSZip, date: Date, fix: PartFix): Promise<Uint8Array> {
  const out = new JSZip();
  const rename = chartNumbers(Object.keys(zip.files));
  // [Content_Types].xml first, as Office writes it; the rest by (new) name.
  const key = (name: string) => (name === '[Content_Types].xml' ? '' : name);
  const entries = Object.keys(zip.files)
    .filter((n) => !zip.files[n]!.dir)
    .map((from) => ({ from, to: rename(from) }))
    .sort((a, b) => (key(a.to) < key(b.to) ? -1 : key(a.to) > key(b.to) ? 1 : 0));
  for (const { from, to } of entries) {
    const file = zip.file(from)!;
    const text = /\.(xml|rels)$/.test(from);
    out.file(to, text ? rename(fix(to, fixPart(to, await file.async('string')))) : await file.async('uint8array'), {
      date,
      createFolders: false,
    });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
