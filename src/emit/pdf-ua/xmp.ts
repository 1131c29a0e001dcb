export interface XmpFields {
  title: string;
  author?: string | undefined;
  subject?: string | undefined;
  keywords?: readonly string[] | undefined;
  /** xmp:CreateDate and xmp:ModifyDate, as in the Info dictionary. */
  date: Date;
  lang?: string | undefined;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The document's XMP metadata packet (ISO 16684-1) with the PDF/UA identification schema
 * (ISO 14289-1, 5: pdfuaid:part 1) and dc:title, which PDF/UA requires; the rest repeats the
 * Info dictionary so that both say the same. Returned as UTF-8 bytes in a latin1 string, as the
 * incremental update writes its objects.
 */
export function xmpPacket(fields: XmpFields): string {
  const lang = fields.lang ? escape(fields.lang) : 'x-default';
  const alt = (value: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escape(value)}</rdf:li>${lang === 'x-default' ? '' : `<rdf:li xml:lang="${lang}">${escape(value)}</rdf:li>`}</rdf:Alt>`;
  const date = fields.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lines = [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">`,
    `<pdfuaid:part>1</pdfuaid:part>`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(fields.title)}</dc:title>`,
    fields.author ? `<dc:creator><rdf:Seq><rdf:li>${escape(fields.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    fields.subject ? `<dc:description>${alt(fields.subject)}</dc:description>` : '',
    fields.lang ? `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>` : '',
    fields.keywords?.length ? `<pdf:Keywords>${escape(fields.keywords.join('; '))}</pdf:Keywords>` : '',
    `<pdf:Producer>careerdeck with Chromium</pdf:Producer>`,
    `<xmp:CreatorTool>careerdeck</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `</rdf:Description>`,
    `</rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="w"?>`,
  ];
  return Buffer.from(lines.filter(Boolean).join('\n'), 'utf8').toString('latin1');
}
