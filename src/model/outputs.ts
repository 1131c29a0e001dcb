/** The PDFs a deck can have; index.html is always written. */
export const PDF_KINDS = ['report', 'slides', 'handout', 'notes', 'factsheets'] as const;
export type PdfKind = (typeof PDF_KINDS)[number];
