import path from 'node:path';
import { ContentError, type Diagnostic, isWarning, partition, type SourceLocation } from '../errors.js';
import { type ParsedFile, parseFrontMatter } from '../load/front-matter.js';
import { DEFAULT_LIMITS, type Limits, sizeText } from '../load/limits.js';
import type { SourceFile } from '../load/source.js';
import { accessibilityWarnings } from './accessibility.js';
import { parseBody } from './body.js';
import { liveSections } from './live.js';
import { checkBrand } from './brand.js';
import { resolveDeckNotes, splitDeckNotes } from './deck-notes.js';
import { imageResolver } from './images.js';
import { slugify } from './keys.js';
import { checkLabels } from './labels.js';
import { DEFAULT_CONTENT_DIR } from '../config/defaults.js';
import { withDefaults } from '../model/precedence.js';
import type { DeckSettings } from '../model/settings.js';
import type { ContentModel, Deck, ImageUse, Role } from '../model/index.js';
import { blockImages } from '../model/index.js';
import { windowsNameProblem } from './file-name.js';
import { nearMatchWarnings } from './near-matches.js';
import { roleWarnings } from './role-warnings.js';
import { deckSchema, roleSchema, SLUG } from './schema.js';
import { checkFrontMatter, locate as locateIn } from './schema-diagnostics.js';
import { type BuildScope, scopeFilter } from './scope.js';
import { scriptWarnings } from './scripts.js';
import { deckProvenanceWarnings, roleProvenanceWarnings } from './provenance.js';

export type { BuildScope };

/**
 * Turns content files into the typed model. Every problem in every file is collected first and
 * thrown together as one ContentError, so a presenter fixes everything in one pass. Without a
 * scope (`check`) every file counts; a build passes its scope and only the decks it builds and
 * the roles they use can fail it. A draft role (`draft: true`) is in no deck and its own
 * problems are warnings.
 */
export function validateContent(
  files: readonly SourceFile[],
  earlier: readonly Diagnostic[] = [],
  contentDir = DEFAULT_CONTENT_DIR,
  settings: DeckSettings = {},
  scope?: BuildScope,
  limits: Limits = DEFAULT_LIMITS,
): ContentModel {
  const { model, diagnostics } = checkContent(files, earlier, contentDir, settings, scope, limits);
  if (partition(diagnostics).errors.length > 0) throw new ContentError(diagnostics);
  return model;
}

/**
 * validateContent without the throw: the model of what is valid, and every problem found that
 * is in scope. Its `images` are those of every file in scope whose body could be read, valid or
 * not, so that a missing image is reported in the same run as the other problems (issue 15).
 */
export function checkContent(
  files: readonly SourceFile[],
  earlier: readonly Diagnostic[] = [],
  contentDir = DEFAULT_CONTENT_DIR,
  settings: DeckSettings = {},
  scope?: BuildScope,
  limits: Limits = DEFAULT_LIMITS,
): { model: ContentModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const roles = new Map<string, Role>();
  const decks: { deck: Deck; parsed: ParsedFile }[] = [];
  const images: ImageUse[] = [];
  const roleBytes = new Map(files.filter((f) => f.kind === 'role').map((f) => [f.slug, f.bytes.byteLength]));
  /** Slugs of the roles marked `draft: true`, and the roles each deck file lists (even an invalid one). */
  const drafts = new Set<string>();
  const listed = new Map<string, string[]>();
  const periodAt = new Map<string, SourceLocation>();
  const titleAt = new Map<string, SourceLocation>();
  /** Where each valid role's front matter keys are, for warnings about its figures. */
  const roleAt = new Map<string, (path: string[]) => SourceLocation>();

  for (const source of files) {
    if (!SLUG.test(source.slug)) {
      diagnostics.push({
        file: source.path,
        message: `file name "${source.slug}.md" must be lower-case letters, digits and dashes (such as data-engineer.md); rename the file`,
      });
      continue;
    }
    const unsafe = windowsNameProblem(source.slug);
    if (unsafe) {
      diagnostics.push({
        file: source.path,
        message: `file name "${source.slug}.md": ${unsafe}, so the project cannot be used there; rename the file (such as ${source.slug}-${source.kind}.md)`,
      });
      continue;
    }
    const outcome = parseFrontMatter(source);
    if (!outcome.ok) {
      diagnostics.push(...outcome.diagnostics);
      continue;
    }
    const parsed = outcome.file;
    const at = {
      file: source.path,
      yaml: parsed.yaml,
      lineCounter: parsed.yamlLineCounter,
      firstLine: parsed.yamlFirstLine,
    };
    const body = parseBody(
      parsed.body,
      source.path,
      parsed.bodyFirstLine,
      imageResolver(source.path, contentDir),
      limits.sectionBytes,
    );
    diagnostics.push(...body.diagnostics);
    const data = isRecord(parsed.data) ? parsed.data : {};
    images.push(...body.sections.flatMap((s) => s.blocks.flatMap(blockImages)));
    if (source.kind === 'role') {
      // Read before the schema: a draft's problems are warnings even when its front matter has some.
      if (data.draft === true) drafts.add(source.slug);
      const { value, diagnostics: problems } = checkFrontMatter(roleSchema, parsed.data, at);
      diagnostics.push(...problems);
      if (body.sections.length === 0 && body.diagnostics.length === 0) {
        diagnostics.push({
          file: source.path,
          line: parsed.bodyFirstLine,
          message: 'has no sections; add at least one "## Heading" with a list or paragraph under it',
        });
      }
      if (value) {
        const { draft: _, ...fields } = value;
        roles.set(source.slug, {
          slug: source.slug,
          file: source.path,
          ...fields,
          short: value.short ?? value.title,
          sections: body.sections,
        });
        titleAt.set(source.slug, locate(parsed, source.path, ['title']));
        roleAt.set(source.slug, (yamlPath) => locate(parsed, source.path, yamlPath));
        diagnostics.push(...roleProvenanceWarnings(roles.get(source.slug)!, (_, p) => locate(parsed, source.path, p)));
        periodAt.set(
          source.slug,
          locate(parsed, source.path, ['outlook', value.outlook?.period === undefined ? '' : 'period'].filter(Boolean)),
        );
      }
    } else {
      listed.set(
        source.slug,
        Array.isArray(data.roles) ? data.roles.filter((r): r is string => typeof r === 'string') : [],
      );
      const { value, diagnostics: problems } = checkFrontMatter(deckSchema, parsed.data, at);
      diagnostics.push(...problems);
      if (value) {
        const { sections: sectionIds, brand: brandInput, labels: labelInput, ...rest } = value;
        const labels = checkLabels(labelInput, (key) => locate(parsed, source.path, ['labels', key]));
        diagnostics.push(...labels.diagnostics);
        const branded =
          brandInput &&
          checkBrand(brandInput, source.path, (key) => locate(parsed, source.path, ['brand', key]), contentDir);
        if (branded) diagnostics.push(...branded.diagnostics);
        const bytes =
          source.bytes.byteLength + [...new Set(rest.roles)].reduce((sum, slug) => sum + (roleBytes.get(slug) ?? 0), 0);
        if (bytes > limits.deckBytes) {
          diagnostics.push({
            ...locate(parsed, source.path, ['roles']),
            message: `this deck and the roles it compares are ${sizeText(bytes)}, over the limit of ${sizeText(limits.deckBytes)} for one deck; compare fewer or shorter roles`,
          });
        }
        const own = splitDeckNotes(body.sections, source.path);
        diagnostics.push(...own.diagnostics);
        const live = liveSections(own.prose, source.path);
        diagnostics.push(...live.diagnostics);
        const deck: Deck = {
          slug: source.slug,
          file: source.path,
          ...rest,
          brand: branded?.brand,
          labels: labels.labels,
          sectionIds: sectionIds ?? [],
          sections: live.sections,
          notes: own.notes,
        };
        const given = new Set(Object.keys(data));
        const settled = withDefaults(deck, given, settings.defaults, settings.overrides);
        if (settled.brand?.logo) images.push(settled.brand.logo);
        decks.push({ deck: settled, parsed });
      }
    }
  }

  const roleFiles = new Set(files.filter((f) => f.kind === 'role').map((f) => f.slug));
  const inScope = scopeFilter(files, listed, drafts, scope);
  const draftFiles = new Set(files.filter((f) => f.kind === 'role' && drafts.has(f.slug)).map((f) => f.path));
  for (const { deck, parsed } of decks) {
    const references = checkReferences(deck, parsed, roles, roleFiles, drafts, contentDir);
    diagnostics.push(...references);
    // Near matches only of a deck whose roles and sections are settled: fix the errors first.
    const deckRoles = deck.roles.map((slug) => roles.get(slug));
    if (!inScope(deck.file) || partition(references).errors.length > 0 || deckRoles.some((r) => r === undefined))
      continue;
    diagnostics.push(
      ...nearMatchWarnings({
        deck,
        roles: deckRoles as Role[],
        deckAt: (yamlPath) => locate(parsed, deck.file, yamlPath),
        listsSections: isRecord(parsed.data) && 'sections' in parsed.data,
        periodAt: (role) => periodAt.get(role.slug) ?? { file: role.file },
      }),
      ...roleWarnings(deck, deckRoles as Role[], (role) => titleAt.get(role.slug) ?? { file: role.file }),
      ...deckProvenanceWarnings(
        deck,
        deckRoles as Role[],
        (role, p) => roleAt.get(role.slug)?.(p) ?? { file: role.file },
      ),
    );
  }
  diagnostics.push(...scriptWarnings(files));
  diagnostics.push(
    ...accessibilityWarnings(
      [...roles.values()],
      decks.map((d) => d.deck),
    ),
  );
  if (decks.length === 0 && diagnostics.length === 0 && earlier.length === 0) {
    diagnostics.push({
      file: `${contentDir}/decks`,
      message: `no deck found; add a deck file such as ${contentDir}/decks/my-deck.md (see README, "Content format")`,
    });
  }
  // The reader's refusals (a link out of the content folder) stand whatever the scope: such a
  // file is never read, and a build must not pass over it in silence.
  const kept = unique(
    [...earlier, ...diagnostics.filter((d) => inScope(d.file))].map((d) =>
      draftFiles.has(d.file) && !isWarning(d) ? asDraftWarning(d) : d,
    ),
  );
  const { warnings } = partition(kept);
  const shown = decks.map((d) => d.deck).filter((deck) => inScope(deck.file));
  for (const slug of drafts) roles.delete(slug);
  // A draft is in no deck: its images are neither copied nor checked.
  const checked = images.filter((image) => inScope(image.file) && !draftFiles.has(image.file));
  return { model: { roles, decks: shown, images: checked, warnings }, diagnostics: kept };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A draft's problem: the same message, a warning until `draft: true` is removed. */
function asDraftWarning(d: Diagnostic): Diagnostic {
  return {
    ...d,
    message: `${d.message} (a warning while the role is a draft; an error once "draft: true" is removed)`,
    severity: 'warning',
  };
}

/** Two decks of the same roles find the same near match: it is told once. */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.severity}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where the front matter value at `path` starts (its nearest existing parent's when it is missing). */
function locate(parsed: ParsedFile, file: string, path: (string | number)[]): SourceLocation {
  return {
    file,
    ...locateIn(
      { file, yaml: parsed.yaml, lineCounter: parsed.yamlLineCounter, firstLine: parsed.yamlFirstLine },
      path,
    ),
  };
}

/** A deck's roles must exist, and each section it names must exist in at least one of them. */
function checkReferences(
  deck: Deck,
  parsed: ParsedFile,
  roles: Map<string, Role>,
  roleFiles: ReadonlySet<string>,
  drafts: ReadonlySet<string>,
  contentDir: string,
): Diagnostic[] {
  const at = (path: (string | number)[]) => locate(parsed, deck.file, path);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const ready = deck.roles.filter((slug) => !drafts.has(slug));
  deck.roles.forEach((slug, i) => {
    if (seen.has(slug))
      diagnostics.push({ ...at(['roles', i]), message: `role "${slug}" is listed twice; list each role once` });
    seen.add(slug);
    if (drafts.has(slug)) {
      const file = path.join(contentDir, 'roles', `${slug}.md`);
      diagnostics.push(
        new Set(ready).size >= 2
          ? {
              ...at(['roles', i]),
              severity: 'warning',
              message: `role "${slug}" is a draft ("draft: true" in ${file}), so the deck is built without it; remove that line when the role is ready`,
            }
          : {
              ...at(['roles', i]),
              message: `role "${slug}" is a draft ("draft: true" in ${file}) and without it the deck has fewer than two roles; remove that line when the role is ready, or list another role here`,
            },
      );
      return;
    }
    // A role whose file exists but has errors is reported there; saying "not found" would mislead.
    if (!roles.has(slug) && !roleFiles.has(slug)) {
      const known = [...roles.keys()].filter((s) => !drafts.has(s)).join(', ') || 'none yet';
      diagnostics.push({
        ...at(['roles', i]),
        message: `role "${slug}" not found; create ${path.join(contentDir, 'roles', `${slug}.md`)} or use one of: ${known}`,
      });
    }
  });
  // A draft is in no deck: the later stages never see it.
  deck.roles = ready;
  const deckRoles = deck.roles.map((slug) => roles.get(slug)).filter((r): r is Role => r !== undefined);
  if (deckRoles.length !== deck.roles.length) return diagnostics;

  const listed = deck.sectionIds.length > 0;
  if (!listed) deck.sectionIds = deckRoles[0]?.sections.map((s) => s.id) ?? [];
  const available = new Set(deckRoles.flatMap((r) => r.sections.map((s) => s.id)));
  // A section may be listed by its heading as well as its id ("Required skills", "परिभाषा" in NFD).
  deck.sectionIds = deck.sectionIds.map((id) => (available.has(id) || !available.has(slugify(id)) ? id : slugify(id)));
  deck.lines = {
    roles: at(['roles']).line,
    sections: listed ? Object.fromEntries(deck.sectionIds.map((id, i) => [id, at(['sections', i]).line ?? 1])) : {},
  };
  deck.sectionIds.forEach((id, i) => {
    if (!available.has(id)) {
      diagnostics.push({
        ...at(['sections', i]),
        message: `section "${id}" is in none of the deck's roles; use one of: ${[...available].join(', ')}`,
      });
    }
  });
  const titles = new Map(deckRoles.flatMap((r) => r.sections.map((s) => [s.id, s.title] as const)).reverse());
  diagnostics.push(
    ...resolveDeckNotes(
      deck.notes,
      deck.sectionIds.filter((id) => available.has(id)),
      titles,
      deckRoles,
    ),
  );
  return diagnostics;
}
