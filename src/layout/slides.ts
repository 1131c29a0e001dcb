import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../errors.js';
import type { DeckView } from '../render/deck-view.js';
import { defaultBudget, type FitBudgets, type Shrinkable } from '../model/slide-budgets.js';

/** A slide whose content is taller than the slide, as measured in the browser. */
export interface Overflow {
  /** Index of the slide in the deck, 0 for the title slide. */
  slide: number;
  /** Content height over available height, > 1. */
  ratio: number;
  /** Per column: whether that column alone is taller than the space it has. */
  columns: boolean[];
  /** The largest type scale (<= its current one) at which the whole slide fits; undefined if none >= SMALLEST_ZOOM does. */
  zoom?: number | undefined;
  /** Per column: the largest type scale at which that column fits. */
  columnZooms?: (number | undefined)[];
}

/**
 * Type scales, relative to the slide's design (24 px body text), that content which cannot be
 * split may be drawn at. Below READABLE_ZOOM (18 px body, 13.5 px table text) a warning names
 * the content; below SMALLEST_ZOOM nothing is tried: the content must be shortened.
 */
export const READABLE_ZOOM = 0.75;
export const SMALLEST_ZOOM = 0.4;

/** Measures every slide laid out by reveal's print view; returns those that overflow, with the type scale that would fit them. */
export async function measureSlides(page: Page): Promise<Overflow[]> {
  return page.$$eval(
    '.slide-body',
    (bodies, smallest) =>
      bodies.flatMap((body, slide) => {
        const main = body.querySelector<HTMLElement>('.slide-main');
        const columns = () => [...body.querySelectorAll('.column')];
        const bottom = () =>
          body.getBoundingClientRect().top + body.clientHeight - parseFloat(getComputedStyle(body).paddingBottom);
        // A column's rectangle is its content's (align-items: start), in the zoomed coordinates.
        const columnOver = (col: Element) => col.getBoundingClientRect().bottom > bottom() + 1;
        const tooTall = () =>
          body.scrollHeight > body.clientHeight + 1 ||
          body.scrollWidth > body.clientWidth + 1 ||
          (main !== null && main.getBoundingClientRect().bottom > bottom() + 1);
        const over = columns().map(columnOver);
        if (!tooTall() && !over.some(Boolean)) return [];
        const ratio = Math.max(body.scrollHeight / body.clientHeight, 1.05);
        if (!main) return [{ slide, ratio, columns: over }];
        // Try smaller type in steps, from the slide's current scale down, and keep what fits.
        const start = Number(main.style.zoom || 1);
        const original = main.style.zoom;
        let zoom: number | undefined;
        const columnZooms: (number | undefined)[] = over.map(() => undefined);
        for (let z = Math.floor(start * 20 - 1) / 20; z >= smallest - 1e-9; z = Math.round((z - 0.05) * 100) / 100) {
          main.style.zoom = String(z);
          columns().forEach((col, i) => {
            if (columnZooms[i] === undefined && !columnOver(col)) columnZooms[i] = z;
          });
          if (!tooTall() && !columns().some(columnOver)) {
            zoom = z;
            break;
          }
        }
        main.style.zoom = original;
        return [{ slide, ratio, columns: over, zoom, columnZooms }];
      }),
    SMALLEST_ZOOM,
  );
}

/**
 * Given what overflowed, tightens the budget of each section that did, so the next render splits
 * it over more slides. What cannot be split (a column holding one item, a table row, a slide that
 * is not split) is drawn at the type scale the browser found to fit instead. Only content too
 * large even at SMALLEST_ZOOM is a problem, naming the file and line to shorten.
 */
export function refit(
  view: DeckView,
  overflows: readonly Overflow[],
  budgets: FitBudgets,
): { budgets: Map<string, number>; problems: Diagnostic[] } {
  const next = new Map(budgets);
  const problems: Diagnostic[] = [];
  const shrink = (what: Shrinkable, zoom: number | undefined, where: string) => {
    if (zoom === undefined) {
      problems.push({
        file: what.file,
        line: what.line,
        message: `too much text for ${where}, even with its type at ${Math.round(SMALLEST_ZOOM * 100)}%; shorten it or split it into several items`,
      });
    } else {
      next.set(what.key, Math.min(zoom, next.get(what.key) ?? 1));
    }
  };
  for (const o of overflows) {
    const slide = view.slides[o.slide];
    const source = slide?.source;
    const where = `slide ${o.slide + 1} ("${slide?.title ?? ''}")`;
    if (!source) {
      problems.push({ file: 'content', message: `too much text for ${where}; shorten what this slide shows` });
      continue;
    }
    // Side-by-side columns are judged one by one; a table or a whole slide as one column.
    const columns = o.columns.length > 0 ? o.columns : [true];
    let tighten = false;
    columns.forEach((overflowing, i) => {
      const pieces = source.shrink[i] ?? [];
      if (!overflowing) return;
      const [only] = pieces;
      if (pieces.length === 1 && only) shrink(only, o.columns.length > 0 ? o.columnZooms?.[i] : o.zoom, where);
      else if (source.budget === 'fixed' || pieces.length === 0)
        shrink(
          source.shrink.flat()[0] ?? {
            key: `zoom:slide:${source.file}:${source.line}`,
            file: source.file,
            line: source.line,
          },
          o.zoom,
          where,
        );
      else tighten = true;
    });
    // Columns that fit on their own but not together (a grid row) split like the rest.
    if (!columns.some(Boolean)) tighten = source.budget !== 'fixed';
    if (tighten && source.budget !== 'fixed') {
      const current = next.get(source.budget) ?? defaultBudget(source.budget);
      next.set(source.budget, Math.max(1, Math.floor((current / o.ratio) * 10) / 10 - 0.5));
    }
  }
  return { budgets: next, problems };
}

/** One warning per piece of content that the fitted deck draws below the readable type size. */
export function shrinkWarnings(view: DeckView, budgets: FitBudgets): Diagnostic[] {
  return view.slides.flatMap((slide, index) =>
    (slide.source?.shrink.flat() ?? []).flatMap((what) => {
      const zoom = budgets.get(what.key);
      return zoom !== undefined && zoom < READABLE_ZOOM
        ? [
            {
              file: what.file,
              line: what.line,
              severity: 'warning' as const,
              message: `too much text for slide ${index + 1} ("${slide.title}"): its type is shrunk to ${Math.round(zoom * 100)}% to fit; shorten it or split it into several items`,
            },
          ]
        : [];
    }),
  );
}
