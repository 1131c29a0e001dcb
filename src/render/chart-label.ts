import type { TextDirection } from '../model/index.js';
import { escapeHtml } from './markdown.js';
import { textUnits } from './text-width.js';

/**
 * Chart labels that are printed whole (issue 11: a fixed label area clipped "Senior ML Infra &
 * Platform Reliability" to "Platform Reliability"): wrapped over lines, the label area sized
 * from the text. Widths are estimates for Inter semibold; the SVG scales as a whole, so an
 * estimate that is a little generous only costs some margin.
 */
export const LABEL_CHAR_PX = 11.5;

const units = textUnits;

/** Cuts a word longer than `chars` units into pieces of at most `chars` units. */
function pieces(word: string, chars: number): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of word) {
    if (part && units(part + ch) > chars) {
      parts.push(part);
      part = '';
    }
    part += ch;
  }
  return part ? [...parts, part] : parts;
}

/**
 * Splits a label into lines of at most `chars` units (a Latin letter is one, an ideograph two),
 * between words; a longer word, or a run of CJK text without spaces, is cut.
 */
export function wrapLabel(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (const part of pieces(word, chars)) {
      if (line && units(line) + 1 + units(part) <= chars) line += ` ${part}`;
      else {
        if (line) lines.push(line);
        line = part;
      }
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Width in SVG units that the longest of these lines needs, within [min, max]. */
export function labelWidth(lines: readonly string[][], min: number, max: number): number {
  const longest = Math.max(0, ...lines.flat().map(units));
  return Math.min(max, Math.max(min, Math.ceil(longest * LABEL_CHAR_PX) + 14));
}

/**
 * A chart laid out left to right, drawn in the page's direction: in a right-to-left chart every
 * x is mirrored, so bars grow from the right and labels stand at their right. Text keeps its
 * `text-anchor`: the chart's own `direction` (see `chartDirection`) turns "end" and "start" round.
 */
export function mirror(dir: TextDirection, width: number) {
  const rtl = dir === 'rtl';
  return {
    /** A point: a text's anchor, a grid line. */
    x: (x: number): number => (rtl ? width - x : x),
    /** The left edge of a box `w` wide that starts at `x` when read left to right. */
    box: (x: number, w: number): number => (rtl ? width - x - w : x),
  };
}

/**
 * The `direction` written on a chart's <svg>: always, since an inline SVG inherits the page's,
 * and the anchors of a left-to-right chart in a right-to-left page would all turn round.
 */
export function chartDirection(dir: TextDirection): string {
  return `direction="${dir}"`;
}

/** A label of one or more lines, its end at `x` (the right in ltr, the left in rtl), centred on `y`. */
export function labelText(lines: readonly string[], x: number, y: number, lineHeight: number, full: string): string {
  const title = lines.length > 1 ? `<title>${escapeHtml(full)}</title>` : '';
  if (lines.length === 1)
    return `<text class="chart-label" x="${x}" y="${y}" text-anchor="end" dominant-baseline="central">${escapeHtml(lines[0] ?? '')}</text>`;
  const first = y - ((lines.length - 1) * lineHeight) / 2;
  const spans = lines
    .map((line, i) => `<tspan x="${x}" y="${(first + i * lineHeight).toFixed(1)}">${escapeHtml(line)}</tspan>`)
    .join('');
  return `<text class="chart-label" text-anchor="end" dominant-baseline="central" aria-label="${escapeHtml(full)}">${title}${spans}</text>`;
}
