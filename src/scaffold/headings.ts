import { Lexer, type Token } from 'marked';
import { slugify } from '../validate/keys.js';

/** Used when there are no role files to learn the headings from. */
export const DEFAULT_ROLE_HEADINGS: readonly string[] = [
  'Definition',
  'Responsibilities',
  'Skills',
  'Education',
  'Tools',
  'Industries',
  'Outlook',
  'Getting started',
];

/** The `## ` headings of a Markdown body, in order, as plain text. */
export function headingsOf(body: string): string[] {
  return new Lexer({ gfm: true })
    .lex(body)
    .filter(
      (t): t is Token & { type: 'heading'; depth: number; tokens: Token[] } =>
        t.type === 'heading' && (t as { depth?: number }).depth === 2,
    )
    .map((t) => plainText(t.tokens).trim())
    .filter((title) => slugify(title) !== '');
}

/**
 * The section headings a new role should get: those used by at least half of the existing role
 * bodies (so a one-off section is left out), in their usual order (the mean position among them),
 * each spelled as most files spell it. Without any headings to learn from, the built-in list.
 */
export function commonHeadings(bodies: readonly string[]): string[] {
  const perFile = bodies.map((body) => unique(headingsOf(body))).filter((list) => list.length > 0);
  if (perFile.length === 0) return [...DEFAULT_ROLE_HEADINGS];

  const seen = new Map<string, { order: number; files: number; spellings: Map<string, number> }>();
  for (const list of perFile) {
    for (const title of list) {
      const id = slugify(title);
      const entry = seen.get(id) ?? { order: seen.size, files: 0, spellings: new Map<string, number>() };
      entry.files += 1;
      entry.spellings.set(title, (entry.spellings.get(title) ?? 0) + 1);
      seen.set(id, entry);
    }
  }
  const kept = new Set([...seen].filter(([, e]) => e.files * 2 >= perFile.length).map(([id]) => id));

  // Positions are counted among the kept headings only, so an extra section in one file does
  // not push the others in that file down.
  const rank = new Map<string, number>();
  for (const list of perFile) {
    list
      .map((title) => slugify(title))
      .filter((id) => kept.has(id))
      .forEach((id, i) => rank.set(id, (rank.get(id) ?? 0) + i));
  }
  const mean = (id: string) => (rank.get(id) ?? 0) / (seen.get(id)?.files ?? 1);
  return [...kept]
    .sort((a, b) => mean(a) - mean(b) || (seen.get(a)?.order ?? 0) - (seen.get(b)?.order ?? 0))
    .map((id) => mostCommon(seen.get(id)?.spellings ?? new Map<string, number>()));
}

/** Section ids of a body, as validation derives them (`## Required skills` -> `required-skills`). */
export function sectionIdsOf(body: string): string[] {
  return unique(headingsOf(body).map(slugify));
}

/** Keeps the first heading of each id (a repeated section is an error in the file itself). */
function unique(titles: string[]): string[] {
  const ids = new Set<string>();
  return titles.filter((title) => {
    const id = slugify(title);
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  });
}

function mostCommon(spellings: Map<string, number>): string {
  let best = '';
  let count = 0;
  for (const [title, n] of spellings) {
    if (n > count) {
      best = title;
      count = n;
    }
  }
  return best;
}

function plainText(tokens: Token[]): string {
  return tokens
    .map((t) => ('tokens' in t && t.tokens ? plainText(t.tokens as Token[]) : 'text' in t ? String(t.text) : ''))
    .join('');
}
