import type { LabelOverrides } from './labels.js';
import type { Diagnostic } from '../errors.js';
import type { OutputChoice } from './outputs.js';

/** The typed content model: what validation guarantees to every later stage. */

export interface Keyword {
  /** As written in the content, e.g. "Scikit-learn". */
  label: string;
  /** Case and spelling variants folded, e.g. "scikit learn": what comparison matches on. */
  key: string;
}

/** An image a content file shows: a file inside the content folder, copied beside the outputs. */
export interface ImageUse {
  /** As written in the Markdown. */
  src: string;
  /** Absolute path of the image file. */
  path: string;
  /** Where the outputs load it from, relative to the deck folder. */
  asset: string;
  /** The content file and line that show it. */
  file: string;
  line: number;
}

export interface ListItem {
  /** Inline Markdown of the item's own text (its nested list is `children`), rendered later. */
  markdown: string;
  /** The item's bold terms, and those of its nested items. */
  keywords: Keyword[];
  images: ImageUse[];
  line: number;
  /** A task-list item (`- [x]`, `- [ ]`): whether it is ticked; undefined for a plain item. */
  checked?: boolean | undefined;
  /** A list nested under the item (up to three levels in all). */
  children?: ListBlock | undefined;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** The number the author gave the first item (`3.` -> 3); 1 for a bulleted list. */
  start: number;
  items: ListItem[];
  line: number;
}

/** A cell's column alignment, as the table's `|:-|-:|` row says. */
export type CellAlign = 'left' | 'center' | 'right' | null;

/** A GitHub-flavoured table: cells are inline Markdown, rendered later. */
export interface TableBlock {
  kind: 'table';
  head: string[];
  align: CellAlign[];
  rows: { cells: string[]; line: number }[];
  images: ImageUse[];
  line: number;
}

export type Block =
  | { kind: 'paragraph'; markdown: string; images: ImageUse[]; line: number }
  | ListBlock
  | TableBlock
  /** A quotation (`> ...`), its last `> — Name` line as the attribution. */
  | { kind: 'quote'; markdown: string; attribution?: string | undefined; images: ImageUse[]; line: number }
  /** A fenced or indented code block, shown as written. */
  | { kind: 'code'; text: string; line: number };

export interface Section {
  /** Slug of the heading: `## Required skills` -> `required-skills`. */
  id: string;
  title: string;
  line: number;
  blocks: Block[];
  /** Speaker notes: the `Note:` paragraph and all after it, as Markdown. */
  notes: string[];
  /** A deck's `## Poll: <question>`: its options, or one per role of the deck (`options: roles`). */
  poll?: { question: string; options: string[] | 'roles' } | undefined;
  /** A deck section's planned minutes (`## Introduction {time=5m}`), for the room's pacing. */
  minutes?: number | undefined;
}

export interface Outlook {
  /** Projected employment growth in percent. */
  growth: number;
  period?: string | undefined;
  /** The date the figure stands for ("2024", "2024-05"): a period's alternative. */
  asOf?: string | undefined;
  group?: string | undefined;
  source?: string | undefined;
}

/** Median annual pay as published: an amount in its own currency, never converted. */
export interface Pay {
  amount: number;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  /** The year the figure is for. */
  year: number;
  area?: string | undefined;
  asOf?: string | undefined;
  source?: string | undefined;
}

export interface Role {
  slug: string;
  file: string;
  title: string;
  short: string;
  summary?: string | undefined;
  outlook?: Outlook | undefined;
  pay?: Pay | undefined;
  /** SOC / O*NET-SOC code, e.g. "15-2051.00": ties the role to O*NET and the BLS projections. */
  soc?: string | undefined;
  /** ESCO occupation: an ISCO-08 code or a concept URI. */
  esco?: string | undefined;
  /** The role's own sources (an imported draft's database and attribution). */
  sources?: SourceRef[] | undefined;
  sections: Section[];
}

export interface SourceRef {
  title: string;
  publisher?: string | undefined;
  date?: string | undefined;
  url?: string | undefined;
  /** The licence, and the attribution it asks for (O*NET: CC BY 4.0). */
  licence?: string | undefined;
}

export type Paper = 'A4' | 'Letter';
/** The built-in looks of a deck; the list itself is THEMES in schema.ts. */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

/** An organisation's branding of a deck: each part optional. */
export interface Brand {
  /** A `#rgb`/`#rrggbb` colour for headings, links and controls; validated to stay legible as text on white paper. */
  accent?: string | undefined;
  /** A local image under the content folder, shown on slides, the report cover and fact sheets. */
  logo?: ImageUse | undefined;
  /** One line shown at the bottom of every slide and in the printed footers. */
  footer?: string | undefined;
}
/** Which way a document's lines run and its layout is mirrored. */
export type TextDirection = 'ltr' | 'rtl';
/** `dir:` of a deck or the config file: a direction, or `auto` (from the language, the default). */
export type DirectionSetting = TextDirection | 'auto';
/** Slides a handout page shows: HANDOUT_PER_PAGE in schema.ts. */
export type HandoutPerPage = 1 | 2 | 3 | 4 | 6;

export interface Deck {
  slug: string;
  file: string;
  title: string;
  subtitle?: string | undefined;
  /** Role slugs, two or more, in the order the deck lists them. */
  roles: string[];
  /** Section ids to compare, in order. */
  sectionIds: string[];
  event?: string | undefined;
  date?: string | undefined;
  presenter?: string | undefined;
  lang: string;
  /** Labels over the language's catalogue (`labels:` of the config file, then of the deck). */
  labels?: LabelOverrides | undefined;
  /** `dir:` as written (front matter, else the config file); unset or `auto`: from `lang` (render/direction.ts). */
  dir?: DirectionSetting | undefined;
  paper: Paper;
  /** Which PDFs and other files to make (the deck's index.html is always written). */
  outputs: OutputChoice[];
  /** The audience handout's layout: slides a page (3 unless the deck or the config file says). */
  handout: { perPage: HandoutPerPage };
  /** The deck's own speaker notes for compared sections (`## Notes: <section>`; see deck-notes.ts). */
  notes: DeckNote[];
  /** Where the deck is published: a QR code to it on the title and last slides and the handout. */
  url?: string | undefined;
  /** `qr: false` keeps the QR code off even when `url` is set. */
  qr: boolean;
  /** The look on screen; undefined when the front matter leaves it unset (a config file may fill it; else 'light'). */
  theme?: ThemeName | undefined;
  /** Branding; undefined when the front matter leaves it unset (a config file may fill it). */
  brand?: Brand | undefined;
  sources: SourceRef[];
  /** Years after which a figure is stale, counted from `date` (deck, else config file, else 3). */
  staleAfter?: number | undefined;
  /** The deck's own prose: introduction, what the roles share, conclusion. */
  sections: Section[];
  /** The talk's planned length in minutes (`duration: 45m`), for the room's pacing. */
  duration?: number | undefined;
  /**
   * Front matter lines of what later stages warn about: `roles:`, and each listed section by its
   * id (absent for sections the deck takes from its first role).
   */
  lines?: { roles?: number | undefined; sections: Readonly<Record<string, number>> } | undefined;
}

/**
 * A deck's note for one compared section, from a `## Notes: <section> [for <role>]` heading:
 * added after the role's own note, or replacing it (`Replace:` in front of the text).
 */
export interface DeckNote {
  /** As the heading names it: `Required skills for ai-scientist`. */
  target: string;
  /** The section id it resolves to ('' until resolved). */
  section: string;
  /** The role whose note it changes; undefined: the section's slides as a whole. */
  role?: string | undefined;
  mode: 'add' | 'replace';
  /** The note as Markdown, paragraph by paragraph. */
  markdown: string[];
  file: string;
  line: number;
}

export interface ContentModel {
  roles: Map<string, Role>;
  decks: Deck[];
  /** Every image the content shows; the files are read and checked after validation. */
  images: ImageUse[];
  /** Problems that do not stop a build (`severity: 'warning'`): shown by check, build and dev. */
  warnings: Diagnostic[];
}
