import type { Page } from 'puppeteer-core';
import { ContentError, type Diagnostic } from '../errors.js';
import type { FitBudgets } from '../model/slide-budgets.js';
import type { RenderedDeck } from '../render/render.js';
import { measureSlides, type Overflow, refit, shrinkWarnings } from './slides.js';

/**
 * Budgets only shrink and type scales only fall, so fitting converges; the bound is a safety
 * net that the contents of issue 11 (25-item sections, 6 roles) stay well inside.
 */
export const MAX_FIT_ROUNDS = 8;

export interface SlideFitting<Made> {
  /** The deck as first rendered, with the budgets estimated from its text. */
  first: RenderedDeck;
  /** The deck's file: what a problem names when a slide has no source of its own. */
  deckFile: string;
  /** Names the timings (the slides PDF's file name), so that several decks' rounds stay apart. */
  label: string;
  /**
   * Lays out the latest rendering's slides in a browser page and runs `work` there (the emit
   * stage owns pages, sites and timeouts; `round` counts from 1, for its timings).
   */
  inPage: <T>(round: number, work: (page: Page) => Promise<T>) => Promise<T>;
  /** The render stage again with tighter budgets; the caller serves the new rendering from then on. */
  rerender: (budgets: FitBudgets) => RenderedDeck;
  /** Runs on the page once every slide fits, while it is still laid out (the slides PDF prints here). */
  whenFits?: ((page: Page) => Promise<Made>) | undefined;
  /** What overflows on a laid-out page (measureSlides; a test gives its own). */
  measure?: ((page: Page) => Promise<Overflow[]>) | undefined;
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
  deckFile,
  label,
  inPage,
  rerender,
  whenFits,
  measure = measureSlides,
}: SlideFitting<Made>): Promise<FittedSlides<Made>> {
  let rendered = first;
  let budgets: FitBudgets = new Map();
  let last: Overflow[] = [];
  for (let round = 1; round <= MAX_FIT_ROUNDS; round++) {
    const outcome = await inPage(round, async (page) => {
      const m = performance.now();
      const overflows = await measure(page);
      performance.measure(`${label}: measure slides (fit round ${round})`, { start: m });
      if (overflows.length > 0) return { overflows };
      return { overflows, made: whenFits ? await whenFits(page) : undefined };
    });
    if (outcome.overflows.length === 0)
      return { rendered, budgets, made: outcome.made, warnings: shrinkWarnings(rendered.view, budgets) };
    last = outcome.overflows;
    const next = refit(rendered.view, outcome.overflows, budgets);
    if (next.problems.length > 0) throw new ContentError(next.problems);
    // After the last round nothing is measured again: the problems name the slides as measured.
    if (round === MAX_FIT_ROUNDS) break;
    budgets = next.budgets;
    rendered = rerender(budgets);
  }
  // Name where each slide that still overflows comes from, not just the deck.
  throw new ContentError(
    last.map(({ slide }) => {
      const s = rendered.view.slides[slide];
      return {
        file: s?.source?.file ?? deckFile,
        line: s?.source?.line,
        message: `slide ${slide + 1} ("${s?.title ?? ''}") still overflows after ${MAX_FIT_ROUNDS} attempts to split it; shorten this section`,
      };
    }),
  );
}
