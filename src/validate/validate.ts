import path from 'node:path';
import { ContentError, type Diagnostic, partition, type SourceLocation } from '../errors.js';
import { type ParsedFile, parseFrontMatter } from '../load/front-matter.js';
import { DEFAULT_LIMITS, type Limits, sizeText } from '../load/limits.js';
import type { SourceFile } from '../load/source.js';
import { parseBody } from './body.js';
import { checkBrand } from './brand.js';
import { imageResolver } from './images.js';
import { type DeckDefaults, type DeckOverrides, withDefaults } from './defaults.js';
import type { ContentModel, Deck, ImageUse, Role } from './model.js';
import { checkFrontMatter, deckSchema, locate as locateIn, roleSchema, SLUG } from './schema.js';

/** The config file's defaults for decks, and the command line's overrides. */
export interface DeckSettings {
  defaults?: DeckDefaults | undefined;
  overrides?: DeckOverrides | undefined;
}

/**
 * Turns content files into the typed model. Every problem in every file is collected first and
 * thrown together as one ContentError, so a presenter fixes everything in one pass.
 */
export function validateContent(
  files: readonly SourceFile[],
  earlier: readonly Diagnostic[] = [],
  contentDir = 'content',
  settings: DeckSettings = {},
  limits: Limits = DEFAULT_LIMITS,
): ContentModel {
  const { model, diagnostics } = checkContent(files, earlier, contentDir, settings, limits);
  if (partition(diagnostics).errors.length > 0) throw new ContentError(diagnostics);
  return model;
}

/**
 * validateContent without the throw: the model of what is valid, and every problem found. Its
 * `images` are those of every file whose body could be read, valid or not, so that a missing
 * image is reported in the same run as the other problems (issue 15).
 */
export function checkContent(
  files: readonly SourceFile[],
  earlier: readonly Diagnostic[] = [],
  contentDir = 'content',
  settings: DeckSettings = {},
  limits: Limits = DEFAULT_LIMITS,
): { model: ContentModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...earlier];
  const roles = new Map<string, Role>();
  const decks: { deck: Deck; parsed: ParsedFile }[] = [];
  const images: ImageUse[] = [];
  const roleBytes = new Map(files.filter((f) => f.kind === 'role').map((f) => [f.slug, f.bytes.byteLength]));

  for (const source of files) {
    if (!SLUG.test(source.slug)) {
      diagnostics.push({ file: source.path, message: `file name "${source.slug}.md" must be lower-case letters, digits and dashes (such as data-engineer.md); rename the file` });
      continue;
    }
    const outcome = parseFrontMatter(source);
    if (!outcome.ok) {
      diagnostics.push(...outcome.diagnostics);
      continue;
    }
    const parsed = outcome.file;
    const at = { file: source.path, yaml: parsed.yaml, lineCounter: parsed.yamlLineCounter, firstLine: parsed.yamlFirstLine };
    const body = parseBody(parsed.body, source.path, parsed.bodyFirstLine, imageResolver(source.path, contentDir), limits.sectionBytes);
    diagnostics.push(...body.diagnostics);
    images.push(...body.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.images : b.items.flatMap((i) => i.images)))));
    if (source.kind === 'role') {
      const { value, diagnostics: problems } = checkFrontMatter(roleSchema, parsed.data, at);
      diagnostics.push(...problems);
      if (body.sections.length === 0 && body.diagnostics.length === 0) {
        diagnostics.push({ file: source.path, line: parsed.bodyFirstLine, message: 'has no sections; add at least one "## Heading" with a list or paragraph under it' });
      }
      if (value) roles.set(source.slug, { slug: source.slug, file: source.path, ...value, short: value.short ?? value.title, sections: body.sections });
    } else {
      const { value, diagnostics: problems } = checkFrontMatter(deckSchema, parsed.data, at);
      diagnostics.push(...problems);
      if (value) {
        const { sections: sectionIds, brand: brandInput, ...rest } = value;
        const branded = brandInput && checkBrand(brandInput, source.path, (key) => locate(parsed, source.path, ['brand', key]), contentDir);
        if (branded) diagnostics.push(...branded.diagnostics);
        const bytes = source.bytes.byteLength + [...new Set(rest.roles)].reduce((sum, slug) => sum + (roleBytes.get(slug) ?? 0), 0);
        if (bytes > limits.deckBytes) {
          diagnostics.push({
            ...locate(parsed, source.path, ['roles']),
            message: `this deck and the roles it compares are ${sizeText(bytes)}, over the limit of ${sizeText(limits.deckBytes)} for one deck; compare fewer or shorter roles`,
          });
        }
        const deck: Deck = { slug: source.slug, file: source.path, ...rest, brand: branded?.brand, sectionIds: sectionIds ?? [], sections: body.sections };
        const given = new Set(parsed.data && typeof parsed.data === 'object' ? Object.keys(parsed.data) : []);
        const settled = withDefaults(deck, given, settings.defaults, settings.overrides);
        if (settled.brand?.logo) images.push(settled.brand.logo);
        decks.push({ deck: settled, parsed });
      }
    }
  }

  const roleFiles = new Set(files.filter((f) => f.kind === 'role').map((f) => f.slug));
  for (const { deck, parsed } of decks) diagnostics.push(...checkReferences(deck, parsed, roles, roleFiles, contentDir));
  if (decks.length === 0 && diagnostics.length === 0) {
    diagnostics.push({ file: `${contentDir}/decks`, message: `no deck found; add a deck file such as ${contentDir}/decks/my-deck.md (see README, "Content format")` });
  }
  const { warnings } = partition(diagnostics);
  return { model: { roles, decks: decks.map((d) => d.deck), images, warnings }, diagnostics };
}

/** Where the front matter value at `path` starts (its nearest existing parent's when it is missing). */
function locate(parsed: ParsedFile, file: string, path: (string | number)[]): SourceLocation {
  return { file, ...locateIn({ file, yaml: parsed.yaml, lineCounter: parsed.yamlLineCounter, firstLine: parsed.yamlFirstLine }, path) };
}

/** A deck's roles must exist, and each section it names must exist in at least one of them. */
function checkReferences(deck: Deck, parsed: ParsedFile, roles: Map<string, Role>, roleFiles: ReadonlySet<string>, contentDir: string): Diagnostic[] {
  const at = (path: (string | number)[]) => locate(parsed, deck.file, path);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  deck.roles.forEach((slug, i) => {
    if (seen.has(slug)) diagnostics.push({ ...at(['roles', i]), message: `role "${slug}" is listed twice; list each role once` });
    seen.add(slug);
    // A role whose file exists but has errors is reported there; saying "not found" would mislead.
    if (!roles.has(slug) && !roleFiles.has(slug)) {
      const known = [...roles.keys()].join(', ') || 'none yet';
      diagnostics.push({ ...at(['roles', i]), message: `role "${slug}" not found; create ${path.join(contentDir, 'roles', `${slug}.md`)} or use one of: ${known}` });
    }
  });
  const deckRoles = deck.roles.map((slug) => roles.get(slug)).filter((r): r is Role => r !== undefined);
  if (deckRoles.length !== deck.roles.length) return diagnostics;

  if (deck.sectionIds.length === 0) deck.sectionIds = deckRoles[0]?.sections.map((s) => s.id) ?? [];
  const available = new Set(deckRoles.flatMap((r) => r.sections.map((s) => s.id)));
  deck.sectionIds.forEach((id, i) => {
    if (!available.has(id)) {
      diagnostics.push({
        ...at(['sections', i]),
        message: `section "${id}" is in none of the deck's roles; use one of: ${[...available].join(', ')}`,
      });
    }
  });
  return diagnostics;
}
