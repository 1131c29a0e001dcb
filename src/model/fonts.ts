/**
 * The fonts careerdeck ships (from @fontsource packages in node_modules) and the scripts each one
 * draws. The render stage picks from this table the families and unicode-range subsets a deck's
 * text needs (src/render/fonts.ts); `check` warns about text in a script none of them covers
 * (src/validate/scripts.ts). One table for both, so that the warning and the fonts agree.
 */
export interface BundledFamily {
  /** The CSS font-family name. */
  family: string;
  /** The @fontsource package id: files are `@fontsource/<id>/files/<id>-<subset>-<weight>-normal.woff2`. */
  id: string;
  /** Unicode scripts (`\p{Script=...}` names) this family draws; `Emoji` stands for pictographs. */
  scripts: readonly string[];
  /**
   * The package's subsets to use: named ones, or `numbered` for the CJK and emoji packages, which
   * slice their one script into about a hundred numbered subsets. The Latin subsets some Noto
   * packages also carry are left out: Inter draws Latin.
   */
  subsets: readonly string[] | 'numbered';
  /** Used only for decks in these languages (primary subtag); any deck when absent. */
  langs?: readonly string[];
}

// Not Hangul: the Chinese and Japanese packages carry under 1% of its syllables.
const CJK = ['Han', 'Hiragana', 'Katakana', 'Bopomofo'];

/** In font-family stack order: Inter first, so Latin, digits and punctuation are Inter in every language. */
export const BUNDLED_FAMILIES: readonly BundledFamily[] = [
  {
    family: 'Inter',
    id: 'inter',
    scripts: ['Latin', 'Greek', 'Cyrillic'],
    subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'],
  },
  { family: 'Noto Sans Arabic', id: 'noto-sans-arabic', scripts: ['Arabic'], subsets: ['arabic'] },
  { family: 'Noto Sans Hebrew', id: 'noto-sans-hebrew', scripts: ['Hebrew'], subsets: ['hebrew'] },
  { family: 'Noto Sans Devanagari', id: 'noto-sans-devanagari', scripts: ['Devanagari'], subsets: ['devanagari'] },
  // Han characters take Japanese shapes in a Japanese deck, Simplified Chinese ones elsewhere.
  { family: 'Noto Sans JP', id: 'noto-sans-jp', scripts: CJK, subsets: 'numbered', langs: ['ja'] },
  { family: 'Noto Sans SC', id: 'noto-sans-sc', scripts: CJK, subsets: 'numbered' },
  // Monochrome outlines: they embed in a PDF like any text font (a colour font's bitmaps or
  // layers would not), and print the same in greyscale.
  { family: 'Noto Emoji', id: 'noto-emoji', scripts: ['Emoji'], subsets: 'numbered' },
];

/** The weights the style sheets use (400 body, 600 and 700 headings and labels). */
export const FONT_WEIGHTS = [400, 600, 700] as const;

/** The families that serve a deck in `lang`, in stack order: one CJK family, the language's own if it has one. */
export function familiesFor(lang: string): BundledFamily[] {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const own = (f: BundledFamily) => f.langs?.includes(primary) === true;
  const ownHan = BUNDLED_FAMILIES.some((f) => own(f) && f.scripts.includes('Han'));
  return BUNDLED_FAMILIES.filter((f) => (f.langs ? own(f) : !(ownHan && f.scripts.includes('Han'))));
}

const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const SHARED = /\p{Script=Common}|\p{Script=Inherited}/u;
const BUNDLED_SCRIPTS = [...new Set(BUNDLED_FAMILIES.flatMap((f) => f.scripts))]
  .filter((s) => s !== 'Emoji')
  .map((name) => ({ name, test: new RegExp(`\\p{Script=${name}}`, 'u') }));

/**
 * The bundled script a character belongs to (`Emoji` for pictographs beyond Latin-1), `shared`
 * for digits, punctuation, spaces and marks that any script uses, or undefined for a script no
 * bundled font draws.
 */
export function bundledScriptOf(char: string): string | undefined {
  if (PICTOGRAPH.test(char) && char.codePointAt(0)! > 0xff) return 'Emoji';
  if (SHARED.test(char)) return 'shared';
  return BUNDLED_SCRIPTS.find((s) => s.test.test(char))?.name;
}

/** A character's code point as Unicode writes it (`U+0E04`), for messages about fonts. */
export const codePoint = (char: string): string =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
