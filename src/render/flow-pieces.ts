import type { FlowBlock, FlowTable } from '../model/flow.js';
import type { ImageUse, ListBlock, ListItem, TableBlock } from '../model/index.js';
import { flowCell, FlowWriter, TASK_BOX, writeBlocks, writeInline } from './flow.js';
import { lexBlock, lexInline } from './markdown.js';

/**
 * The flow of each kind of piece (render/pieces.ts), beside its HTML: a list item with the list
 * nested under it, a quote with its attribution, code line by line, a table row with its header.
 */

/** A list item at the top level, its nested items under it; `start` is its list's first number. */
export function itemFlow(item: ListItem, ordered: boolean, start: number): FlowBlock[] {
  const w = new FlowWriter();
  writeItem(w, item, { ordered, start }, 1);
  return w.done();
}

function writeItem(w: FlowWriter, item: ListItem, list: Pick<ListBlock, 'ordered' | 'start'>, level: number): void {
  w.begin({
    list: list.ordered ? 'number' : 'bullet',
    level,
    ...(list.ordered ? { start: list.start } : {}),
    ...(item.checked === undefined ? {} : { task: true }),
  });
  if (item.checked !== undefined) w.run(`${item.checked ? TASK_BOX.done : TASK_BOX.open} `, {});
  w.within({ level }, () => writeInline(lexInline(item.markdown), {}, w, item.images));
  w.end();
  for (const child of item.children?.items ?? []) writeItem(w, child, item.children ?? list, level + 1);
}

/** A quote: its body in the quote's look, then "— attribution" (which, as in the HTML, shows no picture). */
export function quoteFlow(markdown: string, attribution: string | undefined, images: readonly ImageUse[]): FlowBlock[] {
  const w = new FlowWriter(images, { level: 1, role: 'quote' });
  writeBlocks(lexBlock(markdown), w);
  if (attribution) {
    w.begin({ level: 1, role: 'attribution' });
    w.run('\u2014 ', {});
    w.within({ level: 1, role: 'attribution' }, () => writeInline(lexInline(attribution), {}, w, []));
  }
  return w.done();
}

/** Code as written: one paragraph a line, indents and blank lines kept. */
export function codeFlow(text: string): FlowBlock[] {
  const w = new FlowWriter();
  for (const line of text.split('\n')) {
    w.begin({ level: 1, role: 'code' });
    w.run(line, { code: true });
  }
  return w.done();
}

/** One row of a table (the columns of one part of it) under the table's header row. */
export function rowFlow(table: TableBlock, columns: readonly number[], cells: readonly string[]): FlowTable {
  const cell = (markdown: string, header: boolean, j: number) =>
    flowCell(lexInline(markdown), header, table.align[j] ?? null, table.images);
  return {
    kind: 'table',
    rows: [columns.map((j) => cell(table.head[j] ?? '', true, j)), columns.map((j) => cell(cells[j] ?? '', false, j))],
  };
}

/** What piecesToFlow needs of a piece. */
export interface FlowPiece {
  kind: 'paragraph' | 'item' | 'row' | 'block';
  ordered: boolean;
  group?: string | undefined;
  number?: number | undefined;
  flow: readonly FlowBlock[];
}

/** Which list or table a piece continues (consecutive pieces with one key join), or none. */
export function groupKey(piece: Pick<FlowPiece, 'kind' | 'ordered' | 'group'>): string | undefined {
  if (piece.kind === 'item') return `${piece.ordered ? 'ol' : 'ul'}:${piece.group ?? ''}`;
  return piece.kind === 'row' ? `table:${piece.group ?? ''}` : undefined;
}

/**
 * Pieces joined back into one flow as piecesToHtml joins their HTML: consecutive items of one
 * list numbered from the first one's number, consecutive rows of one table under one header,
 * neighbouring text in one text block.
 */
export function piecesToFlow(pieces: readonly FlowPiece[]): FlowBlock[] {
  const out: FlowBlock[] = [];
  let open: { key: string; start: number } | undefined;
  for (const piece of pieces) {
    const key = groupKey(piece);
    const continues = open !== undefined && open.key === key;
    open = key === undefined ? undefined : continues && open ? open : { key, start: piece.number ?? 1 };
    const start = open?.start ?? 1;
    for (const block of piece.flow) {
      const last = out.at(-1);
      if (block.kind === 'table' && continues && last?.kind === 'table') {
        out[out.length - 1] = { kind: 'table', rows: [...last.rows, ...block.rows.slice(1)] };
      } else if (block.kind === 'text') {
        // The list's top-level numbers count on from its first item on this slide.
        const paragraphs = block.paragraphs.map((p) =>
          piece.kind === 'item' && p.list === 'number' && p.level === 1 ? { ...p, start } : p,
        );
        if (last?.kind === 'text')
          out[out.length - 1] = { kind: 'text', paragraphs: [...last.paragraphs, ...paragraphs] };
        else out.push({ kind: 'text', paragraphs });
      } else out.push(block);
    }
  }
  return out;
}
