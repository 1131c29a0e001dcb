import type { TextDirection } from '../model/index.js';
import type { DeckView, SlideView } from './deck-view.js';
import { type BrandView, type ThemeView, themeView } from './themes.js';

export interface NotesView {
  lang: string;
  /** `<html dir>`: mirrors the layout for right-to-left languages (render/direction.ts). */
  dir: TextDirection;
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
  /** The earlier slide whose notes this one repeats (a section split over slides): printed once. */
  sameAs: number | undefined;
  /** "Slide 3: Required skills (1/2)": the page heading and the PDF bookmark. */
  heading: string;
};

/** The presenter's notes document: every slide with all of its notes (the template never cuts them). */
export function notesView(deck: DeckView, paper: string): NotesView {
  // The slides of a split section carry the same notes; the PDF prints them at their first slide.
  const firstWith = new Map<string, number>();
  const slides = deck.slides.map((slide, i) => {
    const notes = slide.notes ?? [];
    const key = notes.length > 0 ? `${slide.title}\n${JSON.stringify(notes)}` : '';
    const sameAs = key === '' ? undefined : firstWith.get(key);
    if (key !== '' && sameAs === undefined) firstWith.set(key, i + 1);
    return {
      ...slide,
      notes: sameAs === undefined ? notes : [],
      sameAs,
      number: i + 1,
      heading: `Slide ${i + 1}: ${slide.title}${slide.part ? ` (${slide.part})` : ''}`,
    };
  });
  return {
    lang: deck.lang,
    dir: deck.dir,
    title: deck.title,
    paper,
    theme: themeView('light', deck.brand.accent),
    brand: deck.brand,
    slides,
  };
}
