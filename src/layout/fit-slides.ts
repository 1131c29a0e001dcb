import type { Page } from 'puppeteer-core';
import { ContentError, type Diagnostic } from '../errors.js';
import type { FitBudgets } from '../model/slide-budgets.js';
import type { RenderedDeck } from '../render/render.js';
import { measureSlides, refit, shrinkWarnings } from './slides.js';

/**
 * Budgets only shrink and type scales only fall, so fitting converges; the bound is a safety
 * net that the contents of issue 11 (25-item sections, 6 roles) stay well inside.
 */
export const MAX_FIT_ROUNDS = 8;

export interface SlideFitting<Made> {
  /** The deck as first rendered, with the budgets estimated from its text. */
  first: RenderedDeck;
  /**
   * Lays out the latest rendering's slides in a browser page and runs `work` there (the emit
   * stage owns pages, sites and timeouts; `round` counts from 1, for its timings).
   */
  inPage: <T>(round: number, work: (page: Page) => Promise<T>) => Promise<T>;
  /** The render stage again with tighter budgets; the caller serves the new rendering from then on. */
  rerender: (budgets: FitBudgets) => RenderedDeck;
  /** Runs on the page once every slide fits, while it is still laid out (the slides PDF prints here). */
  whenFits?: ((page: Page) => Promise<Made>) | undefined;
}

export interface FittedSlides<Made> {
  /** The rendering whose slides all fit: index.html, the handout and the notes draw this one. */
  rendered: RenderedDeck;
  budgets: FitBudgets;
  /** What `whenFits` made on the fitting page. */
  made?: Made | undefined;
  /** Content drawn below the readable type size. */
  warnings: Diagnostic[];
}

/**
 * Fits the slides: measures every slide in the browser; a section that overflows is split over
 * more slides and the deck rendered again, content that cannot be split is drawn in smaller type.
 * Fails, naming each slide's file and line, only for content too large even at the smallest type
 * or still overflowing after MAX_FIT_ROUNDS.
 */
export async function fitSlides<Made>({
  first,
  inPage,
  rerender,
  whenFits,
}: SlideFitting<Made>): Promise<FittedSlides<Made>> {
  let rendered = first;
  let budgets: FitBudgets = new Map();
  let last: { slide: number }[] = [];
  for (let round = 1; round <= MAX_FIT_ROUNDS; round++) {
    const outcome = await inPage(round, async (page) => {
      const m = performance.now();
      const overflows = await measureSlides(page);
      performance.measure(`slides: measure slides (fit round ${round})`, { start: m });
      if (overflows.length > 0) return { overflows };
      return { overflows, made: whenFits ? await whenFits(page) : undefined };
    });
    if (outcome.overflows.length === 0)
      return { rendered, budgets, made: outcome.made, warnings: shrinkWarnings(rendered.view, budgets) };
    last = outcome.overflows;
    const next = refit(rendered.view, outcome.overflows, budgets);
    if (next.problems.length > 0) throw new ContentError(next.problems);
    budgets = next.budgets;
    rendered = rerender(budgets);
  }
  // Name where each slide that still overflows comes from, not just the deck.
  throw new ContentError(
    last.map(({ slide }) => {
      const s = rendered.view.slides[slide];
      return {
        file: s?.source?.file ?? first.view.slides[0]?.source?.file ?? 'content',
        line: s?.source?.line,
        message: `slide ${slide + 1} ("${s?.title ?? ''}") still overflows after ${MAX_FIT_ROUNDS} attempts to split it; shorten this section`,
      };
    }),
  );
}
