import { windowsNameProblem } from '../validate/file-name.js';
import { SLUG } from '../validate/schema.js';
import { slugify } from '../validate/keys.js';

/** Longest `title` and `short` that validation accepts. */
export const MAX_TITLE = 120;
export const MAX_SHORT = 40;

/** A short label fits a table header; longer titles get their well-known phrases abbreviated. */
const SHORT_ENOUGH = 20;

const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\bmachine learning\b/gi, 'ML'],
  [/\bartificial intelligence\b/gi, 'AI'],
  [/\buser experience\b/gi, 'UX'],
  [/\buser interface\b/gi, 'UI'],
  [/\bquality assurance\b/gi, 'QA'],
  [/\bhuman resources\b/gi, 'HR'],
  [/\binformation technology\b/gi, 'IT'],
  [/\bbusiness intelligence\b/gi, 'BI'],
  [/\bsearch engine optimi[sz]ation\b/gi, 'SEO'],
  [/\bresearch and development\b/gi, 'R&D'],
  [/\bdevelopment operations\b/gi, 'DevOps'],
];

/**
 * A label for table headers and columns: the title itself when it is short, otherwise with
 * well-known phrases abbreviated ("Machine Learning Engineer" -> "ML Engineer"), cut at a word
 * to the length validation allows. `--short` sets it when this guess is not good enough.
 */
export function shortLabel(title: string): string {
  const clean = title.trim().replace(/\s+/g, ' ');
  if (clean.length <= SHORT_ENOUGH) return clean;
  const abbreviated = ABBREVIATIONS.reduce((text, [phrase, short]) => text.replace(phrase, short), clean);
  if (abbreviated.length <= MAX_SHORT) return abbreviated;
  const cut = abbreviated.slice(0, MAX_SHORT + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, MAX_SHORT)).replace(/[\s,;:&-]+$/, '');
}

/** The file name (without `.md`) for a title, or undefined when no valid one can be made. */
export function slugFor(title: string): string | undefined {
  const slug = slugify(title);
  return isSlug(slug) ? slug : undefined;
}

/** A name validation accepts: lower case with dashes, and one Windows can hold (not con, nul, com1...). */
export function isSlug(text: string): boolean {
  return SLUG.test(text) && windowsNameProblem(text) === undefined;
}

/** Why a title cannot be used, or undefined when it can. */
export function titleProblem(title: string): string | undefined {
  if (title.trim() === '') return 'the title is empty; give one, such as "Data Engineer"';
  if (/[\n\r\t]/.test(title)) return 'the title must be on one line';
  if (title.trim().length > MAX_TITLE) return `the title is longer than ${MAX_TITLE} characters; shorten it`;
  return undefined;
}
