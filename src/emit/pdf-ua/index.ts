import type { PdfObject } from '../pdf-outline.js';
import { textOf } from './content.js';
import { PdfObjects } from './objects.js';
import { rewrittenStreams } from './streams.js';
import { structureObjects } from './structure.js';
import { entry, type PdfValue, readValue, writeValue } from './values.js';
import { type XmpFields, xmpPacket } from './xmp.js';

export { PdfObjects };

/**
 * What makes a Chromium PDF meet PDF/UA-1's machine-checkable rules beyond what Chromium
 * writes itself (tags, /MarkInfo, /Lang, /DisplayDocTitle, /Tabs /S): role-mapped and flattened
 * structure, artifacts, a whole-word text layer, and the XMP identification. Returned as objects
 * for the incremental update, plus the new version of the catalog with `catalogEntries` (raw PDF
 * values by key) merged in; new objects are numbered from `first`.
 */
export function accessibleObjects(
  pdf: PdfObjects,
  fields: Omit<XmpFields, 'lang'>,
  first: number,
  catalogEntries: Record<string, string>,
): PdfObject[] {
  const rootNumber = pdf.root();
  const catalog = pdf.get(rootNumber ?? -1);
  if (rootNumber === undefined || catalog?.t !== 'dict')
    throw new Error('the browser wrote a PDF whose catalog could not be read; cannot make it accessible');
  const lang = entry(catalog, 'Lang');
  const xmp = xmpPacket({ ...fields, lang: lang?.t === 'str' ? textOf(lang.raw) : undefined });
  const entries = new Map<string, PdfValue>(catalog.entries);
  for (const [key, raw] of Object.entries({ ...catalogEntries, Metadata: `${first} 0 R` }))
    entries.set(key, readValue(raw).value);
  return [
    { number: rootNumber, body: writeValue({ t: 'dict', entries }) },
    { number: first, body: `<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n${xmp}\nendstream` },
    ...structureObjects(pdf),
    ...rewrittenStreams(pdf),
  ];
}
