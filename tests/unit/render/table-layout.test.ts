import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../src/model/index.js';
import { MIN_TABLE_SCALE, tableLayout } from '../../../src/render/table-layout.js';
import { paperLayout, piecesToHtml, sectionPieces } from '../../../src/render/pieces.js';

const table = (columns: number, rows = 2): TableBlock => ({
  kind: 'table',
  head: ['Level', ...Array.from({ length: columns - 1 }, (_, j) => `Year ${j + 1}`)],
  align: Array.from({ length: columns }, (_, j) => (j === 0 ? null : 'right')),
  rows: Array.from({ length: rows }, (_, i) => ({
    cells: [`Grade ${i + 1}`, ...Array.from({ length: columns - 1 }, () => '25,000')],
    line: 12 + i,
  })),
  images: [],
  line: 10,
});

describe('tableLayout', () => {
  it('keeps a narrow table whole at full size', () => {
    expect(tableLayout(table(3), 96)).toEqual([{ columns: [0, 1, 2], scale: 1 }]);
  });

  it('draws a slightly wide table smaller, never below the minimum', () => {
    const [part, ...more] = tableLayout(table(6), 48);
    expect(more).toEqual([]);
    expect(part?.scale).toBeLessThan(1);
    expect(part?.scale).toBeGreaterThanOrEqual(MIN_TABLE_SCALE);
  });

  it('splits a table too wide even at the minimum by columns, each part repeating the first', () => {
    const parts = tableLayout(table(9), 48);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.columns[0]).toBe(0);
    expect(parts.flatMap((p) => p.columns.slice(1))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('tables as pieces', () => {
  const section = { id: 's', title: 'S', line: 9, notes: [], blocks: [table(3, 4)] };

  it('are one piece per row, each carrying the header, joined back into one table', () => {
    const pieces = sectionPieces(section);
    expect(pieces.map((p) => [p.kind, p.line])).toEqual([
      ['row', 12],
      ['row', 13],
      ['row', 14],
      ['row', 15],
    ]);
    const html = piecesToHtml(pieces.slice(2));
    expect(html.match(/<table/g)).toHaveLength(1);
    expect(html).toContain('<th>Level</th><th class="align-end">Year 1</th>');
    expect(html).toContain('<td>Grade 3</td>');
    expect(html).not.toContain('Grade 1');
  });

  it('warn at the table line when a slide splits one, and not on paper', () => {
    const warnings: unknown[] = [];
    sectionPieces({ ...section, blocks: [table(9)] }, { chars: 48, file: 'r.md', warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      {
        file: 'r.md',
        line: 10,
        severity: 'warning',
        message: expect.stringMatching(/too wide for a slide: it is shown as \d tables/),
      },
    ]);
    expect(() => sectionPieces({ ...section, blocks: [table(9)] }, paperLayout(48))).not.toThrow();
  });
});

describe('lists as pieces', () => {
  it("number from the author's first number and continue where a list is split", () => {
    const pieces = sectionPieces({
      id: 's',
      title: 'S',
      line: 1,
      notes: [],
      blocks: [
        {
          kind: 'list',
          ordered: true,
          start: 3,
          line: 3,
          items: [3, 4, 5].map((n) => ({ markdown: `item ${n}`, keywords: [], images: [], line: n })),
        },
      ],
    });
    expect(piecesToHtml(pieces)).toMatch(/^<ol start="3"><li>item 3/);
    expect(piecesToHtml(pieces.slice(2))).toBe('<ol start="5"><li>item 5</li></ol>');
  });

  it('keep two lists in a row apart, and show task boxes and nested lists', () => {
    const list = (line: number, checked?: boolean) => ({
      kind: 'list' as const,
      ordered: false,
      start: 1,
      line,
      items: [
        {
          markdown: `item ${line}`,
          keywords: [],
          images: [],
          line,
          checked,
          children: {
            kind: 'list' as const,
            ordered: true,
            start: 2,
            line: line + 1,
            items: [{ markdown: 'sub', keywords: [], images: [], line: line + 1 }],
          },
        },
      ],
    });
    const html = piecesToHtml(
      sectionPieces({ id: 's', title: 'S', line: 1, notes: [], blocks: [list(3, true), list(6, false)] }),
    );
    expect(html.match(/<ul>/g)).toHaveLength(2);
    expect(html).toContain('<span class="task-box done">\u2713</span> item 3<ol start="2"><li>sub</li></ol>');
    expect(html).toContain('<span class="task-box">\u25A1</span> item 6');
  });
});
