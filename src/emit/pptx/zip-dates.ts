import JSZip from 'jszip';

/**
 * The same pptx bytes for the same deck: pptxgenjs stamps "now" into the document properties
 * (docProps/core.xml) and into every zip entry, and so does the workbook it embeds behind each
 * chart. Both are rewritten with `date` (SOURCE_DATE_EPOCH when set), entries in a fixed order.
 */
export async function pinZipDates(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) zip.file('docProps/core.xml', pinCore(await core.async('string'), stamp));
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n))) {
    zip.file(name, await pinZipDates(await zip.file(name)!.async('uint8array'), date));
  }
  return repack(zip, date);
}

function pinCore(xml: string, stamp: string): string {
  return xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
}

async function repack(zip: JSZip, date: Date): Promise<Uint8Array> {
  const out = new JSZip();
  // [Content_Types].xml first, as Office writes it; the rest by name.
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]!.dir)
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) out.file(name, await zip.file(name)!.async('uint8array'), { date, createFolders: false });
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
