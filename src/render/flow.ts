import { decodeHTMLStrict } from 'entities';
import type { Token, Tokens } from 'marked';
import { assetHref } from '../model/index.js';
import type { FlowBlock, FlowCell, FlowTable, Paragraph, Run } from '../model/flow.js';
import { isComment, lexBlock, safeHref, type ShownImage, shownImage } from './markdown.js';

/**
 * Markdown as a flow (model/flow.ts): the structure the sanitized HTML of markdown.ts shows, made
 * from the same marked tokens under the same rules, for outputs that are not HTML. Raw HTML is
 * its text (a comment nothing), a link keeps its address only when safeHref passes it, and a
 * picture is drawn only when validation resolved it to a copied file: else its alt text.
 */

type Style = Omit<Run, 'text'>;

/** Where inline content goes: a paragraph of a text box, or a table cell (which holds no picture). */
interface Sink {
  run(text: string, style: Style): void;
  image(src: string, alt: string): void;
}

/** What a paragraph opened by loose text is part of: its level and its look. */
interface Context {
  level: number;
  role?: Paragraph['role'] | undefined;
}

/** The ballot boxes of task items: characters every PowerPoint font fallback draws. */
export const TASK_BOX = { done: '\u2611', open: '\u2610' } as const;

/** HTML collapses runs of ASCII white space (not no-break spaces) into one. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

/** Paragraphs of styled runs, split into blocks where a table or a picture comes between them. */
export class FlowWriter implements Sink {
  private readonly blocks: FlowBlock[] = [];
  private paragraphs: Paragraph[] = [];
  private current: Paragraph | undefined;
  constructor(
    readonly images: readonly ShownImage[] = [],
    private where: Context = { level: 1 },
  ) {}

  /** The level and look of paragraphs opened now (and of text after a picture). */
  get context(): Context {
    return this.where;
  }

  /** Starts a paragraph (a list item, a line of code); the one open before ends. */
  begin(paragraph: Omit<Paragraph, 'runs'>): void {
    this.end();
    this.current = { runs: [], ...paragraph };
  }

  run(text: string, style: Style): void {
    this.current ??= { runs: [], level: this.where.level, role: this.where.role };
    this.current.runs.push({ text, ...style });
  }

  image(src: string, alt: string): void {
    this.flush();
    this.blocks.push({ kind: 'image', src, alt });
  }

  table(table: FlowTable): void {
    this.flush();
    this.blocks.push(table);
  }

  /** Runs `write` with loose text opening paragraphs of `context` (a quote's, an item's level). */
  within(context: Context, write: () => void): void {
    const outer = this.where;
    this.where = context;
    try {
      write();
    } finally {
      this.where = outer;
    }
  }

  /** Ends the open paragraph: blank ones are left out (code keeps its blank lines and indents). */
  end(): void {
    const p = this.current;
    this.current = undefined;
    if (!p) return;
    if (p.role === 'code') this.paragraphs.push({ ...p, runs: p.runs.filter((r) => r.text !== '') });
    else if (p.runs.some((r) => r.text.trim() !== ''))
      this.paragraphs.push({ ...p, runs: mergeRuns(trimEnds(p.runs)) });
  }

  done(): FlowBlock[] {
    this.flush();
    return this.blocks;
  }

  private flush(): void {
    this.end();
    if (this.paragraphs.length > 0) this.blocks.push({ kind: 'text', paragraphs: this.paragraphs });
    this.paragraphs = [];
  }
}

/** Inline tokens as runs, as markdown.ts renders them to HTML. */
export function writeInline(tokens: readonly Token[], style: Style, sink: Sink, images: readonly ShownImage[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens) writeInline(t.tokens, style, sink, images);
        else sink.run(collapse(decodeHTMLStrict(t.text)), style);
        break;
      }
      case 'escape':
        sink.run((token as Tokens.Escape).text, style);
        break;
      case 'strong':
      case 'em':
      case 'del': {
        const key = token.type === 'strong' ? 'bold' : token.type === 'em' ? 'italic' : 'strike';
        writeInline((token as Tokens.Strong).tokens, { ...style, [key]: true }, sink, images);
        break;
      }
      case 'codespan':
        sink.run(collapse((token as Tokens.Codespan).text), { ...style, code: true });
        break;
      case 'br':
        sink.run('\n', style);
        break;
      case 'link': {
        const t = token as Tokens.Link;
        const href = safeHref(t.href);
        writeInline(t.tokens, href === undefined ? style : { ...style, link: href }, sink, images);
        break;
      }
      case 'image': {
        const t = token as Tokens.Image;
        const image = shownImage(images, t.href);
        if (image) sink.image(assetHref(image.asset), t.text.trim());
        else sink.run(collapse(t.text), style);
        break;
      }
      case 'html':
        if (!isComment((token as Tokens.Tag).text)) sink.run(collapse((token as Tokens.Tag).text), style);
        break;
      case 'checkbox':
        break;
      default:
        sink.run(collapse(token.raw), style);
    }
  }
}

/** Block tokens (paragraphs, lists, quotes, code, tables) into the writer. */
export function writeBlocks(tokens: readonly Token[], w: FlowWriter, depth = 0): void {
  const { context } = w;
  for (const token of tokens) {
    switch (token.type) {
      case 'paragraph':
      case 'heading':
      case 'text': {
        const t = token as Tokens.Paragraph;
        w.begin({ level: context.level, role: context.role });
        // A heading in a quote or a note: a bold line, as validation makes a section's sub-heading.
        const style: Style = token.type === 'heading' ? { bold: true } : {};
        if (t.tokens) writeInline(t.tokens, style, w, w.images);
        else w.run(collapse(decodeHTMLStrict(t.text)), style);
        w.end();
        break;
      }
      case 'list':
        writeList(token as Tokens.List, w, depth + 1);
        break;
      case 'blockquote':
        w.within({ ...context, role: 'quote' }, () => writeBlocks((token as Tokens.Blockquote).tokens, w, depth));
        break;
      case 'code':
        for (const line of (token as Tokens.Code).text.split('\n')) {
          w.begin({ level: context.level, role: 'code' });
          w.run(line, { code: true });
        }
        w.end();
        break;
      case 'table': {
        const t = token as Tokens.Table;
        const cells = (row: Tokens.TableCell[], header: boolean) =>
          row.map((c) => flowCell(c.tokens, header, c.align, w.images));
        w.table({ kind: 'table', rows: [cells(t.header, true), ...t.rows.map((r) => cells(r, false))] });
        break;
      }
      case 'html':
        if (!isComment((token as Tokens.HTML).text)) {
          w.begin({ level: context.level, role: context.role });
          w.run(collapse((token as Tokens.HTML).text), {});
          w.end();
        }
        break;
      case 'space':
      case 'hr':
      case 'def':
        break;
      default:
        w.begin({ level: context.level, role: context.role });
        w.run(collapse(token.raw), {});
        w.end();
    }
  }
}

/** A list of block Markdown (in a quote or a note): its first text on the bullet, the rest under it. */
function writeList(list: Tokens.List, w: FlowWriter, depth: number): void {
  const { context } = w;
  const start = typeof list.start === 'number' ? list.start : 1;
  for (const item of list.items) {
    const checkbox = item.tokens.find((t): t is Tokens.Checkbox => t.type === 'checkbox');
    w.begin({
      list: list.ordered ? 'number' : 'bullet',
      level: depth,
      ...(list.ordered ? { start } : {}),
      role: context.role,
      ...(checkbox ? { task: true } : {}),
    });
    if (checkbox) w.run(`${checkbox.checked ? TASK_BOX.done : TASK_BOX.open} `, {});
    const rest = item.tokens.filter((t) => t.type !== 'checkbox');
    const first = rest[0];
    const inline = first && (first.type === 'text' || first.type === 'paragraph') ? first : undefined;
    // Text after a picture in the item, and the item's further paragraphs, stand at its level.
    w.within({ level: depth, role: context.role }, () => {
      if (inline) writeInline((inline as Tokens.Text).tokens ?? [], {}, w, w.images);
      writeBlocks(inline ? rest.slice(1) : rest, w, depth);
    });
    w.end();
  }
}

/** A table cell's runs: a picture, which a cell cannot hold, as its alt text in brackets. */
export function flowCell(
  tokens: readonly Token[],
  header: boolean,
  align: 'left' | 'center' | 'right' | null,
  images: readonly ShownImage[],
): FlowCell {
  const runs: Run[] = [];
  const sink: Sink = {
    run: (text, style) => runs.push({ text, ...style }),
    image: (_src, alt) => runs.push({ text: alt ? `[${alt}]` : '[image]' }),
  };
  writeInline(tokens, header ? { bold: true } : {}, sink, images);
  // The start of the line is the default; the HTML says align-start, which a right-to-left deck mirrors.
  return { runs: mergeRuns(trimEnds(runs)), header, align: align === 'left' || align === null ? undefined : align };
}

/** Block Markdown (a paragraph, a quote's body, a note) as a flow. */
export function markdownFlow(
  markdown: string,
  images: readonly ShownImage[] = [],
  role?: Paragraph['role'],
): FlowBlock[] {
  const w = new FlowWriter(images, { level: 1, role });
  writeBlocks(lexBlock(markdown), w);
  return w.done();
}

/** Plain text (labels, titles from front matter) as paragraphs of one run each, or a numbered list. */
export function plainFlow(lines: readonly string[], list?: 'number'): FlowBlock[] {
  const paragraphs = lines
    .map((line) => collapse(line).trim())
    .filter((line) => line !== '')
    .map((text): Paragraph => ({ runs: [{ text }], level: 1, ...(list ? { list, start: 1 } : {}) }));
  return paragraphs.length > 0 ? [{ kind: 'text', paragraphs }] : [];
}

/**
 * Spaces as HTML shows them: none at either end, and one where two runs meet with a space each
 * (a comment left out between two words).
 */
function trimEnds(runs: readonly Run[]): Run[] {
  let space = true;
  const out = runs.map((r) => {
    const text = space ? r.text.replace(/^ +/, '') : r.text;
    if (text !== '') space = text.endsWith(' ');
    return { ...r, text };
  });
  const last = out.findLast((r) => r.text !== '');
  if (last) last.text = last.text.replace(/ +$/, '');
  return out.filter((r) => r.text !== '');
}

/** Neighbouring runs with the same style become one (fewer, longer runs are easier to edit). */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    if (
      prev &&
      prev.bold === run.bold &&
      prev.italic === run.italic &&
      prev.code === run.code &&
      prev.strike === run.strike &&
      prev.link === run.link
    )
      prev.text += run.text;
    else out.push({ ...run });
  }
  return out;
}
