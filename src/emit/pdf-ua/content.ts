import { literalStringEnd, skipSpace } from './values.js';

/** One operation of a content stream: its operands' source text and its operator. */
export interface Operation {
  /** Operand tokens as written (a dictionary or array operand is one token). */
  operands: string[];
  op: string;
  /** The whole operation as written, operands included. */
  text: string;
}

/**
 * Splits a content stream (ISO 32000-1, 7.8.2) into operations. Returns undefined for a stream it
 * will not rewrite: one with an inline image (binary data between ID and EI), which Chromium does
 * not write, or text it cannot read.
 */
export function operations(stream: string): Operation[] | undefined {
  const out: Operation[] = [];
  let operands: string[] = [];
  let start = -1;
  let i = skipSpace(stream, 0);
  try {
    while (i < stream.length) {
      const end = tokenEnd(stream, i);
      const token = stream.slice(i, end);
      if (start < 0) start = i;
      if (isOperator(token)) {
        if (token === 'BI') return undefined;
        out.push({ operands, op: token, text: stream.slice(start, end) });
        operands = [];
        start = -1;
      } else operands.push(token);
      i = skipSpace(stream, end);
    }
  } catch {
    return undefined;
  }
  return operands.length === 0 ? out : undefined;
}

function isOperator(token: string): boolean {
  return !/^[\d+\-./(<[]/.test(token) && token !== 'true' && token !== 'false' && token !== 'null';
}

/** Where the token that starts at `i` ends: strings, names, arrays and dictionaries as one token. */
function tokenEnd(s: string, i: number): number {
  const c = s[i]!;
  if (c === '(') return literalStringEnd(s, i);
  if (c === '<' && s[i + 1] === '<') return nestedEnd(s, i);
  if (c === '<') {
    const end = s.indexOf('>', i);
    if (end < 0) throw new Error('unterminated hex string');
    return end + 1;
  }
  if (c === '[') return nestedEnd(s, i);
  let j = c === '/' ? i + 1 : i;
  while (j < s.length && !' \n\r\t\f\0()<>[]{}/%'.includes(s[j]!)) j++;
  return j === i ? i + 1 : j;
}

/** The end of a dictionary or array token, skipping strings inside it. */
function nestedEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (c === '(') j = literalStringEnd(s, j) - 1;
    else if (c === '<' && s[j + 1] === '<') {
      depth++;
      j++;
    } else if (c === '>' && s[j + 1] === '>') {
      j++;
      if (--depth === 0) return j + 1;
    } else if (c === '<') j = s.indexOf('>', j);
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j + 1;
  }
  throw new Error('unterminated array or dictionary');
}

/** Operators that put marks on the page (text, paths, shadings, images and forms). */
export const PAINTING = new Set([
  'Tj',
  'TJ',
  "'",
  '"',
  'f',
  'F',
  'f*',
  'B',
  'B*',
  'b',
  'b*',
  'S',
  's',
  'sh',
  'Do',
  'EI',
]);
export const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);

/** The bytes a text-showing operation shows (its string operands), as latin1 text. */
export function shownBytes(operation: Operation): string {
  let bytes = '';
  for (const operand of operation.operands) {
    for (const s of operand.startsWith('[') ? stringsIn(operand) : [operand]) bytes += stringBytes(s);
  }
  return bytes;
}

function stringsIn(array: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < array.length; i++) {
    if (array[i] === '(') {
      const end = literalStringEnd(array, i);
      out.push(array.slice(i, end));
      i = end - 1;
    } else if (array[i] === '<') {
      const end = array.indexOf('>', i) + 1;
      out.push(array.slice(i, end));
      i = end - 1;
    }
  }
  return out;
}

/** A string token's bytes: hex or literal with its escapes. */
export function stringBytes(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1');
  }
  if (!token.startsWith('(')) return '';
  let out = '';
  const body = token.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i] ?? '';
    const octal = /^[0-7]{1,3}/.exec(body.slice(i, i + 3));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (next === '\r' || next === '\n') {
      if (next === '\r' && body[i + 1] === '\n') i++;
    } else out += { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[next] ?? next;
  }
  return out;
}

/** The text of a PDF text string: UTF-16BE with its byte-order mark, else PDFDocEncoding's Latin subset. */
export function textOf(token: string): string {
  const bytes = stringBytes(token);
  if (bytes.startsWith('\xfe\xff')) return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
  return bytes;
}
