import { describe, expect, it } from 'vitest';
import { chunkByLines, estimateLines, paginateColumns } from '../../../src/render/paginate.js';

describe('estimateLines', () => {
  it('counts an empty or short text as one line', () => {
    expect(estimateLines('', 10)).toBe(1);
    expect(estimateLines('hello', 10)).toBe(1);
    expect(estimateLines('aaaa bbbbb', 10)).toBe(1);
  });

  it('wraps at word boundaries', () => {
    expect(estimateLines('aaaa bbbbbb', 10)).toBe(2);
    expect(estimateLines('aaaa bbbb cccc', 10)).toBe(2);
    expect(estimateLines('aa bb cc dd ee ff gg hh ii jj', 5)).toBe(5);
  });

  it('breaks an overlong word over lines, as the slide does, and goes on after it', () => {
    expect(estimateLines('x'.repeat(25), 10)).toBe(3);
    expect(estimateLines(`${'x'.repeat(25)} y`, 10)).toBe(3);
    expect(estimateLines(`y ${'x'.repeat(25)}`, 10)).toBe(4);
  });

  it('counts Chinese without spaces by its width, an ideograph as two letters', () => {
    expect(estimateLines('职'.repeat(20), 10)).toBe(4);
  });

  it('treats runs of whitespace and newlines as one space', () => {
    expect(estimateLines('aaaa   \n\n  bbbb', 10)).toBe(1);
  });
});

describe('chunkByLines', () => {
  const size = (n: number) => n;

  it('keeps items together while they fit the budget, with a gap per item', () => {
    expect(chunkByLines([1, 1, 1, 1], size, 4)).toEqual([[1, 1, 1], [1]]);
    expect(chunkByLines([1, 1, 1, 1], size, 4, 0)).toEqual([[1, 1, 1, 1]]);
  });

  it('gives an oversized item a chunk of its own', () => {
    expect(chunkByLines([1, 2, 10, 1], size, 5)).toEqual([[1, 2], [10], [1]]);
    expect(chunkByLines([10], size, 5)).toEqual([[10]]);
  });

  it('returns no chunks for no items', () => {
    expect(chunkByLines([], size, 5)).toEqual([]);
  });

  it('keeps every item exactly once, in order', () => {
    const items = Array.from({ length: 40 }, (_, i) => (i % 7) + 1);
    const chunks = chunkByLines(items, size, 9);
    expect(chunks.flat()).toEqual(items);
    for (const chunk of chunks) {
      if (chunk.length > 1) expect(chunk.reduce((sum, n) => sum + n + 0.25, 0)).toBeLessThanOrEqual(9);
    }
  });
});

describe('paginateColumns', () => {
  it('pads every column to the same number of pages', () => {
    const pages = paginateColumns([[1, 1, 1, 1, 1, 1], [2], []], (n: number) => n, 3);
    expect(pages).toEqual([
      [[1, 1], [2], []],
      [[1, 1], [], []],
      [[1, 1], [], []],
    ]);
  });

  it('gives one page of empty columns when nothing is there', () => {
    expect(paginateColumns([[], []], (n: number) => n, 3)).toEqual([[[], []]]);
  });

  it('gives a single oversized item its own page', () => {
    expect(paginateColumns([[1, 50, 1]], (n: number) => n, 10)).toEqual([[[1]], [[50]], [[1]]]);
  });
});
