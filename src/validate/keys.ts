/**
 * `## Required skills` -> `required-skills`, `## परिभाषा` -> `परिभाषा`, `## 职责` -> `职责`. Every
 * letter, mark and digit of every script is kept (a Devanagari vowel sign is a mark: dropping
 * marks made `परभष`), except the accents that Latin, Greek and Cyrillic letters carry, which are
 * dropped as before (`Fähigkeiten` -> `fahigkeiten`), so that existing ids stay the same and are
 * typed without them. Anything else (spaces, punctuation, emoji) becomes one dash; the id is NFC.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, (mark) => (isGenericDiacritic(mark) ? '' : mark))
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC');
}

/** The combining diacritics of Latin, Greek and Cyrillic (not a script's own signs, such as Devanagari's). */
function isGenericDiacritic(mark: string): boolean {
  const code = mark.codePointAt(0) ?? 0;
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
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
