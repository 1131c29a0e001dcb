import type { Diagnostic } from '../errors.js';
import type { Block, ImageUse, Keyword, ListBlock, ListItem, Section, TableBlock } from '../model/index.js';
import type { FlowBlock } from '../model/flow.js';
import { markdownFlow } from './flow.js';
import { codeFlow, groupKey, itemFlow, quoteFlow, rowFlow } from './flow-pieces.js';
import { escapeHtml, inlineToHtml, markdownToHtml } from './markdown.js';
import { estimateLines } from './paginate.js';
import { plain } from './plain.js';
import { TABLE_EM, tableLayout, type TablePart } from './table-layout.js';
import { longDate } from './locale.js';

export { plain } from './plain.js';

/**
 * One piece of a section, rendered, with its text for fitting: a paragraph, a list item (with
 * any list nested under it), a table row, or a block shown whole (a quote, code).
 */
export interface Piece {
  kind: 'paragraph' | 'item' | 'row' | 'block';
  ordered: boolean;
  html: string;
  /** The same content as structure, for outputs that are not HTML (render/flow.ts). */
  flow: FlowBlock[];
  text: string;
  /** Line of the piece in its file. */
  line: number;
  /** Pieces of one list or table share it: they are joined again, and two lists stay two. */
  group?: string | undefined;
  /** An ordered item's number as the author's list counts it (a list may start at 3). */
  number?: number | undefined;
  /** A table row: the table's opening and header row, repeated on each slide the table spans. */
  head?: string | undefined;
  /** Estimated lines at the width given to sectionPieces, where plain wrapping of `text` is wrong. */
  lines?: number | undefined;
}

/** Where pieces are laid out on a slide: letters of body text across, and where warnings go. */
export interface PieceLayout {
  chars: number;
  file: string;
  warn: (warning: Diagnostic) => void;
}

/**
 * On paper, a table too wide for its column is drawn smaller or split by columns as on a slide,
 * without a warning of its own: the slides' warning names the same table.
 */
export function paperLayout(chars: number): PieceLayout {
  return { chars, file: '', warn: () => undefined };
}

/** Without a layout, tables are shown whole and the CSS wraps them. */
export function sectionPieces(section: Section | undefined, layout?: PieceLayout): Piece[] {
  return (section?.blocks ?? []).flatMap((block, index) => blockPieces(block, `${section?.id ?? ''}-${index}`, layout));
}

function blockPieces(block: Block, group: string, layout: PieceLayout | undefined): Piece[] {
  switch (block.kind) {
    case 'paragraph':
      return [
        {
          kind: 'paragraph',
          ordered: false,
          html: markdownToHtml(block.markdown, block.images),
          flow: markdownFlow(block.markdown, block.images),
          text: plain(block.markdown),
          line: block.line,
        },
      ];
    case 'list':
      return block.items.map((item, i) => ({
        kind: 'item',
        ordered: block.ordered,
        html: itemHtml(item),
        flow: itemFlow(item, block.ordered, block.start + i),
        text: plain(item.markdown),
        line: item.line,
        group,
        ...(block.ordered ? { number: block.start + i } : {}),
        ...(item.children && layout ? { lines: itemLines(item, layout.chars) } : {}),
      }));
    case 'table':
      return tablePieces(block, group, layout);
    case 'quote':
      return [
        {
          kind: 'block',
          ordered: false,
          html: quoteHtml(block.markdown, block.attribution, block.images),
          flow: quoteFlow(block.markdown, block.attribution, block.images),
          text: plain(`${block.markdown} ${block.attribution ?? ''}`),
          line: block.line,
        },
      ];
    case 'code':
      return [
        {
          kind: 'block',
          ordered: false,
          // Line breaks as references: a template that indents the HTML it includes would indent them too.
          html: `<pre class="code"><code>${escapeHtml(block.text).replace(/\n/g, '&#10;')}</code></pre>`,
          flow: codeFlow(block.text),
          text: block.text,
          line: block.line,
          // Code keeps its line breaks; a long line wraps (pre-wrap) in the smaller monospace type.
          ...(layout
            ? {
                lines:
                  block.text.split('\n').reduce((n, l) => n + estimateLines(l, layout.chars * 1.1), 0) * 0.85 + 0.6,
              }
            : {}),
        },
      ];
  }
}

// A tick, or an empty box whose glyph is drawn transparent (the box is the span's border): the
// text layer says which items are done; both glyphs are in the fonts careerdeck ships.
const TICK = { true: '\u2713', false: '\u25A1' } as const;

function itemHtml(item: ListItem): string {
  const box =
    item.checked === undefined
      ? ''
      : `<span class="task-box${item.checked ? ' done' : ''}">${TICK[`${item.checked}`]}</span> `;
  return `${box}${inlineToHtml(item.markdown, item.images)}${item.children ? listHtml(item.children) : ''}`;
}

function listHtml(list: ListBlock): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  return `<${tag}${start}>${list.items.map((i) => `<li>${itemHtml(i)}</li>`).join('')}</${tag}>`;
}

function itemLines(item: ListItem, chars: number): number {
  const nested = item.children?.items.reduce((n, child) => n + itemLines(child, chars - 3) + 0.2, 0) ?? 0;
  return estimateLines(plain(item.markdown), chars) + nested;
}

function quoteHtml(markdown: string, attribution: string | undefined, images: ImageUse[]): string {
  const by = attribution ? `<figcaption>\u2014 ${inlineToHtml(attribution)}</figcaption>` : '';
  return `<figure class="quote"><blockquote>${markdownToHtml(markdown, images)}</blockquote>${by}</figure>`;
}

const ALIGN = { left: ' class="align-start"', center: ' class="align-center"', right: ' class="align-end"' } as const;

/**
 * A table as one piece per row, each carrying the table's header, so that a long table splits
 * over slides by rows with its header on each. On a slide, a table too wide is drawn smaller and
 * then split by columns (tableLayout), with a warning at its line.
 */
function tablePieces(table: TableBlock, group: string, layout: PieceLayout | undefined): Piece[] {
  const parts: TablePart[] = layout
    ? tableLayout(table, layout.chars)
    : [{ columns: table.head.map((_, j) => j), scale: 1 }];
  if (layout && (parts.length > 1 || (parts[0]?.scale ?? 1) < 1)) {
    layout.warn({
      file: layout.file,
      line: table.line,
      severity: 'warning',
      message:
        parts.length > 1
          ? `table of ${table.head.length} columns is too wide for a slide: it is shown as ${parts.length} tables, each repeating the first column; shorten its cells or make it two tables`
          : `table of ${table.head.length} columns is too wide for a slide at full size: its type is shrunk to ${Math.round((parts[0]?.scale ?? 1) * 100)}%; shorten its cells or make it two tables`,
    });
  }
  return parts.flatMap((part, p) => {
    const cell = (tag: 'th' | 'td', markdown: string, j: number) => {
      const align = table.align[j];
      return `<${tag}${align ? ALIGN[align] : ''}>${inlineToHtml(markdown, table.images)}</${tag}>`;
    };
    const style = part.scale < 1 ? ` style="font-size:${Math.round(TABLE_EM * part.scale * 1000) / 1000}em"` : '';
    const head = `<table class="md-table"${style}><thead><tr>${part.columns.map((j) => cell('th', table.head[j] ?? '', j)).join('')}</tr></thead><tbody>`;
    const chars = layout ? layout.chars / TABLE_EM / part.scale : 0;
    const widths = part.columns.map(() => chars / part.columns.length);
    return table.rows.map((row) => {
      const texts = part.columns.map((j) => plain(row.cells[j] ?? ''));
      return {
        kind: 'row' as const,
        ordered: false,
        html: `<tr>${part.columns.map((j) => cell('td', row.cells[j] ?? '', j)).join('')}</tr>`,
        flow: [rowFlow(table, part.columns, row.cells)],
        text: texts.join(' '),
        line: row.line,
        group: `${group}-${p}`,
        head,
        ...(layout
          ? {
              lines:
                Math.max(...texts.map((t, i) => estimateLines(t, Math.max(4, (widths[i] ?? 10) - 1.5)))) *
                  TABLE_EM *
                  part.scale +
                0.45,
            }
          : {}),
      };
    });
  });
}

/** Lines a piece takes at `chars` letters across. */
export function pieceLines(piece: Piece, chars: number): number {
  return piece.lines ?? estimateLines(piece.text, chars);
}

/** Joins pieces back into HTML: consecutive items into one list (numbered from the first one's number), rows into one table. */
export function piecesToHtml(pieces: readonly Piece[]): string {
  let html = '';
  let open: { key: string; close: string } | undefined;
  for (const piece of pieces) {
    const key = groupKey(piece);
    if (open && open.key !== key) {
      html += open.close;
      open = undefined;
    }
    if (key && !open) {
      if (piece.kind === 'row') {
        html += piece.head ?? '<table><tbody>';
        open = { key, close: '</tbody></table>' };
      } else {
        const tag = piece.ordered ? 'ol' : 'ul';
        const start =
          piece.ordered && piece.number !== undefined && piece.number !== 1 ? ` start="${piece.number}"` : '';
        html += `<${tag}${start}>`;
        open = { key, close: `</${tag}>` };
      }
    }
    html += piece.kind === 'item' ? `<li>${piece.html}</li>` : piece.html;
  }
  return open ? `${html}${open.close}` : html;
}

export function notesHtml(notes: readonly string[]): string {
  return notes.map((note) => markdownToHtml(note)).join('');
}

/** Speaker notes as a flow, for the PowerPoint's notes. */
export function notesFlow(notes: readonly string[]): FlowBlock[] {
  return notes.flatMap((note) => markdownFlow(note));
}

/** Key words as a list, joined as the deck's language joins lists (DeckLocale.list), ", " by default. */
export function keywordList(
  keywords: readonly Keyword[],
  list: (items: readonly string[]) => string = (items) => items.join(', '),
): string {
  return list(keywords.map((k) => k.label));
}

/** "2026-11-26" -> the long date in the deck's language ("November 26, 2026" in en); other text is kept. */
export function formatDate(date: string | undefined, lang: string): string | undefined {
  return date === undefined ? date : longDate(date, lang);
}
