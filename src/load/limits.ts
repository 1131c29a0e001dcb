/**
 * Bounds on what one build takes in, so that a huge or runaway file is refused at once with the
 * limit named, instead of hours of rendering and a browser that gives up (issue 15: a 19 MB role
 * made 33,335 slides). The defaults are far above any real deck: the largest content we test (200
 * items a section) is 48 kB a file and 16 kB a section.
 */
export interface Limits {
  /** Bytes of one role or deck file, checked before it is read. */
  fileBytes: number;
  /** Bytes of Markdown in one `##` section. */
  sectionBytes: number;
  /** Bytes of a deck file and the role files it compares, together. */
  deckBytes: number;
  /** Slides of one deck, title slide included. */
  slides: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  fileBytes: 2 * 1024 * 1024,
  sectionBytes: 256 * 1024,
  deckBytes: 4 * 1024 * 1024,
  slides: 2000,
};

/** A size as people read it: `19.3 MB`, `300 kB`. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
