import type { OutlookBar } from '../compare/compare.js';
import { escapeHtml } from './markdown.js';

const BAR = 34;
const GAP = 18;
const LABEL = 190;
const WIDTH = 720;

/**
 * The outlook as a horizontal bar chart in SVG, so it is identical on screen and on paper.
 * Colours come from CSS classes (`role-N`), so themes can restyle it; the title and
 * description give a text alternative.
 */
export function outlookChart(bars: readonly OutlookBar[]): string {
  if (bars.length === 0) return '';
  const max = Math.max(10, ...bars.map((b) => b.growth));
  const scaleMax = Math.ceil(max / 5) * 5;
  const plot = WIDTH - LABEL - 70;
  const height = bars.length * (BAR + GAP) + 34;
  const x = (v: number) => LABEL + (Math.max(0, v) / scaleMax) * plot;
  const summary = bars.map((b) => `${b.role}: ${formatGrowth(b.growth)}${b.period ? ` (${b.period})` : ''}`).join('; ');

  const ticks = Array.from({ length: scaleMax / 5 + 1 }, (_, i) => i * 5)
    .filter((t) => scaleMax <= 30 || t % 10 === 0)
    .map((t) => `<line class="chart-grid" x1="${x(t)}" x2="${x(t)}" y1="0" y2="${height - 28}"/><text class="chart-tick" x="${x(t)}" y="${height - 8}" text-anchor="middle">${t}%</text>`)
    .join('');
  const rows = bars
    .map((bar, i) => {
      const y = i * (BAR + GAP) + GAP / 2;
      const w = Math.max(2, x(bar.growth) - LABEL);
      return (
        `<text class="chart-label" x="${LABEL - 12}" y="${y + BAR / 2}" text-anchor="end" dominant-baseline="central">${escapeHtml(bar.role)}</text>` +
        `<rect class="role-${bar.index}" x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" rx="3"/>` +
        `<text class="chart-value" x="${(LABEL + w + 8).toFixed(1)}" y="${y + BAR / 2}" dominant-baseline="central">${formatGrowth(bar.growth)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="outlook-title outlook-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="outlook-title">Projected employment growth</title><desc id="outlook-desc">${escapeHtml(summary)}</desc>` +
    `${ticks}${rows}</svg>`
  );
}

export function formatGrowth(growth: number): string {
  return `${growth > 0 ? '+' : ''}${growth}%`;
}
