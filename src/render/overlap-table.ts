import type { Comparison } from '../compare/compare.js';
import { fillLabel, type Labels, resolveLabels } from '../model/labels.js';
import { type ChartLocale, joinList } from './chart.js';
import { keywordList } from './pieces.js';

export interface OverlapTable {
  head: string[];
  /** One row per section that has keywords: title, shared, (some,) then one cell per role. */
  rows: string[][];
}

/** What the roles share and what is unique to each, section by section, as table text. */
export function overlapTable(c: Comparison, locale: Labels | ChartLocale = resolveLabels('en')): OverlapTable {
  const known = 'labels' in locale ? (locale as ChartLocale) : undefined;
  const labels = known?.labels ?? (locale as Labels);
  // The deck's list separator ("، " in Arabic, "、" in Chinese) and its isolation of role names.
  const list = known?.list ?? joinList;
  const fill = known?.fill ?? fillLabel;
  const many = c.roles.length > 2;
  const short = (i: number) => c.roles[i]?.short ?? '';
  return {
    head: [
      labels.sectionColumn,
      many ? labels.allRoles : labels.bothRoles,
      ...(many ? [labels.someRoles] : []),
      ...c.roles.map((r) => fill(labels.onlyRole, { role: r.short })),
    ],
    rows: c.sections
      .filter((s) => s.overlap.shared.length + s.overlap.partial.length + s.overlap.unique.flat().length > 0)
      .map((s) => [
        s.title,
        keywordList(s.overlap.shared, list) || '–',
        ...(many
          ? [list(s.overlap.partial.map((p) => `${p.keyword.label} (${list(p.roles.map(short))})`)) || '–']
          : []),
        ...s.overlap.unique.map((u) => keywordList(u, list) || '–'),
      ]),
  };
}
