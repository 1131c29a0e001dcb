import type { Diagnostic } from '../errors.js';
import type { SourceFile } from '../load/source.js';
import { BUNDLED_FAMILIES, bundledScriptOf, codePoint as hex } from '../model/fonts.js';

/**
 * Scripts named in the warning when a text uses them; any other letter outside the bundled
 * scripts is named by its code point. Unicode's script names, as `\p{Script=...}` takes them.
 */
const NAMED_SCRIPTS = [
  'Hangul',
  'Thai',
  'Lao',
  'Khmer',
  'Myanmar',
  'Tibetan',
  'Ethiopic',
  'Georgian',
  'Armenian',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thaana',
  'Syriac',
  'Nko',
  'Mongolian',
  'Tifinagh',
  'Cherokee',
  'Canadian_Aboriginal',
  'Javanese',
  'Balinese',
  'Yi',
].map((name) => ({ name, test: new RegExp(`^\\p{Script=${name}}$`, 'u') }));

/** The script a character no bundled font draws belongs to, for the message. */
function scriptName(char: string): string {
  return NAMED_SCRIPTS.find((s) => s.test.test(char))?.name.replace(/_/g, ' ') ?? `the script of ${hex(char)}`;
}

const known = new Map<string, boolean>();
const drawn = (char: string) => {
  if (!known.has(char)) known.set(char, bundledScriptOf(char) !== undefined);
  return known.get(char)!;
};

const COVERED = [...new Set(BUNDLED_FAMILIES.flatMap((f) => f.scripts))].join(', ');

/**
 * `check` and build warn when a content file uses a script that no font careerdeck ships can
 * draw (issue 13): Chromium would take whatever font the machine has, or print empty boxes.
 * One warning per file and script, at the first line that uses it.
 */
export function scriptWarnings(files: readonly SourceFile[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const decoder = new TextDecoder();
  for (const file of files) {
    const seen = new Set<string>();
    decoder
      .decode(file.bytes)
      .split(/\r?\n/)
      .forEach((text, index) => {
        for (const char of text) {
          if (char < '\u0080' || drawn(char)) continue;
          const script = scriptName(char);
          if (seen.has(script)) continue;
          seen.add(script);
          warnings.push({
            file: file.path,
            line: index + 1,
            severity: 'warning',
            message: `text in ${script} ("${char}", ${hex(char)}): no font careerdeck ships draws this script, so it prints in whatever font the machine has, or as empty boxes; the bundled fonts cover ${COVERED}`,
          });
        }
      });
  }
  return warnings;
}
