import { fillLabel, type Labels } from '../model/labels.js';
import type { TextDirection } from '../model/index.js';
import type { DeckView, SlideView } from './deck-view.js';
import { pageNumbers } from './page-numbers.js';
import { type BrandView, type ThemeView, themeView } from './themes.js';

export interface NotesView {
  lang: string;
  labels: Labels;
  /** The running footer's "Page 1 of 8" as a CSS `content` value, from the labels. */
  pageNumbers: string;
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
  /** "Same notes as slide 2, ...": what the page says instead of repeating them. */
  sameAsText: string | undefined;
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
      sameAsText: sameAs === undefined ? undefined : fillLabel(deck.labels.sameNotesAs, { number: sameAs }),
      number: i + 1,
      heading: fillLabel(deck.labels.notesHeading, {
        number: i + 1,
        title: `${slide.title}${slide.part ? `\u00a0(${slide.part})` : ''}`,
      }),
    };
  });
  return {
    lang: deck.lang,
    labels: deck.labels,
    pageNumbers: pageNumbers(deck.labels),
    dir: deck.dir,
    title: deck.title,
    paper,
    theme: themeView('light', deck.brand.accent),
    brand: deck.brand,
    slides,
  };
}
