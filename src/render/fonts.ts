import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../errors.js';
import { BUNDLED_FAMILIES, type BundledFamily, bundledScriptOf, codePoint, FONT_WEIGHTS } from '../model/fonts.js';

/** A unicode-range subset of a font package: the code points its file covers. */
export interface FontSubset {
  /** As in the file name: `latin`, `arabic`, or a number for the CJK and emoji slices. */
  name: string;
  /** Inclusive code point ranges, as the package's unicode.json lists them. */
  ranges: readonly (readonly [number, number])[];
}

/** The subsets of every bundled family, read from the packages (see loadFontCatalogue). */
export type FontCatalogue = ReadonlyMap<string, readonly FontSubset[]>;

/** One @font-face: a subset file at one weight, copied beside the deck. */
export interface FontFace {
  family: string;
  weight: number;
  /** The package file, `@fontsource/<id>/files/<file>`. */
  source: string;
  /** Where the outputs load it, relative to the deck folder. */
  path: string;
  /** The CSS unicode-range: the subset's own, or for the sliced CJK and emoji packages only what the text uses. */
  unicodeRange: string;
}

/** The fonts one deck needs. */
export interface FontPlan {
  faces: FontFace[];
  /** The families in stack order, Inter first. */
  families: string[];
  /** Characters of the text that no bundled font draws (check warns about their scripts). */
  uncovered: string[];
}

const require = createRequire(import.meta.url);

/**
 * Where a page's style sheet takes the deck's @font-face rules. Content cannot write it: its `<`
 * is escaped in text and in CSS strings alike.
 */
export const FONTS_MARKER = '/*<careerdeck-fonts>*/';

/** Reads each bundled package's unicode.json once: the subsets and their ranges. */
export async function loadFontCatalogue(): Promise<FontCatalogue> {
  const entries = await Promise.all(
    BUNDLED_FAMILIES.map(async (f): Promise<[string, FontSubset[]]> => {
      const json = JSON.parse(await readFile(require.resolve(`@fontsource/${f.id}/unicode.json`), 'utf8')) as Record<
        string,
        string
      >;
      const subsets = Object.entries(json)
        .map(([key, range]) => ({ name: key.replace(/^\[(\d+)\]$/, '$1'), numbered: /^\[\d+\]$/.test(key), range }))
        .filter((s) => (f.subsets === 'numbered' ? s.numbered : f.subsets.includes(s.name)))
        // Named subsets in the table's order (latin before latin-ext): where two list a code
        // point, the first one serves it.
        .sort((a, b) => (f.subsets === 'numbered' ? 0 : f.subsets.indexOf(a.name) - f.subsets.indexOf(b.name)))
        .map((s) => lazyRanges(s.name, s.range));
      return [f.id, subsets];
    }),
  );
  return new Map(entries);
}

/**
 * A subset whose ranges are parsed when first looked at: the CJK families list thousands, and
 * parsing them all took most of the font choice for a deck in Latin letters only, which never
 * consults those families.
 */
function lazyRanges(name: string, range: string): FontSubset {
  let parsed: [number, number][] | undefined;
  return {
    name,
    get ranges() {
      return (parsed ??= parseRanges(range));
    },
  };
}

/** `U+0000-00FF,U+0131` -> [[0, 255], [305, 305]] */
export function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

/** Which subset covers a code point, remembered per family: a CJK family has thousands of ranges. */
const remembered = new WeakMap<readonly FontSubset[], Map<number, FontSubset | undefined>>();
function subsetCovering(subsets: readonly FontSubset[], cp: number): FontSubset | undefined {
  const known = remembered.get(subsets) ?? new Map<number, FontSubset | undefined>();
  remembered.set(subsets, known);
  if (!known.has(cp))
    known.set(
      cp,
      subsets.find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b)),
    );
  return known.get(cp);
}

// Spaces, controls and format characters (joiners, direction marks) draw no glyph of their own.
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;

/**
 * Chooses, for the text every output of a deck draws, the families and the subsets it needs:
 * Inter always, and per script in the text its bundled family (the stack is the deck locale's `fonts`); then each character goes to the
 * first of those families (in stack order, as Chromium would look) that covers it, and only the
 * subsets that receive a character are kept, at every weight the style sheets use. Pure: the
 * catalogue comes from loadFontCatalogue.
 */
export function chooseFonts(text: string, stack: readonly BundledFamily[], catalogue: FontCatalogue): FontPlan {
  const chars = new Set(text);
  const subsetsOf = (f: BundledFamily) => catalogue.get(f.id) ?? [];
  const covering = (f: BundledFamily, cp: number) => subsetCovering(subsetsOf(f), cp);
  const used = new Set<BundledFamily>([stack[0]!]);
  const pictographs: string[] = [];
  for (const char of chars) {
    const script = bundledScriptOf(char);
    if (script === 'Emoji') pictographs.push(char);
    else if (script && script !== 'shared') {
      const family = stack.find((f) => f.scripts.includes(script));
      if (family) used.add(family);
    }
  }
  // A pictograph that a text font already draws (™, ‼) stays in that font, as Chromium would draw it.
  const emoji = stack.find((f) => f.scripts.includes('Emoji'));
  for (const char of pictographs) {
    const cp = char.codePointAt(0)!;
    if (emoji && ![...used].some((f) => covering(f, cp))) used.add(emoji);
  }

  const served = new Map<BundledFamily, Map<FontSubset, number[]>>();
  const uncovered: string[] = [];
  for (const char of [...chars].sort()) {
    const cp = char.codePointAt(0)!;
    if (INVISIBLE.test(char)) continue;
    // A letter goes only to a family of its script (as check sees it: src/validate/scripts.ts);
    // digits, punctuation and pictographs to the first family that has them, as Chromium looks.
    const script = bundledScriptOf(char);
    const candidates =
      script === undefined
        ? []
        : script === 'shared' || script === 'Emoji'
          ? stack
          : stack.filter((f) => f.scripts.includes(script));
    // A character no chosen family has (。 in an English deck) brings the first family that has it.
    const family =
      candidates.find((f) => used.has(f) && covering(f, cp)) ?? candidates.find((f) => covering(f, cp) !== undefined);
    if (!family) {
      if (!/\s/u.test(char)) uncovered.push(char);
      continue;
    }
    used.add(family);
    const subset = covering(family, cp)!;
    const bySubset = served.get(family) ?? new Map<FontSubset, number[]>();
    served.set(family, bySubset);
    bySubset.set(subset, [...(bySubset.get(subset) ?? []), cp]);
  }

  const faces: FontFace[] = [];
  const families = stack.filter((f) => served.has(f));
  for (const family of families) {
    // In the package's order, so that the CSS is the same whatever order the text came in.
    const bySubset = served.get(family)!;
    for (const subset of subsetsOf(family).filter((s) => bySubset.has(s))) {
      const unicodeRange = formatRanges(
        family.subsets === 'numbered' ? toRanges(bySubset.get(subset)!) : subset.ranges,
      );
      for (const weight of FONT_WEIGHTS) {
        const file = `${family.id}-${subset.name}-${weight}-normal.woff2`;
        faces.push({
          family: family.family,
          weight,
          source: `@fontsource/${family.id}/files/${file}`,
          path: `assets/fonts/${file}`,
          unicodeRange,
        });
      }
    }
  }
  return { faces, families: families.map((f) => f.family), uncovered };
}

/** Printable ASCII: every page has tags and CSS, so these are always drawn (by Inter, first in every stack). */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/** The distinct characters of a page beyond ASCII, found by the regular expression engine: pages run to megabytes. */
function beyondAscii(text: string): Set<string> {
  return new Set(text.match(/[^\0-\x7f]/gu) ?? []);
}

/** Sorted code points as inclusive ranges. */
function toRanges(cps: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const cp of [...cps].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');
function formatRanges(ranges: readonly (readonly [number, number])[]): string {
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ');
}

const quoted = (family: string) => `'${family}'`;

/**
 * The @font-face rules of a plan, and the font stacks (--font, --mono) that name its families
 * before the system's, so that Chromium never reaches a system font for text a bundled one covers.
 */
export function fontCss(plan: FontPlan): string {
  const faces = plan.faces.map(
    (f) =>
      `@font-face {\n  font-family: ${quoted(f.family)};\n  font-style: normal;\n  font-weight: ${f.weight};\n  font-display: block;\n  src: url('${f.path}') format('woff2');\n  unicode-range: ${f.unicodeRange};\n}\n`,
  );
  const scripts = plan.families.filter((f) => f !== 'Inter').map(quoted);
  const font = [quoted('Inter'), ...scripts, quoted('DejaVu Sans'), 'sans-serif'].join(', ');
  const mono = [quoted('DejaVu Sans Mono'), quoted('Liberation Mono'), ...scripts, 'monospace'].join(', ');
  return `${faces.join('')}:root {\n  --font: ${font};\n  --mono: ${mono};\n}\n`;
}

/**
 * The distinct characters the rendered pages draw: their text and attribute values, the CSS's
 * generated content, with numeric character references decoded (tags and CSS are ASCII, which
 * Inter draws anyway). A short string, whatever the pages' size, for chooseFonts.
 */
export function drawnText(pages: readonly string[]): string {
  const chars = new Set<string>(ASCII);
  for (const page of pages) {
    const decoded = page.includes('&#')
      ? page.replace(/&#(x[0-9a-f]{1,6}|\d{1,7});/gi, (_, n: string) => {
          const cp = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : parseInt(n, 10);
          return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
        })
      : page;
    for (const char of beyondAscii(decoded)) chars.add(char);
  }
  return [...chars].join('');
}

/**
 * A character of a bundled script that the bundled fonts still lack (a rare Han character, a
 * symbol): the build says so, as `check` does for whole scripts (src/validate/scripts.ts).
 */
export function uncoveredWarnings(file: string, plan: FontPlan): Diagnostic[] {
  const missing = plan.uncovered.filter((char) => bundledScriptOf(char) !== undefined);
  if (missing.length === 0) return [];
  const shown = missing
    .slice(0, 5)
    .map((char) => `"${char}" (${codePoint(char)})`)
    .join(', ');
  return [
    {
      file,
      severity: 'warning',
      message: `${missing.length} character${missing.length === 1 ? '' : 's'} in this deck no font careerdeck ships draws: ${shown}${missing.length > 5 ? ', ...' : ''}; they print in whatever font the machine has, or as empty boxes`,
    },
  ];
}
