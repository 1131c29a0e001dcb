import { fillLabel, type Labels } from '../model/labels.js';
import type { HandoutPerPage, TextDirection } from '../model/index.js';
import type { DeckView, SlideView } from './deck-view.js';
import { pageNumbers } from './page-numbers.js';
import type { QrView } from './qr.js';
import { type BrandView, type ThemeView, themeView } from './themes.js';

/** Slides a handout page shows when neither the deck nor the config file says. */
export const SLIDES_PER_HANDOUT_PAGE: HandoutPerPage = 3;

export interface HandoutView {
  lang: string;
  labels: Labels;
  /** The running footer's "Page 1 of 8" as a CSS `content` value, from the labels. */
  pageNumbers: string;
  /** `<html dir>`: mirrors the layout for right-to-left languages (render/direction.ts). */
  dir: TextDirection;
  title: string;
  paper: string;
  /** Slides a page: picks the page layout in handout.css (`per-N`). */
  perPage: HandoutPerPage;
  /** Always light: the handout is for paper, whatever the deck's theme on screen. */
  theme: ThemeView;
  brand: BrandView;
  /** Slides grouped by printed page. The audience's handout shows no speaker notes. */
  pages: HandoutSlide[][];
}

/** A slide as the handout draws it: the slide itself, never its notes. */
export type HandoutSlide = Omit<SlideView, 'notes'> & {
  number: number;
  /** "Slide 3 · Your notes", above the lines to write on. */
  notesLabel: string;
  /** The deck's QR code at print size, in the first slide's notes column: a thumbnail's is too small to scan. */
  printQr: QrView | undefined;
};

export function handoutView(
  deck: DeckView,
  paper: string,
  perPage: HandoutPerPage = SLIDES_PER_HANDOUT_PAGE,
): HandoutView {
  // The notes are dropped here, not only left out by the template: they are for the presenter.
  const slides = deck.slides.map(({ notes: _notes, ...slide }, i) => ({
    ...slide,
    number: i + 1,
    notesLabel: fillLabel(deck.labels.handoutNotes, { number: i + 1 }),
    printQr: i === 0 ? deck.slides.find((s) => s.qr)?.qr : undefined,
  }));
  const pages: HandoutSlide[][] = [];
  for (let i = 0; i < slides.length; i += perPage) pages.push(slides.slice(i, i + perPage));
  return {
    lang: deck.lang,
    labels: deck.labels,
    pageNumbers: pageNumbers(deck.labels),
    dir: deck.dir,
    title: deck.title,
    paper,
    perPage,
    theme: themeView('light', deck.brand.accent),
    brand: deck.brand,
    pages,
  };
}
