/** The file name of one PDF of a deck (fact sheets are one per role). */
export function pdfName(deckSlug: string, kind: 'report' | 'handout' | 'notes' | 'slides' | 'factsheet', roleSlug?: string): string {
  return kind === 'factsheet' ? `${deckSlug}-${roleSlug}-factsheet.pdf` : `${deckSlug}-${kind}.pdf`;
}
