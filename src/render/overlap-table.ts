import type { Comparison } from '../compare/compare.js';
import { fillLabel, type Labels, resolveLabels } from '../model/labels.js';
import { keywordList } from './pieces.js';

export interface OverlapTable {
  head: string[];
  /** One row per section that has keywords: title, shared, (some,) then one cell per role. */
  rows: string[][];
}

/** What the roles share and what is unique to each, section by section, as table text. */
export function overlapTable(c: Comparison, labels: Labels = resolveLabels('en')): OverlapTable {
  const many = c.roles.length > 2;
  const short = (i: number) => c.roles[i]?.short ?? '';
  return {
    head: [
      labels.sectionColumn,
      many ? labels.allRoles : labels.bothRoles,
      ...(many ? [labels.someRoles] : []),
      ...c.roles.map((r) => fillLabel(labels.onlyRole, { role: r.short })),
    ],
    rows: c.sections
      .filter((s) => s.overlap.shared.length + s.overlap.partial.length + s.overlap.unique.flat().length > 0)
      .map((s) => [
        s.title,
        keywordList(s.overlap.shared) || '–',
        ...(many
          ? [s.overlap.partial.map((p) => `${p.keyword.label} (${p.roles.map(short).join(', ')})`).join(', ') || '–']
          : []),
        ...s.overlap.unique.map((u) => keywordList(u) || '–'),
      ]),
  };
}
