import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';

/** One structure element of a tagged PDF, as a screen reader would meet it. */
export interface StructNode {
  /** Its structure type: H1, P, L, LI, Figure, NonStruct... */
  type: string;
  /** Alternate text (/Alt), for figures. */
  alt?: string | undefined;
  /** 1-based page of the element's first marked content, when it has one. */
  page?: number | undefined;
  children: StructNode[];
}

/** What a PDF offers assistive technology: its tag tree, bookmarks, language and title. */
export interface PdfStructure {
  pages: number;
  /** The catalog's /MarkInfo /Marked. */
  marked: boolean;
  /** The catalog's /Lang. */
  lang: string | undefined;
  /** /ViewerPreferences /DisplayDocTitle: the window shows the title, not the file name. */
  displayDocTitle: boolean;
  /** The bookmarks, depth first, with their level (0 for top) and target page (1-based). */
  outline: { title: string; level: number; page: number | undefined }[];
  /** The structure tree under StructTreeRoot (its top Document element included). */
  tree: StructNode[];
  /** Every element, depth first. */
  elements: StructNode[];
  /** Headings (H, H1..H6), depth first, with their level (0 for plain H). */
  headings: { level: number; page: number | undefined }[];
  /** Text-showing operators in page content that is neither tagged (MCID) nor an artifact. */
  untaggedText: number;
  /** All text-showing operators in page content. */
  text: number;
}

/** Reads the structure tree, outline and accessibility settings of a PDF with pdf-lib. */
export async function readStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = doc;
  const deref = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? context.lookup(o) : o);
  const dict = (o: PDFObject | undefined) => {
    const d = deref(o);
    return d instanceof PDFDict ? d : undefined;
  };
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  const pageOf = (o: PDFObject | undefined): number | undefined => {
    const i = o instanceof PDFRef ? pageRefs.indexOf(o.toString()) : -1;
    return i >= 0 ? i + 1 : undefined;
  };
  const text = (o: PDFObject | undefined): string | undefined => {
    const d = deref(o);
    return d instanceof PDFString || d instanceof PDFHexString ? d.decodeText() : undefined;
  };

  const elements: StructNode[] = [];
  const walk = (o: PDFObject | undefined, inheritedPage: number | undefined): StructNode[] => {
    const d = deref(o);
    if (d instanceof PDFArray) return d.asArray().flatMap((k) => walk(k, inheritedPage));
    if (!(d instanceof PDFDict)) return []; // a marked-content id (a number): content, not an element
    const s = d.get(PDFName.of('S'));
    if (!(s instanceof PDFName)) return []; // a marked-content or object reference
    const own = pageOf(d.get(PDFName.of('Pg'))) ?? inheritedPage;
    const node: StructNode = { type: s.decodeText(), alt: text(d.get(PDFName.of('Alt'))), children: [] };
    elements.push(node);
    const kids = deref(d.get(PDFName.of('K')));
    node.children = walk(kids, own);
    // Its page is where its own marked content is; an element holding only elements starts where its first child does.
    const marks = (kids instanceof PDFArray ? kids.asArray() : [kids]).some(
      (k) => k instanceof PDFNumber || (dict(k)?.get(PDFName.of('MCID')) ?? undefined) !== undefined,
    );
    node.page = marks ? own : firstPage(node);
    return [node];
  };
  const root = dict(catalog.get(PDFName.of('StructTreeRoot')));
  const tree = root ? walk(root.get(PDFName.of('K')), undefined) : [];

  const outline: PdfStructure['outline'] = [];
  const outlineItems = (first: PDFDict | undefined, level: number) => {
    for (let item = first; item; item = dict(item.get(PDFName.of('Next')))) {
      const dest = deref(item.get(PDFName.of('Dest'))) ?? deref(dict(item.get(PDFName.of('A')))?.get(PDFName.of('D')));
      const page = dest instanceof PDFArray ? pageOf(dest.get(0)) : undefined;
      outline.push({ title: text(item.get(PDFName.of('Title'))) ?? '', level, page });
      outlineItems(dict(item.get(PDFName.of('First'))), level + 1);
    }
  };
  outlineItems(dict(dict(catalog.get(PDFName.of('Outlines')))?.get(PDFName.of('First'))), 0);

  let untaggedText = 0;
  let allText = 0;
  for (const page of doc.getPages()) {
    const contents = deref(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(deref) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const counted = countText(new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()));
      untaggedText += counted.untagged;
      allText += counted.all;
    }
  }

  const markInfo = dict(catalog.get(PDFName.of('MarkInfo')));
  const display = dict(catalog.get(PDFName.of('ViewerPreferences')))?.get(PDFName.of('DisplayDocTitle'));
  const headings = elements
    .filter((e) => /^H[1-6]?$/.test(e.type))
    .map((e) => ({ level: e.type === 'H' ? 0 : Number(e.type.slice(1)), page: e.page }));
  return {
    pages: pageRefs.length,
    marked: markInfo?.get(PDFName.of('Marked')) === PDFBool.True,
    lang: text(catalog.get(PDFName.of('Lang'))),
    displayDocTitle: display === PDFBool.True,
    outline,
    tree,
    elements,
    headings,
    untaggedText,
    text: allText,
  };
}

function firstPage(node: StructNode): number | undefined {
  return node.children.find((child) => child.page !== undefined)?.page;
}

/**
 * Counts the text-showing operators of a content stream, and those outside any marked content
 * that is tagged (a BDC with an /MCID) or an /Artifact: text a screen reader cannot place.
 */
export function countText(content: string): { all: number; untagged: number } {
  const stack: boolean[] = []; // per open marked-content sequence: tagged or artifact?
  let all = 0;
  let untagged = 0;
  const operands: string[] = [];
  for (const token of tokens(content)) {
    if (!/^[A-Za-z'"*]+$/.test(token)) {
      operands.push(token);
      continue;
    }
    if (token === 'BMC') stack.push(operands.at(-1) === '/Artifact');
    else if (token === 'BDC') stack.push(operands.some((o) => o === '/Artifact' || o.includes('/MCID')));
    else if (token === 'EMC') stack.pop();
    else if (token === 'Tj' || token === 'TJ' || token === "'" || token === '"') {
      all++;
      if (!stack.some(Boolean)) untagged++;
    }
    operands.length = 0;
  }
  return { all, untagged };
}

/** Content-stream tokens: strings, dictionaries and arrays kept whole, so text inside them is not read as operators. */
function* tokens(s: string): Generator<string> {
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(') {
      let depth = 0;
      const start = i;
      for (; i < s.length; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') depth++;
        else if (s[i] === ')' && --depth === 0) break;
      }
      yield s.slice(start, ++i);
    } else if (c === '<' && s[i + 1] === '<') {
      let depth = 0;
      const start = i;
      for (; i < s.length; i++) {
        if (s[i] === '<' && s[i + 1] === '<') {
          depth++;
          i++;
        } else if (s[i] === '>' && s[i + 1] === '>' && (i++, --depth === 0)) break;
      }
      yield s.slice(start, ++i);
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      yield s.slice(i, end + 1);
      i = end + 1;
    } else if (c === '[') {
      let depth = 0;
      const start = i;
      for (; i < s.length; i++) {
        if (s[i] === '(') {
          for (let d = 0; i < s.length; i++) {
            if (s[i] === '\\') i++;
            else if (s[i] === '(') d++;
            else if (s[i] === ')' && --d === 0) break;
          }
        } else if (s[i] === '[') depth++;
        else if (s[i] === ']' && --depth === 0) break;
      }
      yield s.slice(start, ++i);
    } else {
      const start = i;
      i++;
      while (i < s.length && !/[\s()<>[\]{}/%]/.test(s[i]!)) i++;
      yield s.slice(start, i);
    }
  }
}

/** Counts of each structure type, e.g. { P: 12, NonStruct: 3 }. */
export function typeCounts(structure: PdfStructure): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of structure.elements) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}
