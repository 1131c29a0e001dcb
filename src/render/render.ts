import type { Comparison } from '../compare/compare.js';
import { deckView } from './deck-view.js';
import { handoutView } from './handout-view.js';
import { reportView } from './report-view.js';
import type { Templates } from './templates.js';

export interface RenderedDeck {
  slug: string;
  /** The reveal.js presentation. */
  deck: string;
  /** The print template of the comparison report. */
  report: string;
  /** The print template of the handout: slides with their notes, three a page. */
  handout: string;
  /** Slides in the deck, the title slide included. */
  slideCount: number;
}

export function renderDeck(c: Comparison, templates: Templates): RenderedDeck {
  const deck = deckView(c);
  return {
    slug: c.deck.slug,
    deck: templates.deck(deck),
    report: templates.report(reportView(c)),
    handout: templates.handout(handoutView(deck, c.deck.paper)),
    slideCount: deck.slides.length,
  };
}
