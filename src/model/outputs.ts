/** The PDFs a deck can have; index.html is always written. */
export const PDF_KINDS = ['report', 'slides', 'handout', 'notes', 'factsheets'] as const;
export type PdfKind = (typeof PDF_KINDS)[number];

/** Outputs made beside the PDFs: an editable PowerPoint, the deck in one HTML file, one PNG a slide (on demand). */
export const REACH_KINDS = ['pptx', 'html', 'images'] as const;
export type ReachKind = (typeof REACH_KINDS)[number];

/** What a deck's `outputs` may list. */
export const OUTPUT_KINDS = [...PDF_KINDS, ...REACH_KINDS] as const;
export type OutputChoice = PdfKind | ReachKind;

/** What a deck makes when neither it nor the config file lists `outputs`: all but the slide images. */
export const DEFAULT_OUTPUTS: readonly OutputChoice[] = OUTPUT_KINDS.filter((kind) => kind !== 'images');
