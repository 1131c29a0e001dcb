import { escapeHtml } from './markdown.js';

/**
 * Chart labels that are printed whole (issue 11: a fixed label area clipped "Senior ML Infra &
 * Platform Reliability" to "Platform Reliability"): wrapped over lines, the label area sized
 * from the text. Widths are estimates for Inter semibold; the SVG scales as a whole, so an
 * estimate that is a little generous only costs some margin.
 */
export const LABEL_CHAR_PX = 11.5;

/** Splits a label into lines of at most `chars` characters, between words; a longer word is cut. */
export function wrapLabel(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = word.match(new RegExp(`.{1,${chars}}`, 'gu')) ?? [word];
    for (const part of parts) {
      if (line && line.length + 1 + part.length <= chars) line += ` ${part}`;
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
  const longest = Math.max(0, ...lines.flat().map((l) => [...l].length));
  return Math.min(max, Math.max(min, Math.ceil(longest * LABEL_CHAR_PX) + 14));
}

/** A right-aligned label of one or more lines, centred on `y`; the whole text also in <title>. */
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
