import { windowsSafeName } from '../validate/file-name.js';

/**
 * The file name of one PDF of a deck (fact sheets are one per role). Validated slugs make safe
 * names already; windowsSafeName keeps it so should the slug rules ever loosen.
 */
export function pdfName(
  deckSlug: string,
  kind: 'report' | 'handout' | 'notes' | 'slides' | 'factsheet',
  roleSlug?: string,
): string {
  return windowsSafeName(kind === 'factsheet' ? `${deckSlug}-${roleSlug}-factsheet.pdf` : `${deckSlug}-${kind}.pdf`);
}

/** The file a deck's other outputs are written to; slide images are known by their thumbnail. */
export function reachName(deckSlug: string, kind: 'pptx' | 'html' | 'images'): string {
  return kind === 'images' ? 'images/thumbnail.png' : `${deckSlug}.${kind}`;
}
