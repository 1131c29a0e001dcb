/** `## Required skills` -> `required-skills`; accents dropped, anything else becomes one dash. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Folds case and spelling variants of a keyword so that "Scikit-learn", "scikit learn" and
 * "GPUs"/"GPU" match: case, accents, punctuation, and a plural "s" on words of four or more letters.
 */
export function keywordKey(label: string): string {
  // "C++", "C#" and "C" are different skills: spell out the symbols before punctuation is folded.
  return slugify(label.replace(/\+/g, ' plus').replace(/#/g, ' sharp'))
    .split('-')
    .map((word) => (word.length >= 4 && /[^s]s$/.test(word) ? word.slice(0, -1) : word))
    .join(' ');
}
