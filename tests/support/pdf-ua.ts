import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import { countText } from './pdf-structure.js';

/**
 * The failure conditions of the Matterhorn Protocol 1.1 (PDF/UA-1) that a program can decide, as
 * far as careerdeck's PDFs can meet them, checked with pdf-lib. Each failure names its
 * checkpoint, e.g. "06-002: the XMP metadata lacks pdfuaid:part 1". A human's checks (reading
 * order makes sense, alt text is meaningful, colour is not the only means) are not here.
 */
export async function matterhornFailures(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = doc;
  const failures: string[] = [];
  const fail = (checkpoint: string, what: string) => failures.push(`${checkpoint}: ${what}`);
  const deref = (o: PDFObject | undefined) => (o instanceof PDFRef ? context.lookup(o) : o);
  const dict = (o: PDFObject | undefined) => {
    const d = deref(o);
    return d instanceof PDFDict ? d : undefined;
  };
  const get = (d: PDFDict | undefined, key: string) => deref(d?.get(PDFName.of(key)));
  const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);
  const list = (o: PDFObject | undefined): PDFObject[] => {
    const d = deref(o);
    return d instanceof PDFArray ? d.asArray() : d === undefined ? [] : [d];
  };
  const streamText = (o: PDFObject | undefined) => {
    const s = deref(o);
    return s instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()) : undefined;
  };

  // 06: metadata. 07: the title in the window.
  const xmp = streamText(catalog.get(PDFName.of('Metadata')));
  const utf8 = xmp === undefined ? undefined : Buffer.from(xmp, 'latin1').toString('utf8');
  if (!utf8) fail('06-001', 'the catalog has no XMP metadata stream');
  else {
    if (!/<pdfuaid:part>1<\/pdfuaid:part>|pdfuaid:part="1"/.test(utf8))
      fail('06-002', 'the XMP metadata lacks pdfuaid:part 1');
    if (!/<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>[^<]+</.test(utf8)) fail('06-003', 'the XMP metadata has no dc:title');
  }
  if (get(dict(catalog.get(PDFName.of('ViewerPreferences'))), 'DisplayDocTitle') !== PDFBool.True)
    fail('07-001', '/ViewerPreferences /DisplayDocTitle is not true');
  // 01: tagged content. 11: natural language.
  if (get(dict(catalog.get(PDFName.of('MarkInfo'))), 'Marked') !== PDFBool.True)
    fail('01-002', '/MarkInfo /Marked is not true');
  const lang = get(catalog, 'Lang');
  if (!lang || lang.toString().replace(/[()<>]/g, '') === '') fail('11-001', 'the catalog has no /Lang');
  const root = dict(catalog.get(PDFName.of('StructTreeRoot')));
  if (!root) {
    fail('01-006', 'there is no structure tree');
    return failures;
  }

  // 02: every structure type standard or role-mapped to one.
  const roleMap = dict(root.get(PDFName.of('RoleMap')));
  const standard = (type: string) => {
    let t: string | undefined = type;
    for (let i = 0; t && i < 8; i++) {
      if (STANDARD.has(t)) return true;
      t = nameOf(get(roleMap, t));
    }
    return false;
  };
  const elements: { type: string; d: PDFDict }[] = [];
  const seen = new Set<PDFObject>();
  const walk = (o: PDFObject | undefined) => {
    for (const kid of list(o)) {
      const d = dict(kid);
      if (!d || seen.has(d)) continue;
      seen.add(d);
      const type = nameOf(d.get(PDFName.of('S')));
      if (!type) continue; // marked-content or object reference
      elements.push({ type, d });
      walk(d.get(PDFName.of('K')));
    }
  };
  walk(root.get(PDFName.of('K')));
  const mapped = (type: string) => {
    let t: string | undefined = type;
    for (let i = 0; t && !STANDARD.has(t) && i < 8; i++) t = nameOf(get(roleMap, t));
    return t ?? type;
  };
  for (const type of new Set(elements.map((e) => e.type)))
    if (!standard(type)) fail('02-004', `the structure type /${type} is neither standard nor role-mapped`);

  // 13: figures have alternate text. 14: headings do not skip a level. 15: table headers have a scope.
  let previous = 0;
  for (const { type, d } of elements) {
    const role = mapped(type);
    if (role === 'Figure' && !get(d, 'Alt') && !get(d, 'ActualText')) fail('13-004', 'a Figure has no /Alt');
    const level = /^H([1-6])$/.exec(role)?.[1];
    if (level) {
      if (Number(level) > previous + 1) fail('14-003', `H${level} follows H${previous}`);
      previous = Number(level);
    }
    if (role === 'TH') {
      const scoped = list(d.get(PDFName.of('A'))).some((a) => get(dict(a), 'Scope') !== undefined);
      if (!scoped) fail('15-003', 'a TH has no /Scope');
    }
  }

  // 28: annotations. 31: fonts. 01-001: nothing drawn outside the tree but artifacts.
  const fontsSeen = new Set<PDFObject>();
  doc.getPages().forEach((page, i) => {
    const at = `page ${i + 1}`;
    const annots = list(page.node.get(PDFName.of('Annots'))).map(dict);
    const drawn = annots.filter((a) => !['Popup', 'PrinterMark'].includes(nameOf(get(a, 'Subtype')) ?? ''));
    if (drawn.length > 0 && nameOf(get(page.node, 'Tabs')) !== 'S')
      fail('28-011', `${at} has annotations but no /Tabs /S`);
    for (const a of drawn) {
      if (get(a, 'StructParent') === undefined) fail('28-002', `${at}: an annotation is not in the structure tree`);
      if (nameOf(get(a, 'Subtype')) === 'Link' && !get(a, 'Contents')) fail('28-009', `${at}: a link has no /Contents`);
    }
    const resources = dict(page.node.get(PDFName.of('Resources')));
    for (const [, fontRef] of dict(get(resources, 'Font'))?.entries() ?? []) {
      const font = dict(fontRef);
      if (!font || fontsSeen.has(font)) continue;
      fontsSeen.add(font);
      const descendant = dict(list(get(font, 'DescendantFonts'))[0]) ?? font;
      const descriptor = dict(get(descendant, 'FontDescriptor'));
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => get(descriptor, k) !== undefined);
      const fontName = nameOf(get(font, 'BaseFont')) ?? '?';
      if (!embedded) fail('31-001', `${at}: the font ${fontName} is not embedded`);
      if (!get(font, 'ToUnicode')) fail('31-027', `${at}: the font ${fontName} has no ToUnicode map`);
    }
    for (const content of list(page.node.get(PDFName.of('Contents')))) {
      const text = streamText(content);
      if (text === undefined) continue;
      const { untagged } = countText(text);
      if (untagged > 0) fail('01-001', `${at}: ${untagged} text operators neither tagged nor artifacts`);
    }
  });
  return failures;
}

const STANDARD = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 ' +
    'L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot ' +
    'Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);
