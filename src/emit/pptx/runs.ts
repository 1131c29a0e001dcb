import { Parser } from 'htmlparser2';

/** A stretch of text with one style, as a PowerPoint text run. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: string;
}

/** One paragraph of a text box: a plain paragraph or a list item. */
export interface Paragraph {
  runs: Run[];
  list?: 'bullet' | 'number' | undefined;
  /** 1 for a top-level item, 2 for an item in a nested list. */
  level: number;
  /** A numbered item: the number its list starts at (`<ol start>`), which PowerPoint counts on from. */
  start?: number | undefined;
  /** A task item: its box stands where the bullet would (no bullet of its own), as on the slide. */
  task?: boolean | undefined;
  /** What kind of block the paragraph is part of, for its look: a quote, its attribution, code. */
  role?: 'quote' | 'attribution' | 'code' | undefined;
}

/** A table of the content: rows of cells, each cell its runs; the first row is the header. */
export interface FlowTable {
  kind: 'table';
  rows: { runs: Run[]; header: boolean; align?: 'left' | 'center' | 'right' | undefined }[][];
}

/** What a slide's text area shows, top to bottom: text, tables and pictures. */
export type FlowBlock =
  { kind: 'text'; paragraphs: Paragraph[] } | FlowTable | { kind: 'image'; src: string; alt: string };

/** Elements that end the paragraph they are in. */
const BLOCKS = new Set(['p', 'li', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr']);

/**
 * The HTML the render stage made from the content (already sanitized: p, lists, strong, em,
 * code, a, img, br, tables, quotes, code blocks) as blocks: paragraphs of styled runs, so that a
 * slide's text boxes hold the same words with the same bold keywords; tables, for native
 * PowerPoint tables; and pictures, which a PowerPoint text run cannot hold.
 */
export function htmlToFlow(html: string): FlowBlock[] {
  const blocks: FlowBlock[] = [];
  let paragraphs: Paragraph[] = [];
  const lists: { kind: 'bullet' | 'number'; start: number }[] = [];
  const styles: string[] = [];
  const links: string[] = [];
  const roles: Paragraph['role'][] = [];
  let table: FlowTable | undefined;
  let cell: FlowTable['rows'][number][number] | undefined;
  let current: Paragraph | undefined;
  const flushText = () => {
    if (paragraphs.length > 0) blocks.push({ kind: 'text', paragraphs });
    paragraphs = [];
  };
  const open = () => {
    current ??= { runs: [], list: undefined, level: 1, role: roles.at(-1) };
    return current;
  };
  const close = () => {
    if (current && current.runs.some((r) => r.text.trim() !== '')) {
      current.runs = mergeRuns(trimEnds(current.runs));
      paragraphs.push(current);
    }
    current = undefined;
  };
  const add = (text: string) => {
    const run: Run = { text };
    if (styles.includes('strong') || styles.includes('b') || styles.includes('th')) run.bold = true;
    if (styles.includes('em') || styles.includes('i')) run.italic = true;
    if (styles.includes('code')) run.code = true;
    const link = links.at(-1);
    if (link) run.link = link;
    if (cell) cell.runs.push(run);
    else open().runs.push(run);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const cls = attributes.class ?? '';
        if (table) {
          if (name === 'tr') table.rows.push([]);
          else if (name === 'th' || name === 'td') {
            const align = /align-end/.test(cls) ? 'right' : /align-center/.test(cls) ? 'center' : undefined;
            cell = { runs: [], header: name === 'th', align };
            table.rows.at(-1)?.push(cell);
          } else if (name === 'br') add('\n');
        } else if (name === 'table') {
          close();
          flushText();
          table = { kind: 'table', rows: [] };
        } else if (name === 'ul' || name === 'ol') {
          close();
          const start = Number(attributes.start ?? '1');
          lists.push({ kind: name === 'ol' ? 'number' : 'bullet', start: Number.isFinite(start) ? start : 1 });
        } else if (name === 'li') {
          close();
          const list = lists.at(-1);
          current = {
            runs: [],
            list: list?.kind ?? 'bullet',
            level: Math.max(1, lists.length),
            ...(list?.kind === 'number' ? { start: list.start } : {}),
            role: roles.at(-1),
          };
        } else if (name === 'span' && cls.includes('task-box')) {
          // The ticked and empty ballot boxes: characters every PowerPoint font fallback draws.
          if (current?.list && current.runs.length === 0) current.task = true;
          add(cls.includes('done') ? '\u2611' : '\u2610');
          styles.push('skip');
          return;
        } else if (name === 'blockquote' || name === 'figcaption' || name === 'pre') {
          close();
          roles.push(name === 'blockquote' ? 'quote' : name === 'figcaption' ? 'attribution' : 'code');
        } else if (BLOCKS.has(name)) {
          close();
        } else if (name === 'br') {
          add('\n');
        } else if (name === 'img') {
          close();
          flushText();
          blocks.push({ kind: 'image', src: attributes.src ?? '', alt: (attributes.alt ?? '').trim() });
        } else if (name === 'a') {
          links.push(attributes.href ?? '');
        }
        styles.push(name);
      },
      ontext(text) {
        if (styles.at(-1) === 'skip') return;
        if (table) {
          if (cell) add(text.replace(/\s+/g, ' '));
          return;
        }
        // Whitespace between block elements is layout, not content; code keeps its line breaks.
        if (current === undefined && text.trim() === '') return;
        if (roles.at(-1) === 'code') {
          const lines = text.split('\n');
          lines.forEach((line, i) => {
            if (i > 0) close();
            if (line !== '') add(line);
          });
          return;
        }
        add(text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        const style = styles.pop();
        if (style === 'skip') return;
        if (name === 'a') links.pop();
        if (table) {
          if (name === 'th' || name === 'td') {
            if (cell) cell.runs = mergeRuns(trimEnds(cell.runs));
            cell = undefined;
          } else if (name === 'table') {
            blocks.push(table);
            table = undefined;
          }
          return;
        }
        if (name === 'ul' || name === 'ol') {
          close();
          lists.pop();
        } else if (name === 'blockquote' || name === 'figcaption' || name === 'pre') {
          close();
          roles.pop();
        } else if (BLOCKS.has(name)) close();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  close();
  flushText();
  return blocks;
}

/** The text of some HTML as paragraphs, a table's rows as "cell | cell" lines and a picture as its alt text in brackets. */
export function htmlToParagraphs(html: string): Paragraph[] {
  return htmlToFlow(html).flatMap((block): Paragraph[] => {
    if (block.kind === 'text') return block.paragraphs;
    if (block.kind === 'image') return [{ runs: [{ text: block.alt ? `[${block.alt}]` : '[image]' }], level: 1 }];
    return block.rows.map((row) => ({
      runs: mergeRuns(row.flatMap((c, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...c.runs])),
      level: 1,
    }));
  });
}

/** Plain text of some HTML, paragraphs on their own lines (for speaker notes). */
export function htmlToText(html: string): string {
  return htmlToParagraphs(html)
    .map((p) => `${p.list === 'bullet' ? '• ' : ''}${p.runs.map((r) => r.text).join('')}`)
    .join('\n');
}

function trimEnds(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  const first = out[0];
  if (first) first.text = first.text.replace(/^ +/, '');
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/ +$/, '');
  return out.filter((r) => r.text !== '');
}

/** Neighbouring runs with the same style become one (fewer, longer runs are easier to edit). */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    if (
      prev &&
      prev.bold === run.bold &&
      prev.italic === run.italic &&
      prev.code === run.code &&
      prev.link === run.link
    )
      prev.text += run.text;
    else out.push(run);
  }
  return out;
}
