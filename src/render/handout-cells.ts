import type { HandoutPerPage } from '../model/index.js';
import type { SlideView } from './deck-view.js';
import { textUnits } from './text-width.js';
import { hyphenate, hyphenateNarrow } from './hyphenate.js';

/**
 * Text cells (issue 23): a slide printed small enough to sit 2 to 6 on a page draws its body text
 * at 4-6 pt, under the 7 pt a reader needs. At those sizes the handout prints each slide as text
 * (its title, its content, a chart's values as rows) set at `pt`, in a box of the size a picture
 * of the slide would take, taller by some of the lines to write on (a fixed height: see handout.css). At 1 a page the
 * slide is drawn as a picture: its smallest text (handout.css raises the small labels) prints at
 * 7 pt or more.
 */
export interface TextCellBox {
  /** The box's width and the height the text may take, in millimetres. */
  width: number;
  height: number;
  /** The text's size in points. */
  pt: number;
}

export const TEXT_CELLS: Readonly<Record<HandoutPerPage, TextCellBox | undefined>> = {
  1: undefined,
  2: { width: 150, height: 96, pt: 9 },
  3: { width: 100, height: 74, pt: 7.5 },
  4: { width: 86, height: 84, pt: 7.5 },
  6: { width: 86, height: 57, pt: 7.5 },
};

/** A slide as a text cell draws it: the slide's own parts, role columns shortened to key words when the full text would not fit. */
export type TextCell = Pick<SlideView, 'title' | 'part' | 'cover' | 'html' | 'agenda' | 'matrix' | 'caption'> & {
  /**
   * The overlap table's rows as paragraphs ("Responsibilities: Both: models, algorithms; Only ML
   * Engineer: ..."): lists of terms in the narrow columns of a table at 7.5 pt took three times
   * the height; empty cells ("–") are left out.
   */
  facts?: { title: string; parts: { head: string; text: string; end: string }[] }[] | undefined;
  columns?: { heading: string; role: number; html: string }[] | undefined;
  rows?:
    | { label: string; value: string; hasBar: boolean; percent?: number | undefined; role?: number | undefined }[]
    | undefined;
  /** The role columns show their bold key words only: their full text would not fit the cell. */
  keyWords: boolean;
  /**
   * The columns as key words, kept hidden beside the full text the estimate let through: the browser
   * measures the cell before printing and takes these instead when the full text is cut
   * (layout/handout.ts).
   */
  keyWordColumns?: { heading: string; role: number; html: string }[] | undefined;
  /** The slide's number and where its text comes from, named by a warning about the cell. */
  number?: number | undefined;
  source?: { file: string; line: number } | undefined;
};

/** The em widths of an average letter and a line, for estimating lines of text set at a size (Inter, Noto). */
const LETTER_EM = 0.47;
const LINE_EM = 1.3;
const MM_PER_PT = 25.4 / 72;
/** Role columns side by side in a text cell; more wrap to the next row (handout.css). */
const COLUMNS_ACROSS = 3;

/**
 * `lang`: the deck's language, whose hyphenation patterns break the words of narrow columns and
 * of the matrix's role names ("Engi-neer", not "Engine/er"); layout/handout.ts removes the
 * points no line ends at before printing. `groups` joins the parts of a row as the deck's
 * language joins lists of lists (DeckLocale.groups).
 */
export function textCell(slide: SlideView, box: TextCellBox, lang = 'en', groups = '; '): TextCell {
  const across = Math.min(slide.columns?.length ?? 1, COLUMNS_ACROSS);
  const columnLetters = lettersIn((box.width - (across - 1) * 3) / across, box);
  const narrow = (columns: NonNullable<TextCell['columns']>) =>
    columns.map((col) => ({ ...col, html: hyphenateNarrow(col.html, lang, columnLetters) }));
  const base: TextCell = {
    title: slide.title,
    part: slide.part,
    cover: slide.cover,
    html: slide.html,
    agenda: slide.agenda,
    facts: slide.table && tableFacts(slide.table, groups.trimEnd()),
    matrix: slide.matrix && {
      ...slide.matrix,
      // A role's column in the matrix is a few letters wide at any size.
      head: slide.matrix.head.map((name) => hyphenate(name, lang)),
    },
    caption: slide.rows ? slide.caption : undefined,
    columns: slide.columns && narrow(slide.columns),
    rows: slide.rows?.map((r) => ({
      label: r.label,
      value: r.value,
      // A growth of 0% still has its (empty) track: only a role without a figure has none.
      hasBar: r.share !== undefined,
      percent: r.share === undefined ? undefined : Math.round(r.share * 100),
      role: r.role,
    })),
    keyWords: false,
  };
  if (!slide.columns) return base;
  const short = narrow(slide.columns.map((col) => ({ ...col, html: keyWordsHtml(col.html) })));
  // A column without bold words keeps its text: there is nothing shorter to print that says the same.
  const shorter = short.some((col, i) => col.html !== base.columns?.[i]?.html);
  if (estimatedLines(base, box) <= linesIn(box)) return shorter ? { ...base, keyWordColumns: short } : base;
  return { ...base, columns: short, keyWords: shorter };
}

/** The bold key words of a column's HTML as one paragraph, or the HTML as it is when it has none. */
export function keyWordsHtml(html: string): string {
  const words = [...new Set([...html.matchAll(/<strong>(.*?)<\/strong>/gs)].map((m) => m[1]!.trim()))].filter(Boolean);
  // A no-break space before each dot: a line may end with one, never start with it.
  return words.length === 0 ? html : `<p class="key-words">${words.join('\u00a0· ')}</p>`;
}

function linesIn(box: TextCellBox): number {
  return Math.floor(box.height / (box.pt * LINE_EM * MM_PER_PT));
}

/** Letters across a width in millimetres at the box's size. */
function lettersIn(width: number, box: TextCellBox): number {
  return Math.max(8, Math.floor(width / (box.pt * LETTER_EM * MM_PER_PT)));
}

/** Lines of text the cell needs, estimated from its letters: each block of text wraps on its own. */
function estimatedLines(cell: TextCell, box: TextCellBox): number {
  const across = lettersIn(box.width, box);
  const wrap = (text: string, letters = across) => Math.max(1, Math.ceil(textUnits(text) / letters));
  let lines = 1.5 + wrap(cell.title);
  if (cell.cover) lines += 4;
  if (cell.html) lines += blocks(cell.html).reduce((sum, b) => sum + wrap(b), 0);
  if (cell.agenda) lines += Math.ceil(cell.agenda.length / 2);
  if (cell.facts)
    lines += cell.facts.reduce(
      (sum, f) => sum + wrap(`${f.title} ${f.parts.map((p) => `${p.head}: ${p.text}`).join('; ')}`),
      0,
    );
  if (cell.matrix) lines += 1 + cell.matrix.groups.reduce((sum, g) => sum + 1 + g.rows.length, 0);
  if (cell.rows) lines += 1 + cell.rows.length * 1.2;
  if (cell.columns) {
    const n = Math.min(cell.columns.length, COLUMNS_ACROSS);
    const letters = lettersIn((box.width - (n - 1) * 3) / n, box);
    const heights = cell.columns.map((col) => 1.5 + blocks(col.html).reduce((sum, b) => sum + wrap(b, letters), 0));
    for (let row = 0; row < heights.length; row += n) lines += Math.max(...heights.slice(row, row + n));
  }
  return lines;
}

function tableFacts(table: NonNullable<SlideView['table']>, end: string): TextCell['facts'] {
  return table.rows.map(([title = '', ...cells]) => {
    const parts = cells
      .map((text, i) => ({ head: table.head[i + 1] ?? '', text }))
      .filter((part) => part.text.trim() !== '' && part.text !== '–');
    return { title, parts: parts.map((part, i) => ({ ...part, end: i < parts.length - 1 ? end : '' })) };
  });
}

/** The text of each paragraph or list item of some HTML. */
function blocks(html: string): string[] {
  return html
    .split(/<\/(?:li|p|h\d|tr|blockquote)>/)
    .map(plain)
    .filter((text) => text.trim() !== '');
}

function plain(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&[a-z#0-9]+;/gi, 'x');
}
