/**
 * Splitting columns of items over slides by an estimate of the lines they take. The browser
 * measures the result afterwards (emit/slide-fit.ts); this estimate only has to be close.
 */

/** Lines a text takes when wrapped at `charsPerLine`, breaking between words. */
export function estimateLines(text: string, charsPerLine: number): number {
  const words = text.split(/\s+/).filter(Boolean);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const length = word.length + (used > 0 ? 1 : 0);
    if (used + length > charsPerLine && used > 0) {
      lines += 1;
      used = word.length;
    } else {
      used += length;
    }
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
