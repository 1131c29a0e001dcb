import { groupSeparator } from './locale.js';
import type { Diagnostic } from '../errors.js';
import { paperMm } from '../model/paper.js';
import { fillLabel, type Labels } from '../model/labels.js';
import type { HandoutPerPage, TextDirection } from '../model/index.js';
import type { DeckView, SlideView } from './deck-view.js';
import { overflows, TEXT_CELLS, type TextCell, type TextCellBox, textCell } from './handout-cells.js';
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
  /** Slides printed as their key words, or too long for a cell even so: said, never silent. */
  warnings: Diagnostic[];
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
    text: box ? textCell(slide, box, groups) : undefined,
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
    warnings: box ? cellWarnings(slides, perPage, box, deckFile) : [],
  };
}

/** One warning for the slides printed as key words, one per slide too long for its cell even so. */
function cellWarnings(
  slides: readonly HandoutSlide[],
  perPage: HandoutPerPage,
  box: TextCellBox,
  deckFile: string,
): Diagnostic[] {
  // Where the slide's text starts: its first column's first piece (a role file's item), else the slide's source.
  const at = (s: HandoutSlide) => {
    const first = s.source?.columns?.[0];
    return first?.lines[0] !== undefined
      ? { file: first.file, line: first.lines[0] }
      : { file: s.source?.file ?? deckFile, line: s.source?.line ?? 1 };
  };
  const short = slides.filter((s) => s.text?.keyWords);
  const long = slides.filter((s) => s.text && overflows(s.text, box));
  return [
    ...(short.length > 0
      ? [
          {
            ...at(short[0]!),
            severity: 'warning' as const,
            message: `the handout (${perPage} a page) prints slide${short.length > 1 ? 's' : ''} ${short.map((s) => s.number).join(', ')} as ${short.length > 1 ? 'their' : 'its'} bold key words: the full text does not fit a cell at ${box.pt} pt (the report has it); choose fewer slides a page (handout: { perPage: ${perPage === 2 ? 1 : 2} }) for the full text`,
          },
        ]
      : []),
    ...long.map((s) => ({
      ...at(s),
      severity: 'warning' as const,
      message: `slide ${s.number} ("${s.title}") is too long for a handout cell at ${perPage} a page even as key words: its end may be cut; choose fewer slides a page or shorten the section`,
    })),
  ];
}
