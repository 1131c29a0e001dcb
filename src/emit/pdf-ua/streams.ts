import { deflateSync } from 'node:zlib';
import type { PdfObject } from '../pdf-outline.js';
import { type Operation, operations } from './content.js';
import { type FontTexts, joinClusterSpans, markArtifacts, parseToUnicode } from './marked-content.js';
import type { PdfObjects } from './objects.js';
import { entry, type PdfValue, writeValue } from './values.js';

/**
 * New versions of the content streams of every page, and of the forms they draw: one
 * /ActualText per shaped run (the text layer) and untagged painting marked as artifacts (pages
 * only: a form's content belongs to whatever draws it).
 */
export function rewrittenStreams(pdf: PdfObjects): PdfObject[] {
  const out: PdfObject[] = [];
  const done = new Set<number>();
  const fontCache = new Map<number, Map<string, string>>();
  const visit = (n: number, resources: PdfValue | undefined, page: boolean, depth: number) => {
    if (done.has(n) || depth > 4) return;
    done.add(n);
    const text = pdf.streamText(n);
    const ops = text === undefined ? undefined : operations(text);
    const fonts = fontTexts(pdf, resources, fontCache);
    for (const form of forms(pdf, resources))
      visit(form.n, pdf.resolve(entry(form.value, 'Resources')) ?? resources, false, depth + 1);
    if (!ops) return;
    const joined = joinClusterSpans(ops, fonts);
    const result = page ? markArtifacts(joined) : joined;
    if (result.length === ops.length && result.every((o, i) => o === ops[i])) return;
    out.push(streamObject(n, pdf.get(n)!, result));
  };
  for (const page of pdf.pages()) {
    const dict = pdf.get(page);
    const resources = pdf.resolve(entry(dict, 'Resources'));
    const contents = entry(dict, 'Contents');
    const refs = contents?.t === 'ref' ? [contents] : contents?.t === 'array' ? contents.items : [];
    // A page whose content is split over several streams is left alone: marked content may span them.
    if (refs.length === 1 && refs[0]!.t === 'ref') visit(refs[0]!.n, resources, true, 0);
  }
  return out;
}

function forms(pdf: PdfObjects, resources: PdfValue | undefined): { n: number; value: PdfValue }[] {
  const xobjects = pdf.resolve(entry(resources, 'XObject'));
  if (xobjects?.t !== 'dict') return [];
  return [...xobjects.entries.values()].flatMap((v) => {
    const value = v.t === 'ref' ? pdf.get(v.n) : undefined;
    return v.t === 'ref' &&
      value &&
      entry(value, 'Subtype')?.t === 'name' &&
      writeValue(entry(value, 'Subtype')!) === '/Form'
      ? [{ n: v.n, value }]
      : [];
  });
}

function fontTexts(
  pdf: PdfObjects,
  resources: PdfValue | undefined,
  cache: Map<number, Map<string, string>>,
): FontTexts {
  const fonts = pdf.resolve(entry(resources, 'Font'));
  const out = new Map<string, ReadonlyMap<string, string>>();
  if (fonts?.t !== 'dict') return out;
  for (const [key, value] of fonts.entries) {
    const toUnicode = entry(pdf.resolve(value), 'ToUnicode');
    if (toUnicode?.t !== 'ref') continue;
    if (!cache.has(toUnicode.n)) cache.set(toUnicode.n, parseToUnicode(pdf.streamText(toUnicode.n) ?? ''));
    out.set(key, cache.get(toUnicode.n)!);
  }
  return out;
}

function streamObject(n: number, head: PdfValue, ops: readonly Operation[]): PdfObject {
  const data = deflateSync(Buffer.from(ops.map((o) => o.text).join('\n'), 'latin1'));
  const entries = new Map(head.t === 'dict' ? head.entries : []);
  entries.delete('DecodeParms');
  entries.set('Filter', { t: 'name', raw: '/FlateDecode' });
  entries.set('Length', { t: 'num', v: data.length, raw: String(data.length) });
  return { number: n, body: `${writeValue({ t: 'dict', entries })}\nstream\n${data.toString('latin1')}\nendstream` };
}
