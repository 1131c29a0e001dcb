import type { Diagnostic, SourceLocation } from '../errors.js';
import { AA_TEXT, contrastRatio, formatRatio, normaliseHex, textSafe } from '../model/colour.js';
import { imageResolver } from './images.js';
import type { Brand, ImageUse } from '../model/index.js';
import type { BrandInput } from './schema.js';

/** Every printed output is on white paper, and the light themes' screens are white too. */
export const PRINT_PAPER = '#ffffff';

/**
 * A logo named by `file` at `line` (a deck's front matter, or the config file), resolved exactly
 * like a Markdown image: a file inside the content folder, copied to `assets/content/`. A URL,
 * a path outside the content folder or an unknown type is a diagnostic at that line; that the
 * file exists is checked when it is read (readImages), like every image.
 */
export function resolveLogo(src: string, file: string, line: number, contentDir: string): ImageUse | Diagnostic {
  const use = imageResolver(file, contentDir)(src, line);
  return typeof use === 'string' ? { file, line, message: `brand logo: ${use}` } : use;
}

/**
 * Why an accent cannot be text on white paper, or undefined when it can. Headings, links and
 * table headers print in the accent on white whatever the deck's theme, so it must reach WCAG AA
 * there; on dark or high-contrast screens the renderer derives a shade from it that reaches the
 * theme's own minimum (src/render/themes.ts).
 */
export function accentProblem(accent: string): string | undefined {
  const ratio = contrastRatio(accent, PRINT_PAPER);
  if (ratio >= AA_TEXT) return undefined;
  return (
    `brand accent "${accent}" has a contrast ratio of ${formatRatio(ratio)} against white paper, where headings and links print in it; ` +
    `text needs at least ${AA_TEXT}:1 (WCAG AA): use a darker shade such as "${textSafe(accent, PRINT_PAPER, AA_TEXT)}" or remove the accent`
  );
}

/**
 * Turns `brand:` as the schema accepted it into the model's Brand: the accent normalised and
 * checked for contrast, the logo resolved to an image. `at(key)` locates a key of the brand
 * mapping (`accent`, `logo`) in the file that names it, for the diagnostics.
 */
export function checkBrand(
  input: BrandInput,
  file: string,
  at: (key: 'accent' | 'logo') => SourceLocation,
  contentDir: string,
): { brand: Brand; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const brand: Brand = { accent: undefined, logo: undefined, footer: input.footer };
  if (input.accent !== undefined) {
    const problem = accentProblem(input.accent);
    if (problem) diagnostics.push({ ...at('accent'), message: problem });
    else brand.accent = normaliseHex(input.accent);
  }
  if (input.logo !== undefined) {
    const where = at('logo');
    const logo = resolveLogo(input.logo, file, where.line ?? 1, contentDir);
    if ('message' in logo) diagnostics.push({ ...where, message: logo.message });
    else brand.logo = logo;
  }
  return { brand, diagnostics };
}
