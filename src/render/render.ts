import type { Comparison } from '../compare/compare.js';
import { ContentError } from '../errors.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { deckView, type FitBudgets, type DeckView } from './deck-view.js';
import { factsheetViews } from './factsheet-view.js';
import { handoutView } from './handout-view.js';
import { notesView } from './notes-view.js';
import { reportView } from './report-view.js';
import type { Templates } from './templates.js';

export interface RenderedDeck {
  /** The reveal.js presentation. */
  deck: string;
  /** The print template of the comparison report. */
  report: string;
  /** The print template of the audience handout: slides with lines to write on, N a page, no notes. */
  handout: string;
  /** The print template of the presenter's notes: every slide with its full notes. */
  notes: string;
  /** One fact sheet per role, by role slug. */
  factsheets: { slug: string; html: string }[];
  /** The slides as drawn, to name the content of a slide that does not fit. */
  view: DeckView;
  /** Slides in the deck, the title slide included. */
  slideCount: number;
}

export function renderDeck(
  c: Comparison,
  templates: Templates,
  budgets?: FitBudgets,
  maxSlides = DEFAULT_LIMITS.slides,
): RenderedDeck {
  const deck = deckView(c, budgets);
  // Counted before any template runs or page prints: a runaway deck stops here, not in Chromium.
  if (deck.slides.length > maxSlides) {
    throw new ContentError([
      {
        file: c.deck.file,
        line: 1,
        message: `this deck would have ${deck.slides.length} slides, over the limit of ${maxSlides}; compare fewer sections or roles, or shorten the longest sections`,
      },
    ]);
  }
  return {
    deck: templates.deck(deck),
    report: templates.report(reportView(c)),
    handout: templates.handout(handoutView(deck, c.deck.paper, c.deck.handout.perPage)),
    notes: templates.notes(notesView(deck, c.deck.paper)),
    factsheets: factsheetViews(c).map(({ slug, view }) => ({ slug, html: templates.factsheet(view) })),
    view: deck,
    slideCount: deck.slides.length,
  };
}
