import type { Comparison } from '../compare/compare.js';
import type { PageKind } from '../model/outputs.js';
import type { DeckView } from './deck-view.js';
import { factsheetViews, type FactsheetView } from './factsheet-view.js';
import { handoutView, type HandoutView } from './handout-view.js';
import { notesView, type NotesView } from './notes-view.js';
import { reportView, type ReportView } from './report-view.js';

/** The view each PDF with a page of its own is drawn from (its template's data). */
export interface PageViews {
  report: ReportView;
  handout: HandoutView;
  notes: NotesView;
  factsheets: FactsheetView;
}

/** One page a PDF prints: one a role for the fact sheets. */
export interface RenderedPage {
  role?: string | undefined;
  html: string;
}

/** Draws a view with its kind's template (templates.ts). */
export type DrawPage = <K extends PageKind>(kind: K, view: PageViews[K]) => string;

/**
 * How each PDF's pages are made from the deck as drawn: its view through its template. Keyed by
 * every PageKind (model/outputs.ts), so a row of the table without its pages is a type error.
 */
export const PAGES: {
  readonly [K in PageKind]: (c: Comparison, deck: DeckView, draw: DrawPage) => RenderedPage[];
} = {
  report: (c, _deck, draw) => [{ html: draw('report', reportView(c)) }],
  handout: (c, deck, draw) => [
    { html: draw('handout', handoutView(deck, c.deck.paper, c.deck.handout.perPage, c.deck.file)) },
  ],
  notes: (c, deck, draw) => [{ html: draw('notes', notesView(deck, c.deck.paper)) }],
  factsheets: (c, _deck, draw) =>
    factsheetViews(c).map(({ slug, view }) => ({ role: slug, html: draw('factsheets', view) })),
};
