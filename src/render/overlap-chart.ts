import type { Comparison } from '../compare/compare.js';
import type { TextDirection } from '../model/index.js';
import { chartDirection, labelText, labelWidth, mirror, wrapLabel } from './chart-label.js';
import { escapeHtml } from './markdown.js';
import { textUnits } from './text-width.js';

const ROW = 30;
const GAP = 14;
const WIDTH = 960;
const LEGEND = 40;
const LABEL_CHARS = 20;
const LINE = 22;

/**
 * One hatching per role, drawn over the role's colour, so "only ML Engineer" and "only AI
 * Scientist" differ in greyscale too (issue 11); what roles share stays solid. The ids are the
 * same in every chart, and a page holds one overlap chart.
 */
const HATCH: readonly string[] = [
  '<path d="M2 0V8M6 0V8"/>',
  '<path d="M-2 2L2 -2M0 8L8 0M6 10L10 6"/>',
  '<circle cx="2" cy="2" r="1.3"/><circle cx="6" cy="6" r="1.3"/>',
  '<path d="M-2 6L2 10M0 0L8 8M6 -2L10 2"/>',
  '<path d="M0 2H8M0 6H8"/>',
  '<path d="M0 0L8 8M8 0L0 8"/>',
];

function patterns(): string {
  return `<defs>${HATCH.map((shape, i) => `<pattern id="careerdeck-hatch-${i}" width="8" height="8" patternUnits="userSpaceOnUse"><g class="hatch">${shape}</g></pattern>`).join('')}</defs>`;
}

/** The hatching of a role's segment over its colour; nothing for shared segments. */
function hatch(className: string, x: string | number, y: number, w: string | number, h: number): string {
  const role = /^role-(\d)$/.exec(className)?.[1];
  return role === undefined
    ? ''
    : `<rect class="hatch-overlay" fill="url(#careerdeck-hatch-${role})" x="${x}" y="${y}" width="${w}" height="${h}"/>`;
}

interface Segment {
  count: number;
  /** CSS class that colours the segment. */
  className: string;
  name: string;
}

/**
 * For each compared section, one stacked bar of its distinct keywords: shared by every role,
 * shared by some (three roles or more), and unique to each role. SVG, so identical on screen
 * and on paper; <title> and <desc> carry the same figures as text. Right to left, the bars, the
 * legend and the labels are mirrored.
 */
export function overlapChart(c: Comparison, dir: TextDirection = 'ltr'): string {
  const many = c.roles.length > 2;
  const rows = c.sections
    .map((s) => ({
      title: s.title,
      segments: [
        { count: s.overlap.shared.length, className: 'overlap-all', name: many ? 'all roles' : 'both' },
        ...(many ? [{ count: s.overlap.partial.length, className: 'overlap-some', name: 'some roles' }] : []),
        ...s.overlap.unique.map((u, i) => ({
          count: u.length,
          className: `role-${i}`,
          name: `only ${c.roles[i]?.short ?? ''}`,
        })),
      ] satisfies Segment[],
    }))
    .filter((row) => row.segments.some((seg) => seg.count > 0));
  if (rows.length === 0) return '';

  const labels = rows.map((row) => wrapLabel(row.title, LABEL_CHARS));
  const LABEL = labelWidth(labels, 150, 260);
  const plot = WIDTH - LABEL - 10;
  const m = mirror(dir, WIDTH);
  // Legend entries flow left to right and wrap, sized by an estimate of their text width.
  let lx = LABEL;
  let ly = 6;
  const legend = (rows[0]?.segments ?? [])
    .map((seg) => {
      const width = 30 + textUnits(seg.name) * 8.5;
      if (lx + width > WIDTH && lx > LABEL) {
        lx = LABEL;
        ly += 26;
      }
      const item = `<rect class="${seg.className}" x="${m.box(lx, 16)}" y="${ly}" width="16" height="16" rx="2"/>${hatch(seg.className, m.box(lx, 16), ly, 16, 16)}<text class="chart-tick" x="${m.x(lx + 22)}" y="${ly + 13}">${escapeHtml(seg.name)}</text>`;
      lx += width + 14;
      return item;
    })
    .join('');
  const top = ly + LEGEND - 6;
  const pitch = labels.map((l) => Math.max(ROW, l.length * LINE) + GAP);
  const height = top + pitch.reduce((sum, p) => sum + p, 0);
  const bars = rows
    .map((row, r) => {
      const y = top + pitch.slice(0, r).reduce((sum, p) => sum + p, 0) + ((pitch[r] ?? ROW + GAP) - GAP - ROW) / 2;
      const total = row.segments.reduce((sum, seg) => sum + seg.count, 0);
      let x = LABEL;
      const parts = row.segments
        .filter((seg) => seg.count > 0)
        .map((seg) => {
          const w = (seg.count / total) * plot;
          const left = m.box(x, w).toFixed(1);
          const rect = `<rect class="${seg.className}" x="${left}" y="${y}" width="${w.toFixed(1)}" height="${ROW}"><title>${escapeHtml(`${row.title}: ${seg.count} ${seg.name}`)}</title></rect>${hatch(seg.className, left, y, w.toFixed(1), ROW)}`;
          const label =
            w >= 22
              ? `<text class="overlap-count on-${seg.className}" x="${m.x(x + w / 2).toFixed(1)}" y="${y + ROW / 2}" text-anchor="middle" dominant-baseline="central">${seg.count}</text>`
              : '';
          x += w;
          return rect + label;
        })
        .join('');
      return `${labelText(labels[r] ?? [row.title], m.x(LABEL - 12), y + ROW / 2, LINE, row.title)}${parts}`;
    })
    .join('');
  const desc = rows
    .map((row) => `${row.title}: ${row.segments.map((seg) => `${seg.count} ${seg.name}`).join(', ')}`)
    .join('; ');
  return (
    `<svg class="chart overlap-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ${chartDirection(dir)} role="img" aria-labelledby="overlap-title overlap-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="overlap-title">Keywords shared and unique, by section</title><desc id="overlap-desc">${escapeHtml(desc)}.</desc>` +
    `${patterns()}${legend}${bars}</svg>`
  );
}
