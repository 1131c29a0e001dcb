import type { Comparison } from '../compare/compare.js';
import { ContentError } from '../errors.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { deckView, type DeckView } from './deck-view.js';
import type { FitBudgets } from '../model/slide-budgets.js';
import { PAGE_KINDS, type PageKind } from '../model/outputs.js';
import { chooseFonts, drawnText, fontCss, FONTS_MARKER, type FontPlan } from './fonts.js';
import { deckLocale } from './locale.js';
import { PAGES, type RenderedPage } from './pages.js';
import type { Templates } from './templates.js';

export type { RenderedPage };

export interface RenderedDeck {
  /** The reveal.js presentation. */
  deck: string;
  /**
   * The pages of each PDF the deck's `outputs` list that has a page of its own (render/pages.ts):
   * the report, the handout, the notes, one fact sheet a role. The others are not rendered.
   */
  pages: { [K in PageKind]?: RenderedPage[] };
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
  // What the deck's settings list, not what this build prints: the fonts follow the pages
  // rendered, and must be the same whichever of the deck's outputs a build makes again.
  const wanted = PAGE_KINDS.filter((kind) => c.deck.outputs.includes(kind));
  const pages = Object.fromEntries(
    wanted.map((kind) => [kind, PAGES[kind](c, deck, templates.page)]),
  ) as RenderedDeck['pages'];
  const html = templates.deck(deck);
  // The fonts follow what the pages draw, labels and generated text included. A deck fitted
  // again (`fonts` given) keeps the fonts of its first rendering: the files printing serves. So
  // every label counts, drawn yet or not: a refit may split a slide and add "(see the previous
  // slide)", whose characters the first rendering never showed (a Chinese deck's would be boxes).
  const plan =
    fonts ??
    chooseFonts(
      drawnText([
        html,
        ...wanted.flatMap((kind) => (pages[kind] ?? []).map((page) => page.html)),
        Object.values(deck.labels).join(' '),
      ]),
      deckLocale(c.deck).fonts,
      templates.fonts,
    );
  const css = fontCss(plan);
  const withFonts = (html: string) => html.replace(FONTS_MARKER, () => css);
  return {
    deck: withFonts(html),
    pages: Object.fromEntries(
      wanted.map((kind) => [kind, (pages[kind] ?? []).map((page) => ({ ...page, html: withFonts(page.html) }))]),
    ),
    view: deck,
    slideCount: deck.slides.length,
    fonts: plan,
  };
}
