import type { Comparison } from '../compare/compare.js';
import { escapeHtml } from './markdown.js';

const ROW = 30;
const GAP = 14;
const LABEL = 230;
const WIDTH = 960;
const LEGEND = 40;

interface Segment {
  count: number;
  /** CSS class that colours the segment. */
  className: string;
  name: string;
}

/**
 * For each compared section, one stacked bar of its distinct keywords: shared by every role,
 * shared by some (three roles or more), and unique to each role. SVG, so identical on screen
 * and on paper; <title> and <desc> carry the same figures as text.
 */
export function overlapChart(c: Comparison): string {
  const many = c.roles.length > 2;
  const rows = c.sections
    .map((s) => ({
      title: s.title,
      segments: [
        { count: s.overlap.shared.length, className: 'overlap-all', name: many ? 'all roles' : 'both' },
        ...(many ? [{ count: s.overlap.partial.length, className: 'overlap-some', name: 'some roles' }] : []),
        ...s.overlap.unique.map((u, i) => ({ count: u.length, className: `role-${i}`, name: `only ${c.roles[i]?.short ?? ''}` })),
      ] satisfies Segment[],
    }))
    .filter((row) => row.segments.some((seg) => seg.count > 0));
  if (rows.length === 0) return '';

  const plot = WIDTH - LABEL - 10;
  // Legend entries flow left to right and wrap, sized by an estimate of their text width.
  let lx = LABEL;
  let ly = 6;
  const legend = (rows[0]?.segments ?? [])
    .map((seg) => {
      const width = 30 + seg.name.length * 8.5;
      if (lx + width > WIDTH && lx > LABEL) {
        lx = LABEL;
        ly += 26;
      }
      const item = `<rect class="${seg.className}" x="${lx}" y="${ly}" width="16" height="16" rx="2"/><text class="chart-tick" x="${lx + 22}" y="${ly + 13}">${escapeHtml(seg.name)}</text>`;
      lx += width + 14;
      return item;
    })
    .join('');
  const top = ly + LEGEND - 6;
  const height = top + rows.length * (ROW + GAP);
  const bars = rows
    .map((row, r) => {
      const y = top + r * (ROW + GAP);
      const total = row.segments.reduce((sum, seg) => sum + seg.count, 0);
      let x = LABEL;
      const parts = row.segments
        .filter((seg) => seg.count > 0)
        .map((seg) => {
          const w = (seg.count / total) * plot;
          const rect = `<rect class="${seg.className}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW}"><title>${escapeHtml(`${row.title}: ${seg.count} ${seg.name}`)}</title></rect>`;
          const label = w >= 22 ? `<text class="overlap-count on-${seg.className}" x="${(x + w / 2).toFixed(1)}" y="${y + ROW / 2}" text-anchor="middle" dominant-baseline="central">${seg.count}</text>` : '';
          x += w;
          return rect + label;
        })
        .join('');
      return `<text class="chart-label" x="${LABEL - 12}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="central">${escapeHtml(row.title)}</text>${parts}`;
    })
    .join('');
  const desc = rows.map((row) => `${row.title}: ${row.segments.map((seg) => `${seg.count} ${seg.name}`).join(', ')}`).join('; ');
  return (
    `<svg class="chart overlap-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="overlap-title overlap-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="overlap-title">Keywords shared and unique, by section</title><desc id="overlap-desc">${escapeHtml(desc)}.</desc>` +
    `${legend}${bars}</svg>`
  );
}
