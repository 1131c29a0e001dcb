import { groupSeparator } from './locale.js';
import { paperMm } from '../model/paper.js';
import { fillLabel, type Labels } from '../model/labels.js';
import type { HandoutPerPage, TextDirection } from '../model/index.js';
import type { DeckView, SlideView } from './deck-view.js';
import { TEXT_CELLS, type TextCell, type TextCellBox, textCell } from './handout-cells.js';
import { pageNumbers } from './page-numbers.js';
import type { QrView } from './qr.js';
import { type BrandView, type ThemeView, themeView } from './themes.js';

/** handout.css's @page margins, top and bottom (14 mm and 16 mm). */
const PAGE_MARGINS_MM = 30;

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
  /** The page's content height (the paper's less handout.css's @page margins), which the rows share. */
  pageHeightMm: number;
  /** Slides a page: picks the page layout in handout.css (`per-N`). */
  perPage: HandoutPerPage;
  /** Always light: the handout is for paper, whatever the deck's theme on screen. */
  theme: ThemeView;
  brand: BrandView;
  /** Slides grouped by printed page. The audience's handout shows no speaker notes. */
  pages: HandoutSlide[][];
  /** The text cells' box and type size (handout-cells.ts), or none when the slides print as pictures. */
  textBox: TextCellBox | undefined;
}

/** A slide as the handout draws it: the slide itself, never its notes. */
export type HandoutSlide = Omit<SlideView, 'notes'> & {
  number: number;
  /** "Slide 3 · Your notes", above the lines to write on. */
  notesLabel: string;
  /** The deck's QR code at print size, in the first slide's notes column: a thumbnail's is too small to scan. */
  printQr: QrView | undefined;
  /** The slide as text, where a picture of it would print its text under 7 pt. */
  text: TextCell | undefined;
};

export function handoutView(
  deck: DeckView,
  paper: string,
  perPage: HandoutPerPage = SLIDES_PER_HANDOUT_PAGE,
  /** The deck's file, named by a warning about a slide that has no source of its own (the title slide). */
  deckFile = '',
): HandoutView {
  const box = TEXT_CELLS[perPage];
  const groups = groupSeparator(deck.lang);
  // The notes are dropped here, not only left out by the template: they are for the presenter.
  const slides = deck.slides.map(({ notes: _notes, ...slide }, i) => ({
    ...slide,
    number: i + 1,
    notesLabel: fillLabel(deck.labels.handoutNotes, { number: i + 1 }),
    printQr: i === 0 ? deck.slides.find((s) => s.qr)?.qr : undefined,
    text: box
      ? { ...textCell(slide, box, deck.lang, groups), number: i + 1, source: textSource(slide, deckFile) }
      : undefined,
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
    pageHeightMm: Math.floor((paperMm(paper).height - PAGE_MARGINS_MM - 1) * 10) / 10,
    perPage,
    theme: themeView('light', deck.brand.accent),
    brand: deck.brand,
    pages,
    textBox: box,
  };
}

/**
 * Where a slide's text starts, for the warnings about its cell (layout/handout.ts): its first
 * column's first piece (a role file's item), else the slide's own source, else the deck's file.
 */
function textSource(slide: SlideView, deckFile: string): { file: string; line: number } {
  const first = slide.source?.columns?.[0];
  return first?.lines[0] !== undefined
    ? { file: first.file, line: first.lines[0] }
    : { file: slide.source?.file ?? deckFile, line: slide.source?.line ?? 1 };
}
