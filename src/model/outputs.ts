import type { LabelKey } from './labels.js';

/** The PDFs a deck can have; index.html is always written. */
export const PDF_KINDS = ['report', 'slides', 'handout', 'notes', 'factsheets'] as const;
export type PdfKind = (typeof PDF_KINDS)[number];

/** The PDFs printed from a page of their own; the slides PDF prints the deck (index.html). */
export type PageKind = Exclude<PdfKind, 'slides'>;

/** Outputs made beside the PDFs: an editable PowerPoint, the deck in one HTML file, one PNG a slide (on demand). */
export const REACH_KINDS = ['pptx', 'html', 'images'] as const;
export type ReachKind = (typeof REACH_KINDS)[number];
export const isReachKind = (kind: string): kind is ReachKind => (REACH_KINDS as readonly string[]).includes(kind);

/** What a deck's `outputs` may list. */
export const OUTPUT_KINDS = [...PDF_KINDS, ...REACH_KINDS] as const;
export type OutputChoice = PdfKind | ReachKind;

/** What a deck makes when neither it nor the config file lists `outputs`: all but the slide images. */
export const DEFAULT_OUTPUTS: readonly OutputChoice[] = OUTPUT_KINDS.filter((kind) => kind !== 'images');

/** One row of the table of outputs: plain data that every stage reads (none of it is code). */
export interface OutputRow {
  /** Its file in the deck folder; `{deck}` and `{role}` are the slugs (names.ts). */
  file: string;
  /** One file a role (the fact sheets), `{role}` in `file`. */
  perRole: boolean;
  /**
   * The template folders it is drawn from: an output's key changes with these (incremental/plan.ts).
   * A PDF with a page of its own has its template first (`templates/<folder>/<folder>.hbs`).
   */
  templates: readonly string[];
  /**
   * What it needs of the browser: `print` a page as it is; `fitted`, the deck as fitted in the
   * browser (it draws the slides, so it waits for fitting, emit/print-deck.ts); `pictures`, the
   * fitted deck drawn into pictures or another format.
   */
  browser: 'print' | 'fitted' | 'pictures';
  /** Its page prints running page numbers in the deck's words (and mirrors them right to left). */
  pageNumbers: boolean;
  /** The PDF's title (what a viewer shows), filled with `{title}` (the deck's) or `{role}`. */
  titleLabel?: LabelKey;
  /**
   * What the room (`present`) does with it: offers it to attendees to take home (`rank` orders the
   * list on their phones, `label` names it there), or never serves it (what carries the speaker's
   * notes: the notes PDF, the PowerPoint, the one-file deck).
   */
  room?: { takeHome: { rank: number; label: LabelKey } } | { never: true };
}

/**
 * Every output a deck can have, one row each. A new PDF is one row here, one view and one
 * template; the stages' registries keyed by kind (render/pages.ts, emit/jobs.ts) make forgetting
 * one a type error.
 */
export const OUTPUTS: { readonly [K in OutputChoice]: OutputRow } = {
  report: {
    file: '{deck}-report.pdf',
    perRole: false,
    templates: ['report'],
    browser: 'print',
    pageNumbers: true,
    titleLabel: 'reportTitle',
    room: { takeHome: { rank: 2, label: 'roomReport' } },
  },
  slides: {
    file: '{deck}-slides.pdf',
    perRole: false,
    templates: ['deck'],
    browser: 'fitted',
    pageNumbers: false,
    titleLabel: 'slidesTitle',
    room: { takeHome: { rank: 3, label: 'roomSlides' } },
  },
  handout: {
    file: '{deck}-handout.pdf',
    perRole: false,
    templates: ['handout', 'deck'],
    browser: 'fitted',
    pageNumbers: true,
    titleLabel: 'handoutTitle',
    room: { takeHome: { rank: 1, label: 'roomHandout' } },
  },
  notes: {
    file: '{deck}-notes.pdf',
    perRole: false,
    templates: ['notes', 'deck'],
    browser: 'fitted',
    pageNumbers: true,
    titleLabel: 'notesTitle',
    room: { never: true },
  },
  factsheets: {
    file: '{deck}-{role}-factsheet.pdf',
    perRole: true,
    templates: ['factsheet'],
    browser: 'print',
    pageNumbers: false,
    titleLabel: 'factsheetTitle',
    room: { takeHome: { rank: 4, label: 'roomFactSheet' } },
  },
  // Made from the deck as fitted in the browser, so the deck's templates count.
  pptx: {
    file: '{deck}.pptx',
    perRole: false,
    templates: ['deck'],
    browser: 'pictures',
    pageNumbers: false,
    // It carries the speaker notes.
    room: { never: true },
  },
  html: {
    file: '{deck}.html',
    perRole: false,
    templates: ['deck'],
    browser: 'pictures',
    pageNumbers: false,
    // It carries the speaker notes.
    room: { never: true },
  },
  // Known by its thumbnail: the slides' PNGs are written beside it (emit/write-decks.ts).
  images: {
    file: 'images/thumbnail.png',
    perRole: false,
    templates: ['deck'],
    browser: 'pictures',
    pageNumbers: false,
  },
};

/** The PDFs with a page (and a template) of their own, in the table's order. */
export const PAGE_KINDS = PDF_KINDS.filter((kind): kind is PageKind => kind !== 'slides');
