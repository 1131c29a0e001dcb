/**
 * Splitting columns of items over slides by an estimate of the lines they take. The browser
 * measures the result afterwards (layout/slides.ts); this estimate only has to be close.
 */
import { textUnits } from './text-width.js';

/**
 * Lines a text takes when wrapped at `charsPerLine` Latin letters, breaking between words. A word
 * longer than a line (a German compound, a run of Chinese without spaces) is broken over lines,
 * as the templates' `overflow-wrap: anywhere` breaks it; an ideograph counts two letters.
 */
export function estimateLines(text: string, charsPerLine: number): number {
  const words = text.split(/\s+/).filter(Boolean);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const width = textUnits(word);
    const space = used > 0 ? 1 : 0;
    if (used + space + width <= charsPerLine) {
      used += space + width;
      continue;
    }
    if (used > 0) lines += 1;
    const more = Math.max(0, Math.ceil(width / charsPerLine) - 1);
    lines += more;
    used = width - more * charsPerLine;
  }
  return lines;
}

/** Greedy chunks of items whose estimated lines (plus a gap of `gap` lines each) fit the budget. */
export function chunkByLines<T>(items: readonly T[], lines: (item: T) => number, budget: number, gap = 0.25): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const need = lines(item) + gap;
    if (current.length > 0 && used + need > budget) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += need;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Splits every column with the same budget; all columns advance together, page k shows chunk k of each. */
export function paginateColumns<T>(
  columns: readonly (readonly T[])[],
  lines: (item: T) => number,
  budget: number,
): T[][][] {
  const chunked = columns.map((items) => chunkByLines(items, lines, budget));
  const pages = Math.max(1, ...chunked.map((c) => c.length));
  return Array.from({ length: pages }, (_, page) => chunked.map((c) => c[page] ?? []));
}
