import type { Diagnostic, SourceLocation } from '../errors.js';
import type { Deck, ListBlock, Role } from '../model/index.js';

/**
 * What builds but is probably not meant, about the roles of one deck: a role whose compared
 * sections have no **bold** keywords while another's have (its column is "–" in every comparison), and two roles with
 * the same title (the audience cannot tell their columns apart). Each at the line to change.
 */
export function roleWarnings(
  deck: Deck,
  roles: readonly Role[],
  titleAt: (role: Role) => SourceLocation,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  // Only beside a role that has some: a deck with none at all compares prose, and says so in its overlap slide.
  const listsOf = (role: Role) => {
    const compared = role.sections.filter((s) => deck.sectionIds.includes(s.id));
    return { compared, lists: compared.flatMap((s) => s.blocks.filter((b): b is ListBlock => b.kind === 'list')) };
  };
  const hasKeywords = (role: Role) => listsOf(role).lists.some((l) => l.items.some((i) => i.keywords.length > 0));
  const anyKeywords = roles.some(hasKeywords);
  // The sections where some role has keywords: a role that lacks one is warned of that already (near-matches.ts).
  const keyed = new Set(
    roles.flatMap((r) =>
      r.sections
        .filter((s) => deck.sectionIds.includes(s.id))
        .filter((s) => s.blocks.some((b) => b.kind === 'list' && b.items.some((i) => i.keywords.length > 0)))
        .map((s) => s.id),
    ),
  );
  for (const role of roles) {
    const { compared, lists } = listsOf(role);
    const lacksOne = [...keyed].some((id) => !role.sections.some((s) => s.id === id));
    if (!anyKeywords || lists.length === 0 || hasKeywords(role) || lacksOne) continue;
    const first = lists[0] ?? compared[0];
    warnings.push({
      file: role.file,
      line: first?.line,
      severity: 'warning',
      message: `"${role.title}" has no **bold** keywords in the sections ${deck.file} compares, so its column is "–" in every comparison of skills and tools; put the key terms of its list items in **bold**`,
    });
  }
  const seen = new Map<string, Role>();
  for (const role of roles) {
    const key = role.title.trim().toLowerCase().replace(/\s+/g, ' ');
    const twin = seen.get(key);
    if (!twin) {
      seen.set(key, role);
      continue;
    }
    const at = titleAt(role);
    const first = titleAt(twin);
    warnings.push({
      ...at,
      severity: 'warning',
      message: `"${role.title}" is also the title of ${twin.file}${first.line ? `:${first.line}` : ''}, and ${deck.file} shows both: their slides and columns cannot be told apart; give one a title of its own`,
    });
  }
  return warnings;
}
