import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';

/**
 * The fonts a fresh Debian machine has: those Debian's chromium package brings (Liberation) and
 * perhaps DejaVu. Tests that check glyph coverage point FONTCONFIG_FILE at a config listing only
 * these folders, so that a font installed on the developer's machine cannot hide a missing one.
 */
const BARE_FONT_DIRS = ['/usr/share/fonts/truetype', '/usr/share/fonts/opentype'].flatMap((root) =>
  existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^(liberation|dejavu)/i.test(name))
        .map((name) => path.join(root, name))
    : [],
);

/**
 * Writes a fontconfig file listing only the bare fonts (and its own cache folder, so that the
 * system's cache of other fonts is not used) into `dir`; returns its path, for FONTCONFIG_FILE.
 */
export async function bareFontconfig(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'fontconfig-cache'), { recursive: true });
  const file = path.join(dir, 'fonts.conf');
  await writeFile(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      '<fontconfig>',
      ...BARE_FONT_DIRS.map((d) => `  <dir>${d}</dir>`),
      `  <cachedir>${path.join(dir, 'fontconfig-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return file;
}

/** Glyphs drawn by a PDF's text, and how many of them are .notdef (glyph id 0: an empty box). */
export interface GlyphCount {
  glyphs: number;
  notdef: number;
  /** Font resources that are not Type0 with Identity-H: their codes are not glyph ids, so not counted. */
  uncounted: string[];
}

/** A PDF opened with pdf-lib, with the lookups both readers below need: references followed. */
async function openPdf(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const deref = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  /** A dictionary, or a stream's dictionary. */
  const dict = (o: PDFObject | undefined) => {
    const d = deref(o);
    return d instanceof PDFDict ? d : d instanceof PDFRawStream ? d.dict : undefined;
  };
  const name = (o: PDFObject | undefined) => {
    const d = deref(o);
    return d instanceof PDFName ? d.decodeText() : undefined;
  };
  return { doc, deref, dict, name };
}

/**
 * Counts the .notdef glyphs a PDF draws. Chromium (Skia) writes every font as a Type0 font with
 * a CIDFontType2 descendant, Identity-H encoding and an identity CID-to-glyph map: each 2-byte
 * code in a string shown by Tj, TJ, ' or " is a glyph id, and glyph 0 is .notdef, the box a
 * font draws for a character it lacks (Skia writes `<0000> Tj` with the character as ActualText).
 * Page by page, and through Form XObjects, with the font each string is shown in: codes are
 * counted only in Type0/Identity-H fonts, and any other font is listed in `uncounted`, so that a
 * count cannot be wrong in silence. pdf-lib inflates the streams: no tool beyond Node is needed.
 */
export async function countNotdef(bytes: Uint8Array): Promise<GlyphCount> {
  const { doc, deref, dict, name } = await openPdf(bytes);
  const result: GlyphCount = { glyphs: 0, notdef: 0, uncounted: [] };
  const seen = new Set<PDFObject>();

  const walk = (streams: PDFRawStream[], resources: PDFDict | undefined) => {
    const fonts = dict(resources?.get(PDFName.of('Font')));
    const twoByte = (font: string) => {
      const f = dict(fonts?.get(PDFName.of(font)));
      const ok =
        name(f?.get(PDFName.of('Subtype'))) === 'Type0' && name(f?.get(PDFName.of('Encoding'))) === 'Identity-H';
      if (!ok && !result.uncounted.includes(font)) result.uncounted.push(font);
      return ok;
    };
    for (const stream of streams) {
      const content = decodePDFRawStream(stream).decode();
      for (const shown of shownStrings(content)) {
        if (!twoByte(shown.font)) continue;
        for (let i = 0; i + 1 < shown.bytes.length; i += 2) {
          result.glyphs++;
          if (shown.bytes[i] === 0 && shown.bytes[i + 1] === 0) result.notdef++;
        }
      }
    }
    const xobjects = dict(resources?.get(PDFName.of('XObject')));
    for (const [, ref] of xobjects?.entries() ?? []) {
      const form = deref(ref);
      if (!(form instanceof PDFRawStream) || seen.has(form)) continue;
      seen.add(form);
      if (name(form.dict.get(PDFName.of('Subtype'))) !== 'Form') continue;
      walk([form], dict(form.dict.get(PDFName.of('Resources'))) ?? resources);
    }
  };
  for (const page of doc.getPages()) {
    const contents = deref(page.node.get(PDFName.of('Contents')));
    const streams = (contents instanceof PDFArray ? contents.asArray().map(deref) : [contents]).filter(
      (s): s is PDFRawStream => s instanceof PDFRawStream,
    );
    walk(streams, page.node.Resources());
  }
  return result;
}

/** The strings a content stream shows, with the font resource current for each. */
export function shownStrings(content: Uint8Array): { font: string; bytes: number[] }[] {
  const shown: { font: string; bytes: number[] }[] = [];
  const text = Buffer.from(content).toString('latin1');
  let font = '';
  let operands: (string | number[] | number[][])[] = [];
  let array: number[][] | undefined;
  let i = 0;
  const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
  const isDelimiter = (c: string) => isSpace(c) || '()<>[]{}/%'.includes(c);
  const push = (value: number[]) => (array ? array.push(value) : operands.push(value));
  while (i < text.length) {
    const c = text[i]!;
    if (isSpace(c)) i++;
    else if (c === '%') while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    else if (c === '<' && text[i + 1] === '<') {
      // An inline dictionary (marked-content properties): skipped whole, strings and all.
      let depth = 0;
      while (i < text.length) {
        if (text.startsWith('<<', i)) {
          depth++;
          i += 2;
        } else if (text.startsWith('>>', i)) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else if (text[i] === '(') i = literal(text, i).end;
        else i++;
      }
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      const hex = text.slice(i + 1, end).replace(/\s+/g, '');
      const padded = hex.length % 2 ? `${hex}0` : hex;
      push(Array.from({ length: padded.length / 2 }, (_, k) => parseInt(padded.slice(2 * k, 2 * k + 2), 16)));
      i = end + 1;
    } else if (c === '(') {
      const { bytes, end } = literal(text, i);
      push(bytes);
      i = end;
    } else if (c === '[') {
      array = [];
      i++;
    } else if (c === ']') {
      if (array) operands.push(array);
      array = undefined;
      i++;
    } else if (c === '/') {
      let j = i + 1;
      while (j < text.length && !isDelimiter(text[j]!)) j++;
      operands.push(text.slice(i + 1, j));
      i = j;
    } else {
      let j = i;
      while (j < text.length && !isDelimiter(text[j]!)) j++;
      const token = text.slice(i, j);
      i = Math.max(j, i + 1);
      if (array || /^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) continue; // a number (kept only as a position)
      if (token === 'Tf') font = typeof operands[0] === 'string' ? operands[0] : font;
      else if (token === 'Tj' || token === "'" || token === '"') {
        const s = operands.at(-1);
        if (Array.isArray(s) && typeof s[0] !== 'object') shown.push({ font, bytes: s as number[] });
      } else if (token === 'TJ') {
        const a = operands.at(-1);
        if (Array.isArray(a)) for (const s of a as number[][]) shown.push({ font, bytes: s });
      }
      // Inline images carry binary data up to EI: skipped.
      if (token === 'ID') {
        const end = text.indexOf('EI', i);
        i = end < 0 ? text.length : end + 2;
      }
      operands = [];
    }
  }
  return shown;
}

/** A literal string `( ... )` from `start`: its bytes, with escapes and nested parentheses. */
function literal(text: string, start: number): { bytes: number[]; end: number } {
  const bytes: number[] = [];
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
      if (octal) {
        bytes.push(parseInt(octal[0], 8) & 0xff);
        i += 1 + octal[0].length;
        continue;
      }
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
      if (next === '\r' || next === '\n') i += text.startsWith('\r\n', i + 1) ? 3 : 2;
      else {
        bytes.push(escapes[next] ?? next.charCodeAt(0));
        i += 2;
      }
      continue;
    }
    if (c === '(') {
      depth++;
      if (depth > 1) bytes.push(40);
    } else if (c === ')') {
      depth--;
      if (depth === 0) return { bytes, end: i + 1 };
      bytes.push(41);
    } else bytes.push(c.charCodeAt(0));
    i++;
  }
  return { bytes, end: i };
}

/** A font a PDF's pages use, as `pdffonts` lists it: its name, type and whether its program is in the file. */
export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/**
 * Every font the pages (and their Form XObjects) use, read with pdf-lib as `pdffonts` reads them:
 * a font is embedded when its descriptor (a Type0 font's, that of its descendant) holds a font
 * program (FontFile, FontFile2 or FontFile3); a Type3 font is its own drawing, so embedded.
 * Needs nothing beyond Node, so the test runs where poppler-utils is not installed.
 */
export async function pdfFonts(bytes: Uint8Array): Promise<PdfFont[]> {
  const { doc, deref, dict, name } = await openPdf(bytes);
  const fonts = new Map<PDFDict, PdfFont>();
  const seen = new Set<PDFDict>();
  const walk = (resources: PDFDict | undefined) => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    for (const [, ref] of dict(resources.get(PDFName.of('Font')))?.entries() ?? []) {
      const font = dict(ref);
      if (!font || fonts.has(font)) continue;
      const type = name(font.get(PDFName.of('Subtype'))) ?? '?';
      const descendants = deref(font.get(PDFName.of('DescendantFonts')));
      const described = descendants instanceof PDFArray ? dict(descendants.get(0)) : font;
      const descriptor = dict(described?.get(PDFName.of('FontDescriptor')));
      const embedded =
        type === 'Type3' ||
        ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(PDFName.of(key)) !== undefined);
      fonts.set(font, { name: name(font.get(PDFName.of('BaseFont'))) ?? '?', type, embedded });
    }
    for (const [, ref] of dict(resources.get(PDFName.of('XObject')))?.entries() ?? []) {
      const form = deref(ref);
      if (form instanceof PDFRawStream && name(form.dict.get(PDFName.of('Subtype'))) === 'Form')
        walk(dict(form.dict.get(PDFName.of('Resources'))));
    }
  };
  for (const page of doc.getPages()) walk(page.node.Resources());
  return [...fonts.values()];
}
