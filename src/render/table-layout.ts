/**
 * How a Markdown table fits the width it is given on a slide: at full size, in smaller type down
 * to MIN_TABLE_SCALE, or split by columns into several tables that each repeat the first column.
 * An estimate in Latin letters, like paginate.ts; the browser still measures the height.
 */
import type { TableBlock } from '../model/index.js';
import { plain } from './plain.js';
import { textUnits } from './text-width.js';

/** Table text on a slide, relative to the body text (24 px -> 19.2 px). */
export const TABLE_EM = 0.8;
/** The smallest type a table is drawn at before it is split: the deck's readable minimum (layout/slides.ts READABLE_ZOOM). */
export const MIN_TABLE_SCALE = 0.75;
/** A cell's text wraps, but not below this many letters a line, nor inside a word. */
const WRAP_AT = 12;
/** Cell padding (0.6em a side) and a margin for digits, wider than the average letter. */
const CELL_PAD = 3.5;
/** Table text is mostly figures and short words, wider than the average letter the slides count in. */
const DIGIT_WIDTH = 1.15;

export interface TablePart {
  /** Indexes of the columns this part shows, the first column always among them. */
  columns: number[];
  /** Type scale of this part, <= 1. */
  scale: number;
}

/** Letters a column needs: its longest word, and some room to wrap longer cells. */
export function columnNeeds(table: TableBlock): number[] {
  return table.head.map((head, j) => {
    const cells = [head, ...table.rows.map((r) => r.cells[j] ?? '')].map(plain);
    const need = Math.max(
      ...cells.map((cell) => {
        const longestWord = Math.max(0, ...cell.split(/\s+/).map(textUnits));
        return Math.max(longestWord, Math.min(textUnits(cell), WRAP_AT));
      }),
    );
    return need * DIGIT_WIDTH + CELL_PAD;
  });
}

/**
 * The parts a table is shown in when `chars` Latin letters of body text fit across: one part
 * (perhaps in smaller type) when it fits at MIN_TABLE_SCALE, else groups of columns that do.
 */
export function tableLayout(table: TableBlock, chars: number): TablePart[] {
  const needs = columnNeeds(table);
  const room = chars / TABLE_EM;
  const total = needs.reduce((a, b) => a + b, 0);
  const scaleFor = (need: number) => Math.min(1, Math.floor((room / need) * 20) / 20);
  if (scaleFor(total) >= MIN_TABLE_SCALE || needs.length <= 2) {
    return [{ columns: needs.map((_, j) => j), scale: Math.max(MIN_TABLE_SCALE, scaleFor(total)) }];
  }
  const first = needs[0] ?? 0;
  const parts: number[][] = [];
  let current: number[] = [];
  let used = first;
  needs.forEach((need, j) => {
    if (j === 0) return;
    if (current.length > 0 && (used + need) * MIN_TABLE_SCALE > room) {
      parts.push(current);
      current = [];
      used = first;
    }
    current.push(j);
    used += need;
  });
  if (current.length > 0) parts.push(current);
  return parts.map((cols) => {
    const columns = [0, ...cols];
    const need = columns.reduce((sum, j) => sum + (needs[j] ?? 0), 0);
    return { columns, scale: Math.max(MIN_TABLE_SCALE, scaleFor(need)) };
  });
}
