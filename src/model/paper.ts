/** The papers a deck may print on, in millimetres (`paper:` in a deck or the config file). */
export const PAPER_MM: Readonly<Record<string, { width: number; height: number }>> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/** A paper's size, A4 for a name we do not know (validation refuses those before rendering). */
export function paperMm(paper: string): { width: number; height: number } {
  return PAPER_MM[paper] ?? PAPER_MM.A4!;
}
