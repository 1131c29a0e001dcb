/**
 * Handlebars helpers: small, pure, each tested. Content reaches templates only as data,
 * never as template source.
 */

/** A quoted CSS string for `content:`; safe inside a <style> element (no `</style>` break-out). */
export function cssString(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The text of a page-margin box (the running header) as a CSS string, without emoji: an emoji in
 * any margin box makes Chromium (156) drop every margin box of the document, page numbers
 * included. The title keeps its emoji everywhere else.
 */
export function marginText(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const plain = text
    // Pictographs, regional-indicator flags, skin tones, the joiner, presentation selectors, keycaps.
    .replace(/\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\u200d|\ufe0e|\ufe0f|\u20e3/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cssString(plain);
}

export const helpers = { cssString, marginText } as const;
