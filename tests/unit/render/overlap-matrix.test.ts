import { describe, expect, it } from 'vitest';
import { deckView } from '../../../src/render/deck-view.js';
import { overlapChart } from '../../../src/render/overlap-chart.js';
import { overlapMatrix, splitMatrix } from '../../../src/render/overlap-matrix.js';
import { deckFile, lines, roleFile } from '../source-files.js';
import { comparison } from './model.js';

const role = (slug: string, short: string, ...items: string[]) =>
  roleFile(slug, lines('---', `title: ${short} role`, `short: ${short}`, '---', '## Skills', '', ...items));
const deck = (roles: string) =>
  deckFile('d', lines('---', 'title: D', `roles: [${roles}]`, '---', '## Intro', '', 'Hi.'));

function sixRoles(extra = 0) {
  const many = Array.from({ length: extra }, (_, i) => `- **Term ${i}**`);
  return comparison([
    role('a', 'A', '- **Python**, **SQL**, **Docker**', ...many),
    role('b', 'B', '- **Python**, **SQL**, **PhD**'),
    role('c', 'C', '- **Python**, **Excel**'),
    role('d', 'D', '- **Python**, **SQL**'),
    role('e', 'E', '- **Python**, **Rust**'),
    role('f', 'F', '- **Python**'),
    deck('a, b, c, d, e, f'),
  ]);
}

describe('overlapMatrix', () => {
  it("has one row per term, one column per role, shared terms first, then each role's own in deck order", () => {
    const m = overlapMatrix(sixRoles());
    expect(m.head).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(m.groups.map((g) => g.title)).toEqual(['Skills']);
    const rows = m.groups[0]?.rows.map((r) => `${r.term}:${r.marks.map((x) => (x ? 'x' : '.')).join('')}`);
    expect(rows).toEqual(['Python:xxxxxx', 'SQL:xx.x..', 'Docker:x.....', 'PhD:.x....', 'Excel:..x...', 'Rust:....x.']);
  });

  it('is split over slides for six roles, every term kept once, every slide naming every role', () => {
    const c = sixRoles(60);
    const slides = deckView(c).slides.filter((s) => s.kind === 'overlap');
    expect(slides.length).toBeGreaterThan(2);
    const terms = slides.flatMap((s) => s.matrix?.groups.flatMap((g) => g.rows.map((r) => r.term)) ?? []);
    expect(terms).toEqual(overlapMatrix(c).groups.flatMap((g) => g.rows.map((r) => r.term)));
    for (const s of slides) {
      expect(s.matrix?.head).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
      expect(s.matrix?.groups[0]?.title).toBe('Skills');
      expect(s.table).toBeUndefined();
    }
  });

  it("repeats a section's heading on the page it continues on", () => {
    const m = overlapMatrix(sixRoles());
    const [first, second] = splitMatrix(m, [
      [
        { group: 0, row: 0 },
        { group: 0, row: 1 },
      ],
      [{ group: 0, row: 2 }],
    ]);
    expect(first?.groups.map((g) => [g.title, g.rows.length])).toEqual([['Skills', 2]]);
    expect(second?.groups.map((g) => [g.title, g.rows.map((r) => r.term)])).toEqual([['Skills', ['Docker']]]);
  });

  it('keeps the table of lists for three roles', () => {
    const c = comparison([
      role('a', 'A', '- **Python**'),
      role('b', 'B', '- **Go**'),
      role('c', 'C', '- **Go**'),
      deck('a, b, c'),
    ]);
    const slide = deckView(c).slides.find((s) => s.kind === 'overlap');
    expect(slide?.table?.head[0]).toBe('Section');
    expect(slide?.matrix).toBeUndefined();
  });
});

describe('overlapChart without colour', () => {
  it("hatches each role's own segment with its own strokes, in the bars and the legend, and leaves shared parts solid", () => {
    const svg = overlapChart(sixRoles());
    const overlays = [...svg.matchAll(/<path class="hatch hatch-(\d)" d="M[^"]+"/g)].map((m) => m[1]);
    // A legend swatch for each role, and a bar segment for each role with a term of its own (D and F have none).
    expect(new Set(overlays)).toEqual(new Set(['0', '1', '2', '3', '4', '5']));
    expect(overlays.filter((r) => r === '0')).toHaveLength(2);
    expect(overlays.filter((r) => r === '3')).toHaveLength(1);
    expect(svg).not.toMatch(/class="overlap-all"[^>]*>(<title>[^<]*<\/title><\/rect>)?<svg class="hatch-overlay"/);
  });

  it('draws the hatching as strokes clipped to the segment, never as a <pattern> (printed as a picture under a transform)', () => {
    const svg = overlapChart(sixRoles());
    expect(svg).not.toContain('<pattern');
    const boxes = [
      ...svg.matchAll(
        /<svg class="hatch-overlay" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" viewBox="([^"]+)"/g,
      ),
    ];
    expect(boxes.length).toBeGreaterThan(6);
    for (const [, x, y, w, h, viewBox] of boxes) expect(viewBox).toBe(`${x} ${y} ${w} ${h}`);
  });
});
