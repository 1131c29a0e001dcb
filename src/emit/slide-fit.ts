import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../errors.js';
import { type DeckView, defaultBudget, type FitBudgets } from '../render/deck-view.js';

/** A slide whose content is taller than the slide, as measured in the browser. */
export interface Overflow {
  /** Index of the slide in the deck, 0 for the title slide. */
  slide: number;
  /** Content height over available height, > 1. */
  ratio: number;
  /** Per column: whether that column alone is taller than the space it has. */
  columns: boolean[];
}

/** Measures every slide laid out by reveal's print view; returns those that overflow. */
export async function measureSlides(page: Page): Promise<Overflow[]> {
  return page.$$eval('.slide-body', (bodies) =>
    bodies.flatMap((body, slide) => {
      const bottom = body.getBoundingClientRect().top + body.clientHeight - parseFloat(getComputedStyle(body).paddingBottom);
      const tooTall = body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1;
      const columns = [...body.querySelectorAll('.column')].map((col) => col.getBoundingClientRect().top + col.scrollHeight > bottom + 1);
      return tooTall || columns.some(Boolean) ? [{ slide, ratio: Math.max(body.scrollHeight / body.clientHeight, 1.05), columns }] : [];
    }),
  );
}

/**
 * Given what overflowed, tightens the budget of each section that did, so the next render splits
 * it over more slides. A column holding one piece that alone does not fit cannot be split: that
 * is a content error naming the file, the line and the slide.
 */
export function refit(view: DeckView, overflows: readonly Overflow[], budgets: FitBudgets): { budgets: Map<string, number>; problems: Diagnostic[] } {
  const next = new Map(budgets);
  const problems: Diagnostic[] = [];
  for (const o of overflows) {
    const slide = view.slides[o.slide];
    const source = slide?.source;
    const where = `slide ${o.slide + 1} ("${slide?.title ?? ''}")`;
    if (!source || source.budget === 'fixed') {
      problems.push({ file: source?.file ?? 'content', line: source?.line, message: `too much text for ${where}; shorten what this slide shows` });
      continue;
    }
    const single = source.columns?.findIndex((col, i) => o.columns[i] && col.lines.length === 1) ?? -1;
    const lonely = single >= 0 ? source.columns?.[single] : undefined;
    if (lonely) {
      problems.push({ file: lonely.file, line: lonely.lines[0], message: `this item alone does not fit on ${where}; shorten it or split it into several items` });
      continue;
    }
    const current = next.get(source.budget) ?? defaultBudget(source.budget);
    next.set(source.budget, Math.max(1, Math.floor((current / o.ratio) * 10) / 10 - 0.5));
  }
  return { budgets: next, problems };
}
