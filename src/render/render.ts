import type { Comparison } from '../compare/compare.js';
import { ContentError } from '../errors.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { deckView, type FitBudgets, type DeckView } from './deck-view.js';
import { factsheetViews } from './factsheet-view.js';
import { chooseFonts, drawnText, fontCss, FONTS_MARKER, type FontPlan } from './fonts.js';
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
  /** The fonts every output of the deck loads: the subsets its text needs, copied beside it. */
  fonts: FontPlan;
}

export function renderDeck(
  c: Comparison,
  templates: Templates,
  budgets?: FitBudgets,
  maxSlides = DEFAULT_LIMITS.slides,
  fonts?: FontPlan,
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
  const handout = handoutView(deck, c.deck.paper, c.deck.handout.perPage, c.deck.file);
  const pages = {
    deck: templates.deck(deck),
    report: templates.report(reportView(c)),
    handout: templates.handout(handout),
    notes: templates.notes(notesView(deck, c.deck.paper)),
    factsheets: factsheetViews(c).map(({ slug, view }) => ({ slug, html: templates.factsheet(view) })),
  };
  // The fonts follow what the pages draw, labels and generated text included. A deck fitted
  // again (`fonts` given) keeps the fonts of its first rendering: the files printing serves. So
  // every label counts, drawn yet or not: a refit may split a slide and add "(see the previous
  // slide)", whose characters the first rendering never showed (a Chinese deck's would be boxes).
  const plan =
    fonts ??
    chooseFonts(
      drawnText([
        pages.deck,
        pages.report,
        pages.handout,
        pages.notes,
        ...pages.factsheets.map((f) => f.html),
        Object.values(deck.labels).join(' '),
      ]),
      c.deck.lang,
      templates.fonts,
    );
  const css = fontCss(plan);
  const withFonts = (html: string) => html.replace(FONTS_MARKER, () => css);
  return {
    deck: withFonts(pages.deck),
    report: withFonts(pages.report),
    handout: withFonts(pages.handout),
    notes: withFonts(pages.notes),
    factsheets: pages.factsheets.map(({ slug, html }) => ({ slug, html: withFonts(html) })),
    view: deck,
    slideCount: deck.slides.length,
    fonts: plan,
  };
}
