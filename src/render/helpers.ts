/**
 * Handlebars helpers: small, pure, each tested. Content reaches templates only as data,
 * never as template source.
 */

/** A quoted CSS string for `content:`; safe inside a <style> element (no `</style>` break-out). */
export function cssString(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

export const helpers = { cssString } as const;
