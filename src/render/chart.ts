import type { OutlookBar } from '../compare/compare.js';
import type { TextDirection } from '../model/index.js';
import { chartDirection, labelText, labelWidth, mirror, wrapLabel } from './chart-label.js';
import { escapeHtml } from './markdown.js';
import { type Labels, resolveLabels } from '../model/labels.js';
import { formatGrowth, formatPercent } from './formats.js';
import type { DeckLocale } from './locale.js';

export { formatGrowth };

/**
 * The deck's language (for numbers), its labels (for titles and legends) and direction in a chart;
 * a DeckLocale (render/locale.ts) is one, and also brings the deck's list separators and isolation.
 */
export interface ChartLocale extends Partial<Pick<DeckLocale, 'list' | 'groups' | 'fill'>> {
  lang: string;
  labels: Labels;
  /** Right to left, the bars grow from the right and the labels stand on the right. */
  dir?: TextDirection | undefined;
}

/** Lists of lists without a deck's locale (tests, English): "a; b". */
export const joinGroups = (items: readonly string[]): string => items.join('; ');
/** Lists without a deck's locale: "a, b". */
export const joinList = (items: readonly string[]): string => items.join(', ');

/** A chart's value as a row of text, with its bar's share of the longest bar (0-1) when it has one. */
export interface FigureRow {
  label: string;
  value: string;
  share?: number;
  /** The role's position in the deck, which picks its colour. */
  role?: number;
}

/** A role of the deck that has no outlook figure (Comparison.noOutlook). */
export interface MissingFigure {
  role: string;
  index: number;
}

/** The bars and the roles without a figure, in the deck's order of roles. */
function inDeckOrder(bars: readonly OutlookBar[], missing: readonly MissingFigure[]): (OutlookBar | MissingFigure)[] {
  return [...bars, ...missing].sort((a, b) => a.index - b.index);
}

/** "+22%", or "-3% (decline)", in the deck's language. */
function outlookValue(b: OutlookBar, { lang, labels }: ChartLocale): string {
  return `${formatGrowth(b.growth, lang)}${b.growth < 0 ? ` (${labels.outlookDecline})` : ''}`;
}

/** The outlook as rows of text with bars to draw in HTML: a role, its growth and period. */
export function outlookFigureRows(
  bars: readonly OutlookBar[],
  locale: ChartLocale,
  missing: readonly MissingFigure[] = [],
): FigureRow[] {
  const longest = Math.max(...bars.map((b) => Math.abs(b.growth)), 1);
  return inDeckOrder(bars, missing).map((b) =>
    'growth' in b
      ? {
          label: b.role,
          value: `${outlookValue(b, locale)}${b.period ? ` (${b.period})` : ''}`,
          share: Math.abs(b.growth) / longest,
          role: b.index,
        }
      : { label: b.role, value: locale.labels.outlookNoFigure, role: b.index },
  );
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
  /** Roles of the deck without a figure: a row of their own that says so, in deck order. */
  missing: readonly MissingFigure[] = [],
): string {
  const { lang, dir = 'ltr' } = locale;
  const growth = (value: number) => formatGrowth(value, lang);
  if (bars.length === 0) return '';
  const rowsOf = inDeckOrder(bars, missing);
  // A decline draws left of a zero line (right of it, right to left): the axis spans both sides when a value is negative.
  const max = Math.max(10, ...bars.map((b) => b.growth));
  const min = Math.min(0, ...bars.map((b) => b.growth));
  const scaleMax = Math.ceil(max / 5) * 5;
  const scaleMin = Math.floor(min / 5) * 5;
  const span = scaleMax - scaleMin;
  const labels = rowsOf.map((b) => wrapLabel(b.role, LABEL_CHARS));
  const LABEL = labelWidth(labels, 120, 280);
  const plot = WIDTH - LABEL - 70;
  // Each row is as tall as its bar or its label, whichever is taller.
  const rowHeights = labels.map((l) => Math.max(BAR, l.length * LINE));
  const tops = rowHeights.map((_, i) => rowHeights.slice(0, i).reduce((sum, h) => sum + h + GAP, 0));
  const height = rowHeights.reduce((sum, h) => sum + h + GAP, 0) + 34;
  const x = (v: number) => LABEL + ((v - scaleMin) / span) * plot;
  const zero = x(0);
  const m = mirror(dir, WIDTH);
  const said = (b: OutlookBar) => outlookValue(b, locale);
  const summary = (locale.groups ?? joinGroups)(
    rowsOf.map((b) =>
      'growth' in b
        ? `${b.role}: ${said(b)}${b.period ? ` (${b.period})` : ''}`
        : `${b.role}: ${locale.labels.outlookNoFigure}`,
    ),
  );

  const step = span <= 30 ? 5 : 10;
  const ticks = Array.from(
    { length: Math.floor(span / step) + 1 },
    (_, i) => Math.ceil(scaleMin / step) * step + i * step,
  )
    .filter((t) => t <= scaleMax)
    .map(
      (t) =>
        `<line class="chart-grid" x1="${m.x(x(t))}" x2="${m.x(x(t))}" y1="0" y2="${height - 28}"/><text class="chart-tick" x="${m.x(x(t))}" y="${height - 8}" text-anchor="middle">${formatPercent(t, lang)}</text>`,
    )
    .join('');
  const zeroLine =
    scaleMin < 0 ? `<line class="chart-zero" x1="${m.x(zero)}" x2="${m.x(zero)}" y1="0" y2="${height - 28}"/>` : '';
  const rows = rowsOf
    .map((bar, i) => {
      const middle = (tops[i] ?? 0) + GAP / 2 + (rowHeights[i] ?? BAR) / 2;
      const y = middle - BAR / 2;
      const label = labelText(labels[i] ?? [bar.role], m.x(LABEL - 12), middle, LINE, bar.role);
      // A role without a figure keeps its row: its name and "no figure" where its bar would start.
      if (!('growth' in bar))
        return `${label}<text class="chart-value chart-none" x="${m.x(zero + 8).toFixed(1)}" y="${middle}" dominant-baseline="central">${escapeHtml(locale.labels.outlookNoFigure)}</text>`;
      const w = Math.max(2, Math.abs(x(bar.growth) - zero));
      const left = bar.growth < 0 ? zero - w : zero;
      // A decline's value stands on the other side of the zero line, clear of the role's label.
      const valueX = bar.growth < 0 ? zero + 8 : zero + w + 8;
      return (
        label +
        `<rect class="role-${bar.index}" x="${m.box(left, w).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" rx="3"><title>${escapeHtml(`${bar.role}: ${said(bar)}`)}</title></rect>` +
        `<text class="chart-value" x="${m.x(valueX).toFixed(1)}" y="${y + BAR / 2}" dominant-baseline="central">${growth(bar.growth)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ${chartDirection(dir)} role="img" aria-labelledby="outlook-title outlook-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="outlook-title">${escapeHtml(locale.labels.outlookChartTitle)}</title><desc id="outlook-desc">${escapeHtml(summary)}</desc>` +
    `${ticks}${zeroLine}${rows}</svg>`
  );
}
