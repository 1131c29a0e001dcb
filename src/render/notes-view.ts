import type { DeckView, SlideView } from './deck-view.js';
import { type BrandView, type ThemeView, themeView } from './themes.js';

export interface NotesView {
  lang: string;
  title: string;
  paper: string;
  /** Always light: the notes are for paper, whatever the deck's theme on screen. */
  theme: ThemeView;
  brand: BrandView;
  /** Every slide, in order, with its full notes. */
  slides: NotesSlide[];
}

export type NotesSlide = SlideView & {
  number: number;
  /** "Slide 3: Required skills (1/2)": the page heading and the PDF bookmark. */
  heading: string;
};

/** The presenter's notes document: every slide with all of its notes (the template never cuts them). */
export function notesView(deck: DeckView, paper: string): NotesView {
  const slides = deck.slides.map((slide, i) => ({
    ...slide,
    notes: slide.notes ?? [],
    number: i + 1,
    heading: `Slide ${i + 1}: ${slide.title}${slide.part ? ` (${slide.part})` : ''}`,
  }));
  return { lang: deck.lang, title: deck.title, paper, theme: themeView('light', deck.brand.accent), brand: deck.brand, slides };
}
