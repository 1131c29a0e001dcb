import path from 'node:path';
import type { Diagnostic, SourceLocation } from '../errors.js';
import type { Deck, Keyword, Role } from '../model/index.js';
import { closeHeadings, nearKeywords } from './similar.js';

/** One deck with its roles (all valid, in deck order) and where to point in its files. */
export interface DeckInContext {
  deck: Deck;
  roles: readonly Role[];
  /** Where a front matter value of the deck starts (`['sections', 2]`, `['roles', 0]`). */
  deckAt: (yamlPath: (string | number)[]) => SourceLocation;
  /** Whether the deck's front matter lists `sections:` itself (else they are the first role's). */
  listsSections: boolean;
  /** Where a role's `outlook.period` is written (its `outlook:` when it has no period). */
  periodAt: (role: Role) => SourceLocation;
}

/**
 * Content that builds but would lose something without a word: a renamed section heading (the
 * deck then shows "Not covered for this role."), a section the deck compares that a role lacks,
 * bold keywords written two ways (each then counts as unique), outlook figures of different
 * periods drawn in one chart. Each is a warning at the line where the fix goes.
 */
export function nearMatchWarnings(context: DeckInContext): Diagnostic[] {
  const renamed = renamedHeadings(context);
  return [
    ...renamed.warnings,
    ...missingSections(context, renamed.explained),
    ...uncomparedSections(context, renamed.warnings),
    ...nearKeywordWarnings(context),
    ...periodWarnings(context),
    ...missingFigures(context),
  ];
}

const warning = (at: SourceLocation, message: string): Diagnostic => ({ ...at, message, severity: 'warning' });
const base = (role: Role) => path.basename(role.file);
const list = (roles: readonly Role[]) => roles.map(base).join(', ');

/**
 * Pairs of headings that no role has both of, one in some roles and the other in others, close
 * enough to be one renamed or misspelt. The warning goes to the odd one: the heading the deck does
 * not compare while it compares the other, else the one fewer roles have, else the later role's.
 */
function renamedHeadings({ deck, roles }: DeckInContext): { warnings: Diagnostic[]; explained: Set<string> } {
  const titles = new Map<string, string>();
  const holders = new Map<string, Role[]>();
  for (const role of roles) {
    for (const s of role.sections) {
      if (!titles.has(s.id)) titles.set(s.id, s.title);
      holders.set(s.id, [...(holders.get(s.id) ?? []), role]);
    }
  }
  const partial = [...holders].filter(([, by]) => by.length < roles.length).map(([id]) => id);
  const warnings: Diagnostic[] = [];
  /** `role slug\0section id` of a role that lacks a section because it has a close one. */
  const explained = new Set<string>();
  for (const [i, a] of partial.entries()) {
    for (const b of partial.slice(i + 1)) {
      const [byA, byB] = [holders.get(a) ?? [], holders.get(b) ?? []];
      if (byA.some((r) => byB.includes(r)) || !closeHeadings(titles.get(a) ?? a, titles.get(b) ?? b)) continue;
      const [odd, usual] = oddOneOut(deck, roles, a, byA, b, byB);
      const [oddBy, usualBy] = odd === a ? [byA, byB] : [byB, byA];
      for (const role of usualBy) explained.add(`${role.slug}\0${odd}`);
      for (const role of oddBy) explained.add(`${role.slug}\0${usual}`);
      for (const role of oddBy) {
        const section = role.sections.find((s) => s.id === odd);
        warnings.push(
          warning(
            { file: role.file, line: section?.line },
            `"${titles.get(odd)}" is only in ${list(oddBy)}; did you mean "${titles.get(usual)}"? That is the heading in ${list(usualBy)}: rename one of the two so that the deck compares them side by side instead of showing "Not covered for this role."`,
          ),
        );
      }
    }
  }
  return { warnings, explained };
}

function oddOneOut(
  deck: Deck,
  roles: readonly Role[],
  a: string,
  byA: Role[],
  b: string,
  byB: Role[],
): [string, string] {
  const [comparedA, comparedB] = [deck.sectionIds.includes(a), deck.sectionIds.includes(b)];
  if (comparedA !== comparedB) return comparedA ? [b, a] : [a, b];
  if (byA.length !== byB.length) return byA.length < byB.length ? [a, b] : [b, a];
  const first = (by: Role[]) => Math.min(...by.map((r) => roles.indexOf(r)));
  return first(byA) > first(byB) ? [a, b] : [b, a];
}

/** A section the deck compares that a role lacks (and has no close heading for): that column says "Not covered". */
function missingSections(
  { deck, roles, deckAt, listsSections }: DeckInContext,
  explained: ReadonlySet<string>,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  deck.sectionIds.forEach((id, i) => {
    const title = roles.flatMap((r) => r.sections).find((s) => s.id === id)?.title ?? id;
    roles.forEach((role, j) => {
      if (role.sections.some((s) => s.id === id) || explained.has(`${role.slug}\0${id}`)) return;
      // The deck's own line when it lists the section; else the role's entry in its roles.
      const at = listsSections ? deckAt(['sections', i]) : deckAt(['roles', j]);
      warnings.push(
        warning(
          at,
          `${role.file} has no section "${title}" (${id}), so the deck shows "Not covered for this role." in its place; add "## ${title}" to ${role.file}${listsSections ? `, or remove "${id}" from this deck's sections` : ''}`,
        ),
      );
    });
  });
  return warnings;
}

/**
 * A deck without `sections:` compares its first role's sections: another role's sections that
 * the first lacks would be left out without a word. (A deck that lists its sections chose.)
 */
function uncomparedSections(
  { deck, roles, deckAt, listsSections }: DeckInContext,
  renamed: readonly Diagnostic[],
): Diagnostic[] {
  if (listsSections) return [];
  const warnings: Diagnostic[] = [];
  roles.forEach((role, j) => {
    for (const section of role.sections) {
      if (deck.sectionIds.includes(section.id)) continue;
      // A heading already told as a near match of a compared one needs no second warning.
      if (renamed.some((w) => w.file === role.file && w.line === section.line)) continue;
      warnings.push(
        warning(
          deckAt(['roles', j]),
          `section "${section.title}" of ${role.file} (line ${section.line}) is left out of this deck: without "sections:" a deck compares the sections of its first role, ${roles[0]?.file}; add "sections: [${[...deck.sectionIds, section.id].join(', ')}]" to this deck to show it`,
        ),
      );
    }
  });
  return warnings;
}

/** Bold keywords of one compared section written two ways in two roles: each would count as unique. */
function nearKeywordWarnings({ deck, roles }: DeckInContext): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const id of deck.sectionIds) {
    const perRole = roles.map((role) => keywordsWithLines(role, id));
    perRole.forEach((later, j) => {
      for (const [i, earlier] of perRole.slice(0, j).entries()) {
        const keysLater = new Set(later.map((k) => k.keyword.key));
        const keysEarlier = new Set(earlier.map((k) => k.keyword.key));
        for (const b of later) {
          if (keysEarlier.has(b.keyword.key)) continue;
          const a = earlier.find((k) => !keysLater.has(k.keyword.key) && nearKeywords(k.keyword, b.keyword));
          if (!a) continue;
          const other = roles[i]!;
          warnings.push(
            warning(
              { file: roles[j]!.file, line: b.line },
              `**${b.keyword.label}** here and **${a.keyword.label}** in ${other.file}:${a.line} count as two different keywords, so the comparison lists each as unique to its role; write the term the same way in both files if they mean the same`,
            ),
          );
        }
      }
    });
  }
  return warnings;
}

function keywordsWithLines(role: Role, sectionId: string): { keyword: Keyword; line: number }[] {
  const section = role.sections.find((s) => s.id === sectionId);
  const seen = new Set<string>();
  const found: { keyword: Keyword; line: number }[] = [];
  for (const block of section?.blocks ?? []) {
    if (block.kind !== 'list') continue;
    for (const item of block.items) {
      for (const keyword of item.keywords) {
        if (seen.has(keyword.key)) continue;
        seen.add(keyword.key);
        found.push({ keyword, line: item.line });
      }
    }
  }
  return found;
}

/** A role without an outlook figure in a deck whose other roles have one: the chart says "no figure" for it. */
function missingFigures({ deck, roles, deckAt }: DeckInContext): Diagnostic[] {
  const charted = roles.filter((r) => r.outlook);
  if (charted.length === 0) return [];
  return roles.flatMap((role, j) =>
    role.outlook
      ? []
      : [
          warning(
            deckAt(['roles', j]),
            `${role.file} has no outlook figure while ${charted[0]!.file} has one, so the outlook chart of ${deck.slug} shows "no figure" for ${role.short}; add an outlook: block (growth, period, group, source) to ${role.file}`,
          ),
        ],
  );
}

/** Outlook figures of different periods in one chart: bars that look comparable but are not. */
function periodWarnings({ roles, periodAt }: DeckInContext): Diagnostic[] {
  const charted = roles.filter((r) => r.outlook);
  if (charted.length < 2) return [];
  const periodOf = (r: Role) => r.outlook?.period?.replace(/\s*[-\u2010-\u2015]\s*/g, '-').trim();
  const counts = new Map<string | undefined, number>();
  for (const role of charted) counts.set(periodOf(role), (counts.get(periodOf(role)) ?? 0) + 1);
  if (counts.size < 2) return [];
  // The period most roles use (the first role's on a tie) is taken as meant; the others are told.
  const usual = [...counts].filter(([p]) => p !== undefined).sort((x, y) => y[1] - x[1])[0]?.[0];
  const model = charted.find((r) => periodOf(r) === usual)!;
  return charted
    .filter((role) => periodOf(role) !== usual)
    .map((role) =>
      warning(
        periodAt(role),
        role.outlook?.period === undefined
          ? `the outlook gives no period, while ${model.file} gives "${model.outlook?.period}" and one chart compares them; add period: "${model.outlook?.period}" with figures for that period`
          : `the outlook period "${role.outlook?.period}" differs from "${model.outlook?.period}" in ${model.file}, yet one chart compares them; use figures for the same period in both files`,
      ),
    );
}
