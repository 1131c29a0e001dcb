import type { Comparison } from '../compare/compare.js';

/** Above this many roles the overlap is drawn as a matrix: a table of lists would need cells taller than a slide. */
export const MATRIX_FROM_ROLES = 4;

export interface MatrixRow {
  term: string;
  /** One per deck role: whether that role lists the term. */
  marks: boolean[];
}

export interface MatrixGroup {
  /** The section title, repeated on every slide the section continues on. */
  title: string;
  /** Columns the group's heading row spans: the term column and one per role. */
  span: number;
  rows: MatrixRow[];
}

export interface OverlapMatrix {
  /** The roles' short names, one column each. */
  head: string[];
  groups: MatrixGroup[];
}

/**
 * What 4 to 6 roles share, as one row per bold term and one column per role (issue 11: a
 * "Some roles" cell of a 6-role deck was ~1,400 px tall). Rows are grouped by section, the
 * terms most roles share first, then each role's own terms in deck order; every term is kept.
 */
export function overlapMatrix(c: Comparison): OverlapMatrix {
  const count = c.roles.length;
  const groups = c.sections.flatMap((s): MatrixGroup[] => {
    const all = (holders: readonly number[]) => Array.from({ length: count }, (_, i) => holders.includes(i));
    const shared = s.overlap.shared.map((k) => ({ term: k.label, marks: all(c.roles.map((_, i) => i)) }));
    const partial = [...s.overlap.partial]
      .sort((a, b) => b.roles.length - a.roles.length)
      .map((p) => ({ term: p.keyword.label, marks: all(p.roles) }));
    const unique = s.overlap.unique.flatMap((keywords, role) =>
      keywords.map((k) => ({ term: k.label, marks: all([role]) })),
    );
    const rows = [...shared, ...partial, ...unique];
    return rows.length > 0 ? [{ title: s.title, span: count + 1, rows }] : [];
  });
  return { head: c.roles.map((r) => r.short), groups };
}

/** A matrix cut into pages of rows; a section that continues on a page gets its heading again. */
export function splitMatrix(
  m: OverlapMatrix,
  pages: readonly (readonly { group: number; row: number }[])[],
): OverlapMatrix[] {
  return pages.map((cells) => {
    const groups: MatrixGroup[] = [];
    for (const { group, row } of cells) {
      const source = m.groups[group];
      const target = groups.at(-1)?.title === source?.title ? groups.at(-1) : undefined;
      const item = source?.rows[row];
      if (!source || !item) continue;
      if (target) target.rows.push(item);
      else groups.push({ title: source.title, span: source.span, rows: [item] });
    }
    return { head: m.head, groups };
  });
}
