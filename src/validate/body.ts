import { Lexer, type Token, type Tokens } from 'marked';
import type { Diagnostic } from '../errors.js';
import { DEFAULT_LIMITS, sizeText } from '../load/limits.js';
import { keywordKey, slugify } from './keys.js';
import type { ImageResolver } from './images.js';
import type { Block, CellAlign, ImageUse, Keyword, ListBlock, ListItem, Section } from '../model/index.js';

const NOTE = /^note:\s*/i;
/** An HTML block that is exactly one comment and nothing else (an authoring hint). */
const COMMENT = /^\s*<!--(?:(?!-->)[\s\S])*-->\s*$/;

export interface BodyResult {
  sections: Section[];
  diagnostics: Diagnostic[];
}

/**
 * Splits a Markdown body into `##` sections of paragraphs, lists (nested to three levels, numbered
 * from the author's first number, task lists), tables, quotes and code, with their keywords and
 * speaker notes; a sub-heading (`###`) is a bold line, a rule is left out with a warning. Anything
 * else (raw HTML, text before the first heading) is reported with its line rather than silently dropped.
 */
export function parseBody(
  body: string,
  file: string,
  firstLine: number,
  resolveImage: ImageResolver = refuseImages,
  maxSectionBytes = DEFAULT_LIMITS.sectionBytes,
): BodyResult {
  const lineAt = lineLocator(body, firstLine);
  const place = { source: body, lineAt, offsetOf: lineStart(body, firstLine) };
  const sections: Section[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (line: number, message: string) => diagnostics.push({ file, line, message });
  const warn = (line: number, message: string) => diagnostics.push({ file, line, message, severity: 'warning' });
  let current: Section | undefined;
  let inNotes = false;
  let offset = 0;
  // Where each section starts in the body, to tell its size.
  const starts: number[] = [];

  for (const token of new Lexer({ gfm: true }).lex(body)) {
    const line = lineAt(offset + leadingBlank(token.raw));
    offset += token.raw.length;
    if (token.type === 'space') continue;
    // Hints such as `careerdeck new` writes (`<!-- ... -->` on lines of their own) are dropped, so
    // an unfilled section reads as empty; HTML after a comment in the same block stays an error.
    if (token.type === 'html' && COMMENT.test(token.raw)) continue;

    if (token.type === 'heading' && token.depth <= 2) {
      if (token.depth === 1 && current === undefined) continue; // an optional document title
      const title = plainText(token.tokens ?? []).trim();
      current = { id: slugify(title), title, line, blocks: [], notes: [] };
      if (token.depth === 1)
        problem(
          line,
          `"# ${token.text}" is a top-level heading inside the body; use "## ${token.text}" to open a section`,
        );
      const twin = sections.find((s) => s.id === current?.id);
      if (twin)
        problem(
          line,
          `section "${current.title}" appears twice (first on line ${twin.line}); merge the two or rename one`,
        );
      if (current.id === '') problem(line, 'section heading is empty; give it a title');
      sections.push(current);
      starts.push(offset - token.raw.length);
      inNotes = false;
      continue;
    }
    if (current === undefined) {
      problem(line, 'text before the first "## " heading belongs to no section; move it under a heading');
      continue;
    }
    if (token.type === 'paragraph' && (inNotes || NOTE.test(token.text))) {
      inNotes = true;
      current.notes.push(token.text.replace(NOTE, ''));
      continue;
    }
    if (inNotes && token.type === 'list') {
      current.notes.push(token.raw.trim());
      continue;
    }
    const block = toBlock(token, line, place, offset - token.raw.length, problem, warn, resolveImage);
    if (block) current.blocks.push(block);
    if (block?.kind === 'paragraph' || block?.kind === 'quote' || block?.kind === 'table') notices(token, line, warn);
    if (block?.kind === 'list') listNotices(token as Tokens.List, block, warn);
  }

  sections.forEach((section, i) => {
    const bytes = Buffer.byteLength(body.slice(starts[i], starts[i + 1] ?? body.length));
    if (bytes > maxSectionBytes) {
      problem(
        section.line,
        `section "${section.title}" is ${sizeText(bytes)}, over the limit of ${sizeText(maxSectionBytes)} for one section; split it into several sections`,
      );
    }
  });
  for (const section of sections) {
    if (section.blocks.length === 0) {
      problem(section.line, `section "${section.title}" is empty; add a paragraph or a list, or remove the heading`);
    }
  }
  return { sections, diagnostics };
}

function toBlock(
  token: Token,
  line: number,
  place: Pick<ListContext, 'source' | 'lineAt' | 'offsetOf'>,
  start: number,
  problem: (line: number, message: string) => void,
  warn: (line: number, message: string) => void,
  resolveImage: ImageResolver,
): Block | undefined {
  const imagesOf = (tokens: Token[], at: number) => images(tokens, at, resolveImage, problem);
  switch (token.type) {
    case 'paragraph':
      return { kind: 'paragraph', markdown: token.text, images: imagesOf(token.tokens ?? [], line), line };
    case 'list':
      return listBlock(token as Tokens.List, line, start, 1, { ...place, problem, warn, imagesOf });
    case 'table':
      return tableBlock(token as Tokens.Table, line, imagesOf);
    case 'blockquote':
      return quoteBlock(token as Tokens.Blockquote, line, imagesOf);
    case 'code':
      return { kind: 'code', text: (token as Tokens.Code).text, line };
    case 'heading':
      // A sub-heading pasted from a word processor: a bold line of the section (only "##" opens one).
      return {
        kind: 'paragraph',
        markdown: `**${(token as Tokens.Heading).text.trim()}**`,
        images: imagesOf(token.tokens ?? [], line),
        line,
      };
    case 'hr':
      warn(line, 'a horizontal rule ("---") is not shown; a "## " heading starts a new section, or leave a blank line');
      return undefined;
    case 'html':
      problem(line, 'raw HTML is not allowed in content; write it as Markdown (paragraphs, lists, **bold**, links)');
      return undefined;
    default:
      problem(
        line,
        `a ${describe(token.type)} is not supported here; sections hold paragraphs, lists, tables, quotes and code`,
      );
      return undefined;
  }
}

interface ListContext {
  /** The body, to find items in. */
  source: string;
  lineAt: (offset: number) => number;
  /** Where a line of the file starts in the body. */
  offsetOf: (line: number) => number;
  problem: (line: number, message: string) => void;
  warn: (line: number, message: string) => void;
  imagesOf: (tokens: Token[], line: number) => ImageUse[];
}

/** Lists nest to this depth on slides and paper; deeper items are shown at this level. */
const MAX_LIST_DEPTH = 3;

function listBlock(list: Tokens.List, line: number, start: number, depth: number, cx: ListContext): ListBlock {
  const first = typeof list.start === 'number' ? list.start : 1;
  return {
    kind: 'list',
    ordered: list.ordered,
    start: list.ordered ? first : 1,
    items: listItems(list, start, depth, cx),
    line,
  };
}

/**
 * Items are found in the body by their first line, from where the previous one was: a nested
 * list's `raw` has its indentation taken off, so lengths do not add up to offsets in the file.
 */
function listItems(list: Tokens.List, start: number, depth: number, cx: ListContext): ListItem[] {
  let cursor = start;
  return list.items.flatMap((item): ListItem[] => {
    const first = item.raw.trimStart().split('\n')[0] ?? '';
    const at = Math.max(cursor, cx.source.indexOf(first, cursor));
    cursor = at + first.length;
    const line = cx.lineAt(at);
    const own = item.tokens.filter((t) => t.type !== 'list' && t.type !== 'checkbox');
    const nested = item.tokens.find((t): t is Tokens.List => t.type === 'list');
    const entry: ListItem = {
      // A task item's text token still starts with its "[x] ": the box is `checked`.
      markdown: own
        .map((t) => ('text' in t ? String(t.text) : ''))
        .join('\n')
        .trim()
        .replace(item.task ? /^\[[ xX]\]\s*/ : /^$/, ''),
      keywords: keywords(own),
      images: cx.imagesOf(own, line),
      line,
      checked: item.task ? item.checked === true : undefined,
    };
    if (!nested) return [entry];
    const nestedFirst = nested.raw.trimStart().split('\n')[0] ?? '';
    const nestedAt = Math.max(cursor, cx.source.indexOf(nestedFirst, cursor));
    const nestedLine = cx.lineAt(nestedAt);
    const children = (d: number) => {
      const items = listItems(nested, nestedAt, d, cx);
      const last = items.at(-1);
      // Later items are searched for after the nested ones.
      if (last) cursor = Math.max(cursor, cx.source.indexOf('\n', cx.offsetOf(last.line)) + 1);
      return items;
    };
    if (depth >= MAX_LIST_DEPTH) {
      // Deeper than three levels reads poorly on a slide: its items follow at the third level.
      cx.warn(
        nestedLine,
        `a list nested more than ${MAX_LIST_DEPTH} levels deep is shown at the third level; indent it less or move the detail into the item text`,
      );
      return [entry, ...children(depth)];
    }
    const items = children(depth + 1);
    entry.children = {
      kind: 'list',
      ordered: nested.ordered,
      start: nested.ordered && typeof nested.start === 'number' ? nested.start : 1,
      items,
      line: nestedLine,
    };
    entry.keywords = mergeKeywords(
      entry.keywords,
      items.flatMap((i) => i.keywords),
    );
    return [entry];
  });
}

function mergeKeywords(own: Keyword[], nested: Keyword[]): Keyword[] {
  const found = new Map(own.map((k) => [k.key, k]));
  for (const k of nested) if (!found.has(k.key)) found.set(k.key, k);
  return [...found.values()];
}

/** Rows follow the header and its `|---|` line, one a line (a GFM table has no blank lines). */
function tableBlock(table: Tokens.Table, line: number, imagesOf: (tokens: Token[], line: number) => ImageUse[]): Block {
  const cells = [table.header, ...table.rows].flat();
  return {
    kind: 'table',
    head: table.header.map((c) => c.text.trim()),
    align: table.align.map((a): CellAlign => a ?? null),
    rows: table.rows.map((row, i) => ({ cells: row.map((c) => c.text.trim()), line: line + 2 + i })),
    images: imagesOf(
      cells.flatMap((c) => c.tokens),
      line,
    ),
    line,
  };
}

/** `> — Name, year` (or `--`, `–`, `-`) as the quote's last paragraph is its attribution. */
const ATTRIBUTION = /^\s*(?:—|–|--|-)\s*(\S[\s\S]*)$/;

function quoteBlock(
  quote: Tokens.Blockquote,
  line: number,
  imagesOf: (tokens: Token[], line: number) => ImageUse[],
): Block {
  const tokens = quote.tokens.filter((t) => t.type !== 'space');
  const last = tokens.at(-1);
  const by = last?.type === 'paragraph' && tokens.length > 1 ? ATTRIBUTION.exec(last.text) : null;
  const body = by ? tokens.slice(0, -1) : tokens;
  return {
    kind: 'quote',
    markdown: body
      .map((t) => t.raw)
      .join('')
      .trim(),
    attribution: by?.[1]?.replace(/\s+/g, ' ').trim(),
    images: imagesOf(quote.tokens, line),
    line,
  };
}

/** Link and footnote notices for every item of a list, nested ones included. */
function listNotices(list: Tokens.List, block: ListBlock, warn: (line: number, message: string) => void): void {
  list.items.forEach((item, i) => {
    const entry = block.items[i];
    const own = { ...item, tokens: item.tokens.filter((t) => t.type !== 'list'), raw: entry?.markdown ?? '' };
    notices(own as Token, entry?.line ?? block.line, warn);
    const nested = item.tokens.find((t): t is Tokens.List => t.type === 'list');
    if (nested && entry?.children) listNotices(nested, entry.children, warn);
  });
}

/** The images an item or paragraph shows, resolved; refused ones become problems at its line. */
function images(
  tokens: Token[],
  line: number,
  resolve: ImageResolver,
  problem: (line: number, message: string) => void,
): ImageUse[] {
  const found: ImageUse[] = [];
  walk(tokens, (token) => {
    if (token.type !== 'image') return false;
    const use = resolve((token as Tokens.Image).href, line);
    if (typeof use === 'string') problem(line, use);
    else found.push(use);
    return true;
  });
  return found;
}

const SHOWN_LINK = /^(https?:|mailto:)/i;
const FOOTNOTE = /\[\^[^\]\s]+\]/;

/**
 * What the outputs show differently from what the author wrote, said with its line rather than
 * done silently (issue 15): a link that is not to the web or mail shows as plain text, and a
 * footnote is not supported, so its marker shows as written.
 */
function notices(token: Token, line: number, warn: (line: number, message: string) => void): void {
  walk('tokens' in token && token.tokens ? (token.tokens as Token[]) : [], (t) => {
    if (t.type !== 'link') return false;
    const link = t as Tokens.Link;
    if (!SHOWN_LINK.test(link.href.trim())) {
      warn(
        line,
        `link "${link.text}" to "${link.href.slice(0, 60)}" is shown as plain text: only http, https and mailto links are kept; write the full web address or remove the link`,
      );
    }
    return false;
  });
  const footnote = FOOTNOTE.exec(token.raw);
  if (footnote)
    warn(
      line,
      `footnote "${footnote[0]}" is not supported and shows as written; put the note in the sentence, in brackets, or in a "Note:" paragraph`,
    );
}

const refuseImages: ImageResolver = (src) => `image "${src}" cannot be shown here`;

/** The item's **bold** terms, each once, in order of appearance. */
function keywords(tokens: Token[]): Keyword[] {
  const found = new Map<string, Keyword>();
  walk(tokens, (token) => {
    if (token.type !== 'strong') return false;
    const label = plainText(token.tokens ?? []).trim();
    const key = keywordKey(label);
    if (key !== '' && !found.has(key)) found.set(key, { label, key });
    return true;
  });
  return [...found.values()];
}

function walk(tokens: Token[], visit: (token: Token) => boolean): void {
  for (const token of tokens) {
    if (visit(token)) continue;
    const children = 'tokens' in token ? (token.tokens as Token[] | undefined) : undefined;
    if (children) walk(children, visit);
  }
}

function plainText(tokens: Token[]): string {
  return tokens
    .map((t) => ('tokens' in t && t.tokens ? plainText(t.tokens as Token[]) : 'text' in t ? String(t.text) : ''))
    .join('');
}

function describe(type: string): string {
  const names: Record<string, string> = {
    hr: 'horizontal rule',
    heading: 'sub-heading',
  };
  return names[type] ?? type;
}

function leadingBlank(raw: string): number {
  return raw.length - raw.replace(/^\n+/, '').length;
}

function lineStart(text: string, firstLine: number): (line: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (line) => starts[line - firstLine] ?? text.length;
}

function lineLocator(text: string, firstLine: number): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return firstLine + lo;
  };
}
