/**
 * A text piece of a slide as structure rather than markup: what render makes from the content's
 * Markdown beside the sanitized HTML (render/flow.ts), and what outputs that are not HTML draw
 * (the PowerPoint). It holds only what the HTML may show: safe links, the deck's own pictures.
 */

/** A stretch of text with one style, as a PowerPoint text run. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** `~~struck~~` (the slide's `<del>`). */
  strike?: boolean;
  /** An http(s) or mailto address that passed the same check as the HTML's links. */
  link?: string;
}

/** One paragraph of a text box: a plain paragraph or a list item. */
export interface Paragraph {
  runs: Run[];
  list?: 'bullet' | 'number' | undefined;
  /** 1 for a top-level item, 2 for an item in a nested list. */
  level: number;
  /** A numbered item: the number its list starts at, which PowerPoint counts on from. */
  start?: number | undefined;
  /** A task item: its box stands where the bullet would (no bullet of its own), as on the slide. */
  task?: boolean | undefined;
  /** What kind of block the paragraph is part of, for its look: a quote, its attribution, code. */
  role?: 'quote' | 'attribution' | 'code' | undefined;
}

/** A table of the content: rows of cells, each cell its runs; the first row is the header. */
export interface FlowTable {
  kind: 'table';
  rows: FlowCell[][];
}

export interface FlowCell {
  runs: Run[];
  header: boolean;
  align?: 'left' | 'center' | 'right' | undefined;
}

/** A picture of the deck's own (`src` as the HTML's `<img src>`: the copied file's address). */
export interface FlowImage {
  kind: 'image';
  src: string;
  alt: string;
}

export interface FlowText {
  kind: 'text';
  paragraphs: Paragraph[];
}

/** What a slide's text area shows, top to bottom: text, tables and pictures. */
export type FlowBlock = FlowText | FlowTable | FlowImage;
