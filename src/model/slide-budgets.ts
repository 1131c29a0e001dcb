/**
 * What the render stage and the layout stage agree on about fitting slides. Render splits a long
 * section over slides by estimating lines against a budget; layout measures the laid-out slides
 * in the browser and hands back tighter budgets (or smaller type scales) for another render.
 */

/**
 * What the browser measured: lines per slide for budgets it found too generous, by
 * SlideSource.budget, and type scales (< 1) by Shrinkable.key for content that cannot be split.
 */
export type FitBudgets = ReadonlyMap<string, number>;

/** A piece of a slide that can be drawn smaller: its key in FitBudgets, and where it comes from. */
export interface Shrinkable {
  key: string;
  file: string;
  line: number;
}

/** Where a slide's content comes from, to split it again or to name it when it does not fit. */
export interface SlideSource {
  /** Which fitting budget the slide was split with: `section:<id>`, `overlap`, or `fixed`. */
  budget: string;
  file: string;
  line: number;
  /** For side-by-side slides: the file and the line of each piece, per column. */
  columns?: { file: string; lines: number[] }[];
  /**
   * Per column (one for a table or a fixed slide), what it shows that can be shrunk: a column
   * holding a single one of these that still overflows is shrunk instead of split.
   */
  shrink: Shrinkable[][];
}

/** Slide geometry (1280 x 720 at 24px body text, templates/deck/deck.css) as estimates for splitting. */
export const SLIDE_TEXT_WIDTH = 1152;
export const COLUMN_GAP = 40;
export const CHAR_WIDTH = 11.5;
/** Lines of a side-by-side column, and of a table, on one slide before anything is measured. */
export const COLUMN_LINES = 15.5;
export const TABLE_LINES = 21;
/** Letters across a prose slide (its text is at most 10.5 in of the 12.1 in body: deck.css). */
export const PROSE_CHARS = Math.floor(1008 / CHAR_WIDTH);
/** Matrix rows of one line each, at 1.25 a row with its gap: about 17 rows under the header. */
export const MATRIX_LINES = 21;

/** Lines per slide that a budget key starts from before any measurement. */
export function defaultBudget(key: string): number {
  return key === 'overlap' ? TABLE_LINES : key === 'overlap-matrix' ? MATRIX_LINES : COLUMN_LINES;
}
