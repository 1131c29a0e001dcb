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
  return keywordWords(label)
    .map((word) => (word.length >= 4 && /[^s]s$/.test(word) ? word.slice(0, -1) : word))
    .join(' ');
}

/** A keyword's words, lower case: "C++", "C#" and "C" are different skills, so the symbols are spelt out before punctuation is folded. */
export function keywordWords(label: string): string[] {
  return slugify(label.replace(/\+/g, ' plus').replace(/#/g, ' sharp')).split('-');
}
