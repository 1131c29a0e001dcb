import type { OutlookBar } from '../compare/compare.js';
import type { TextDirection } from '../model/index.js';
import { chartDirection, labelText, labelWidth, mirror, wrapLabel } from './chart-label.js';
import { escapeHtml } from './markdown.js';
import { type Labels, resolveLabels } from '../model/labels.js';
import { formatGrowth, formatPercent } from './formats.js';

export { formatGrowth };

/** The deck's language (for numbers), its labels (for titles and legends) and direction in a chart. */
export interface ChartLocale {
  lang: string;
  labels: Labels;
  /** Right to left, the bars grow from the right and the labels stand on the right. */
  dir?: TextDirection | undefined;
}

const BAR = 34;
const GAP = 18;
const WIDTH = 720;
/** Label lines of up to this many characters; the label area is as wide as the longest needs. */
const LABEL_CHARS = 22;
const LINE = 23;

/**
 * The outlook as a horizontal bar chart in SVG, so it is identical on screen and on paper.
 * Colours come from CSS classes (`role-N`), so themes can restyle it; the title and
 * description give a text alternative. Right to left, the bars grow from the right.
 */
export function outlookChart(
  bars: readonly OutlookBar[],
  locale: ChartLocale = { lang: 'en', labels: resolveLabels('en') },
): string {
  const { lang, dir = 'ltr' } = locale;
  const growth = (value: number) => formatGrowth(value, lang);
  if (bars.length === 0) return '';
  const max = Math.max(10, ...bars.map((b) => b.growth));
  const scaleMax = Math.ceil(max / 5) * 5;
  const labels = bars.map((b) => wrapLabel(b.role, LABEL_CHARS));
  const LABEL = labelWidth(labels, 120, 280);
  const plot = WIDTH - LABEL - 70;
  // Each row is as tall as its bar or its label, whichever is taller.
  const rowHeights = labels.map((l) => Math.max(BAR, l.length * LINE));
  const tops = rowHeights.map((_, i) => rowHeights.slice(0, i).reduce((sum, h) => sum + h + GAP, 0));
  const height = rowHeights.reduce((sum, h) => sum + h + GAP, 0) + 34;
  const x = (v: number) => LABEL + (Math.max(0, v) / scaleMax) * plot;
  const m = mirror(dir, WIDTH);
  const summary = bars.map((b) => `${b.role}: ${growth(b.growth)}${b.period ? ` (${b.period})` : ''}`).join('; ');

  const ticks = Array.from({ length: scaleMax / 5 + 1 }, (_, i) => i * 5)
    .filter((t) => scaleMax <= 30 || t % 10 === 0)
    .map(
      (t) =>
        `<line class="chart-grid" x1="${m.x(x(t))}" x2="${m.x(x(t))}" y1="0" y2="${height - 28}"/><text class="chart-tick" x="${m.x(x(t))}" y="${height - 8}" text-anchor="middle">${formatPercent(t, lang)}</text>`,
    )
    .join('');
  const rows = bars
    .map((bar, i) => {
      const middle = (tops[i] ?? 0) + GAP / 2 + (rowHeights[i] ?? BAR) / 2;
      const y = middle - BAR / 2;
      const w = Math.max(2, x(bar.growth) - LABEL);
      return (
        labelText(labels[i] ?? [bar.role], m.x(LABEL - 12), middle, LINE, bar.role) +
        `<rect class="role-${bar.index}" x="${m.box(LABEL, w).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" rx="3"><title>${escapeHtml(`${bar.role}: ${growth(bar.growth)}`)}</title></rect>` +
        `<text class="chart-value" x="${m.x(LABEL + w + 8).toFixed(1)}" y="${y + BAR / 2}" dominant-baseline="central">${growth(bar.growth)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ${chartDirection(dir)} role="img" aria-labelledby="outlook-title outlook-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="outlook-title">${escapeHtml(locale.labels.outlookChartTitle)}</title><desc id="outlook-desc">${escapeHtml(summary)}</desc>` +
    `${ticks}${rows}</svg>`
  );
}
