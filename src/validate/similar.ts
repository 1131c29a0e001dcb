import { distance } from 'fastest-levenshtein';
import { keywordWords, slugify } from './keys.js';
import type { Keyword } from '../model/index.js';

/** Words that say nothing about what a heading is about ("Tools and software" is about tools and software). */
const FILLER = new Set(['a', 'an', 'and', 'or', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'your', 'their']);

/** "Required skills" -> ["required", "skill"]: lower case, filler words out, a plural "s" folded. */
function headingWords(title: string): string[] {
  return slugify(title)
    .split('-')
    .filter((word) => word !== '' && !FILLER.has(word))
    .map(singular);
}

/** English plurals: "libraries" -> "library", "processes" -> "process", "skills" -> "skill". */
function singular(word: string): string {
  if (word.length >= 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length >= 5 && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length >= 4 && /[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Whether two section headings probably name the same thing, one of them renamed or misspelt:
 * every word of one is in the other ("Skills" / "Required skills", "Tools" / "Tools and
 * software"), or they differ by a typo or two ("Responsibilites"). Headings with the same id
 * already match and are not "close".
 */
export function closeHeadings(a: string, b: string): boolean {
  const [slugA, slugB] = [slugify(a), slugify(b)];
  if (slugA === slugB || slugA === '' || slugB === '') return false;
  const [wordsA, wordsB] = [headingWords(a), headingWords(b)];
  if (wordsA.length > 0 && wordsB.length > 0) {
    const [fewer, more] = wordsA.length <= wordsB.length ? [wordsA, new Set(wordsB)] : [wordsB, new Set(wordsA)];
    if (fewer.every((word) => more.has(word))) return true;
  }
  return typos(slugA, slugB);
}

/**
 * Whether two keywords that do not match (their keys differ: see keywordKey, which folds case,
 * punctuation and a plain plural "s") probably name the same term written two ways: one is the
 * other plus more words ("Bachelor's" / "Bachelor's degree"), a plural the key does not fold
 * ("Libraries" / "Library"), or a typo ("Kubernets"). Numbers are never near each other:
 * "Python 2" and "Python 3" are different things.
 */
export function nearKeywords(a: Keyword, b: Keyword): boolean {
  if (a.key === b.key) return false;
  const [shorter, longer] = a.key.length <= b.key.length ? [a.key, b.key] : [b.key, a.key];
  // "C" / "C++" (keys "c" / "c plus") and "Go" / "Go modules" are different terms: only a prefix of some length counts.
  if (shorter.length >= 4 && longer.startsWith(`${shorter} `)) return true;
  const fold = (label: string) => keywordWords(label).map(singular).join(' ');
  if (fold(a.label) === fold(b.label)) return true;
  if (/\d/.test(a.key) || /\d/.test(b.key)) return false;
  return typos(a.key, b.key);
}

/** A typo or two: one edit in six characters or more, two in twelve or more. */
function typos(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  if (length < 6) return false;
  return distance(a, b) <= (length >= 12 ? 2 : 1);
}
