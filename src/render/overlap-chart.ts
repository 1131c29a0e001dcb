import type { Comparison } from '../compare/compare.js';
import { fillLabel, type Labels, resolveLabels } from '../model/labels.js';
import { type ChartLocale, type FigureRow, joinGroups, joinList } from './chart.js';
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
 * Scientist" differ in greyscale too (issue 11); what roles share stays solid. Each is drawn as
 * plain strokes clipped to its segment, not as an SVG <pattern>: Chromium prints a pattern inside
 * a scaled element (the handout's and the notes' slide thumbnails) as a picture of the whole chart
 * at print resolution, about 136 kB per segment, and a pattern on a page as many small pictures.
 * The strokes repeat every 8 px from the chart's origin, as the pattern tiles did.
 */
const PERIOD = 8;

/** The strokes of hatching `role` over the box (x, y, w, h), in the chart's coordinates. */
function hatchPath(role: number, x: number, y: number, w: number, h: number): string {
  const right = x + w;
  const bottom = y + h;
  const n = (v: number) => +v.toFixed(1);
  const from = (start: number, step: number) => Math.floor(start / step) * step;
  const d: string[] = [];
  const vertical = (phase: number) => {
    for (let at = from(x, 4) + phase; at <= right + 1; at += 4) d.push(`M${n(at)} ${y}V${bottom}`);
  };
  const horizontal = (phase: number) => {
    for (let at = from(y, 4) + phase; at <= bottom + 1; at += 4) d.push(`M${x} ${n(at)}H${n(right)}`);
  };
  // Lines x + y = c ("/") or x - y = c ("\"), every PERIOD along x, across the whole box.
  const rising = () => {
    for (let c = from(x + y, PERIOD); c <= right + bottom + PERIOD; c += PERIOD)
      d.push(`M${n(c - y)} ${y}L${n(c - bottom)} ${bottom}`);
  };
  const falling = () => {
    for (let c = from(x - bottom, PERIOD); c <= right - y + PERIOD; c += PERIOD)
      d.push(`M${n(c + y)} ${y}L${n(c + bottom)} ${bottom}`);
  };
  const dots = () => {
    for (let cy = from(y, PERIOD) - PERIOD; cy <= bottom + PERIOD; cy += PERIOD)
      for (let cx = from(x, PERIOD) - PERIOD; cx <= right + PERIOD; cx += PERIOD)
        d.push(`M${cx + 2} ${cy + 2}h0M${cx + 6} ${cy + 6}h0`);
  };
  [() => vertical(2), rising, dots, falling, () => horizontal(2), () => (rising(), falling())][role]?.();
  return d.join('');
}

/** The hatching of a role's segment over its colour; nothing for shared segments. */
function hatch(className: string, x: number, y: number, w: number, h: number): string {
  const role = /^role-(\d)$/.exec(className)?.[1];
  if (role === undefined) return '';
  // A nested <svg> clips the strokes to the segment; its viewBox keeps the chart's coordinates.
  const [bx, by, bw, bh] = [x, y, w, h].map((v) => +v.toFixed(1)) as [number, number, number, number];
  const box = `x="${bx}" y="${by}" width="${bw}" height="${bh}" viewBox="${bx} ${by} ${bw} ${bh}"`;
  return `<svg class="hatch-overlay" ${box} aria-hidden="true"><path class="hatch hatch-${role}" d="${hatchPath(Number(role), bx, by, bw, bh)}"/></svg>`;
}

interface Segment {
  count: number;
  /** CSS class that colours the segment. */
  className: string;
  name: string;
}

/** Each compared section's segments (shared by all, by some, each role's own), sections with none left out. */
function overlapRows(c: Comparison, locale: ChartLocale): { title: string; segments: Segment[] }[] {
  const { labels: text } = locale;
  const fill = locale.fill ?? fillLabel;
  const many = c.roles.length > 2;
  return c.sections
    .map((s) => ({
      title: s.title,
      segments: [
        {
          count: s.overlap.shared.length,
          className: 'overlap-all',
          name: many ? text.legendAllRoles : text.legendBothRoles,
        },
        ...(many ? [{ count: s.overlap.partial.length, className: 'overlap-some', name: text.legendSomeRoles }] : []),
        ...s.overlap.unique.map((u, i) => ({
          count: u.length,
          className: `role-${i}`,
          name: fill(text.legendOnlyRole, { role: c.roles[i]?.short ?? '' }),
        })),
      ] satisfies Segment[],
    }))
    .filter((row) => row.segments.some((seg) => seg.count > 0));
}

/**
 * The overlap chart as rows of text: a section and what its terms are ("3 shared by both, 2 ML
 * Engineer only"), no segment of zero. For outputs too small to draw the chart legibly.
 */
export function overlapFigureRows(c: Comparison, locale: Labels | ChartLocale): FigureRow[] {
  const known = 'labels' in locale ? (locale as ChartLocale) : { lang: 'en', labels: locale as Labels };
  const list = known.list ?? joinList;
  return overlapRows(c, known).map((row) => ({
    label: row.title,
    value: list(row.segments.filter((seg) => seg.count > 0).map((seg) => `${seg.count} ${seg.name}`)),
  }));
}

/**
 * For each compared section, one stacked bar of its distinct keywords: shared by every role,
 * shared by some (three roles or more), and unique to each role. SVG, so identical on screen
 * and on paper; <title> and <desc> carry the same figures as text. Right to left, the bars, the
 * legend and the labels are mirrored.
 */
export function overlapChart(c: Comparison, locale: ChartLocale = { lang: 'en', labels: resolveLabels('en') }): string {
  const { labels: text, dir = 'ltr' } = locale;
  const rows = overlapRows(c, locale);
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
          const left = m.box(x, w);
          const rect = `<rect class="${seg.className}" x="${left.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW}"><title>${escapeHtml(`${row.title}: ${seg.count} ${seg.name}`)}</title></rect>${hatch(seg.className, left, y, w, ROW)}`;
          // Under a role's count, a solid chip of its colour keeps the digits clear of the hatching
          // (a stroked ring round the text printed as a Type 3 font, 60 kB in every PDF).
          const chipW = 8 + String(seg.count).length * 9;
          const chip =
            seg.className.startsWith('role-') && w >= chipW + 4
              ? `<rect class="${seg.className}" x="${m.box(x + w / 2 - chipW / 2, chipW).toFixed(1)}" y="${y + 5}" width="${chipW}" height="${ROW - 10}" rx="3"/>`
              : '';
          const label =
            w >= 22
              ? `${chip}<text class="overlap-count on-${seg.className}" x="${m.x(x + w / 2).toFixed(1)}" y="${y + ROW / 2}" text-anchor="middle" dominant-baseline="central">${seg.count}</text>`
              : '';
          x += w;
          return rect + label;
        })
        .join('');
      return `${labelText(labels[r] ?? [row.title], m.x(LABEL - 12), y + ROW / 2, LINE, row.title)}${parts}`;
    })
    .join('');
  const list = locale.list ?? joinList;
  const desc = (locale.groups ?? joinGroups)(
    rows.map((row) => `${row.title}: ${list(row.segments.map((seg) => `${seg.count} ${seg.name}`))}`),
  );
  return (
    `<svg class="chart overlap-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ${chartDirection(dir)} role="img" aria-labelledby="overlap-title overlap-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="overlap-title">${escapeHtml(text.overlapChartTitle)}</title><desc id="overlap-desc">${escapeHtml(desc)}.</desc>` +
    `${legend}${bars}</svg>`
  );
}
