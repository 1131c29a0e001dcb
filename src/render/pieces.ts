import type { Keyword, Section } from '../model/index.js';
import { inlineToHtml, markdownToHtml } from './markdown.js';

/** One paragraph or list item of a section, rendered, with its text length for fitting. */
export interface Piece {
  kind: 'paragraph' | 'item';
  ordered: boolean;
  html: string;
  text: string;
  /** Line of the paragraph or item in its file. */
  line: number;
}

export function sectionPieces(section: Section | undefined): Piece[] {
  return (section?.blocks ?? []).flatMap((block): Piece[] =>
    block.kind === 'paragraph'
      ? [
          {
            kind: 'paragraph',
            ordered: false,
            html: markdownToHtml(block.markdown, block.images),
            text: plain(block.markdown),
            line: block.line,
          },
        ]
      : block.items.map((item) => ({
          kind: 'item',
          ordered: block.ordered,
          html: inlineToHtml(item.markdown, item.images),
          text: plain(item.markdown),
          line: item.line,
        })),
  );
}

/** Joins pieces back into HTML, grouping consecutive list items into one list. */
export function piecesToHtml(pieces: readonly Piece[]): string {
  let html = '';
  let open: 'ul' | 'ol' | undefined;
  for (const piece of pieces) {
    const want = piece.kind === 'item' ? (piece.ordered ? 'ol' : 'ul') : undefined;
    if (open && open !== want) html += `</${open}>`;
    if (want && open !== want) html += `<${want}>`;
    open = want;
    html += piece.kind === 'item' ? `<li>${piece.html}</li>` : piece.html;
  }
  return open ? `${html}</${open}>` : html;
}

export function notesHtml(notes: readonly string[]): string {
  return notes.map((note) => markdownToHtml(note)).join('');
}

export function keywordList(keywords: readonly Keyword[]): string {
  return keywords.map((k) => k.label).join(', ');
}

/** Markdown reduced to the text a reader sees, for fitting estimates. */
export function plain(markdown: string): string {
  return markdown.replace(/[*_`~]|\[|\]\([^)]*\)/g, '');
}

/** "2026-11-26" -> the long date in the deck's language ("November 26, 2026" in en); other text is kept. */
export function formatDate(date: string | undefined, lang: string): string | undefined {
  if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}
