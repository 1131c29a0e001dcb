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
 * Characters drawn as emoji: pictographs shown as emoji by default, any symbol followed by the
 * emoji presentation selector, flags, skin tones, joiners and keycaps. Text symbols that are also
 * pictographs (© ® ™ ↔) are kept.
 */
const EMOJI =
  /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\u200d|\ufe0f|\u20e3/gu;

/**
 * Text for a page-margin box (running header, footer, page numbers) without emoji: an emoji in
 * any margin box makes Chromium (156) drop every margin box of the document, page numbers
 * included (seen with a deck title ending in 🚀). The text keeps its emoji everywhere else.
 */
export function withoutEmoji(text: string): string {
  return text.replace(EMOJI, '');
}

/** The running header or footer as a CSS string: emoji dropped, spaces folded. */
export function marginText(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return cssString(withoutEmoji(text).replace(/\s+/g, ' ').trim());
}

export const helpers = { cssString, marginText } as const;
