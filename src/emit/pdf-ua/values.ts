/**
 * PDF values as small plain objects, read from and written back to PDF syntax (ISO 32000-1, 7.3),
 * for the few objects that the accessibility pass rewrites: structure elements, the parent tree,
 * the catalog. Strings, names and anything not understood keep their exact source text.
 */
export type PdfValue =
  | { t: 'num'; v: number; raw: string }
  | { t: 'ref'; n: number; g: number }
  | { t: 'name'; raw: string }
  | { t: 'str'; raw: string }
  | { t: 'array'; items: PdfValue[] }
  | { t: 'dict'; entries: Map<string, PdfValue> }
  | { t: 'word'; raw: string };

const DELIMITERS = '()<>[]{}/%';
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
const isRegular = (c: string | undefined) => c !== undefined && !isSpace(c) && !DELIMITERS.includes(c);

/** Reads one value at `at`; returns it and where it ends. Throws on text it cannot read. */
export function readValue(text: string, at = 0): { value: PdfValue; end: number } {
  let i = skipSpace(text, at);
  const c = text[i];
  if (c === undefined) throw new Error('unexpected end of a PDF object');
  if (c === '<' && text[i + 1] === '<') {
    const entries = new Map<string, PdfValue>();
    i += 2;
    for (;;) {
      i = skipSpace(text, i);
      if (text.startsWith('>>', i)) return { value: { t: 'dict', entries }, end: i + 2 };
      const key = readValue(text, i);
      if (key.value.t !== 'name') throw new Error(`a dictionary key is not a name at ${i}`);
      const value = readValue(text, key.end);
      entries.set(key.value.raw.slice(1), value.value);
      i = value.end;
    }
  }
  if (c === '[') {
    const items: PdfValue[] = [];
    i++;
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === ']') return { value: { t: 'array', items }, end: i + 1 };
      const item = readValue(text, i);
      items.push(item.value);
      i = item.end;
    }
  }
  if (c === '(') {
    const end = literalStringEnd(text, i);
    return { value: { t: 'str', raw: text.slice(i, end) }, end };
  }
  if (c === '<') {
    const end = text.indexOf('>', i) + 1;
    if (end === 0) throw new Error('an unterminated hex string');
    return { value: { t: 'str', raw: text.slice(i, end) }, end };
  }
  if (c === '/') {
    let j = i + 1;
    while (isRegular(text[j])) j++;
    return { value: { t: 'name', raw: text.slice(i, j) }, end: j };
  }
  let j = i;
  while (isRegular(text[j])) j++;
  if (j === i) throw new Error(`unexpected "${c}" in a PDF object`);
  const word = text.slice(i, j);
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
    // "12 0 R" is a reference: two integers and R.
    const ref = /^\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(text.slice(j, j + 24));
    if (/^\d+$/.test(word) && ref)
      return { value: { t: 'ref', n: Number(word), g: Number(ref[1]) }, end: j + ref[0].length };
    return { value: { t: 'num', v: Number(word), raw: word }, end: j };
  }
  return { value: { t: 'word', raw: word }, end: j };
}

/** The end (exclusive) of the literal string that opens at `at`: balanced parentheses, escapes. */
export function literalStringEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error('an unterminated string');
}

export function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    while (i < text.length && isSpace(text[i]!)) i++;
    if (text[i] !== '%') return i;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  }
}

export function writeValue(value: PdfValue): string {
  switch (value.t) {
    case 'num':
    case 'name':
    case 'str':
    case 'word':
      return value.raw;
    case 'ref':
      return `${value.n} ${value.g} R`;
    case 'array':
      return `[${value.items.map(writeValue).join(' ')}]`;
    case 'dict':
      return `<<${[...value.entries].map(([k, v]) => `/${k} ${writeValue(v)}`).join('\n')}>>`;
  }
}

export const ref = (n: number): PdfValue => ({ t: 'ref', n, g: 0 });
export const num = (v: number): PdfValue => ({ t: 'num', v, raw: String(v) });
export const name = (n: string): PdfValue => ({ t: 'name', raw: `/${n}` });
export const dict = (entries: Record<string, PdfValue>): PdfValue => ({
  t: 'dict',
  entries: new Map(Object.entries(entries)),
});

/** A dictionary's entry, or undefined when the value is not a dictionary or lacks the key. */
export function entry(value: PdfValue | undefined, key: string): PdfValue | undefined {
  return value?.t === 'dict' ? value.entries.get(key) : undefined;
}

/** A name's text without its slash ("/Strong" -> "Strong"); undefined for anything else. */
export function nameOf(value: PdfValue | undefined): string | undefined {
  return value?.t === 'name' ? value.raw.slice(1) : undefined;
}
