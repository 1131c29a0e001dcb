import type { SourceFile } from '../../src/load/source.js';

/** An in-memory content file, as readContentDir would return it. */
export function sourceFile(kind: 'role' | 'deck', slug: string, text: string | Uint8Array): SourceFile {
  return {
    path: `content/${kind}s/${slug}.md`,
    kind,
    slug,
    bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
  };
}

export const roleFile = (slug: string, text: string | Uint8Array): SourceFile => sourceFile('role', slug, text);
export const deckFile = (slug: string, text: string): SourceFile => sourceFile('deck', slug, text);

/** Joins lines with "\n" so that tests can count file lines at a glance (line 1 is the first entry). */
export const lines = (...parts: string[]): string => `${parts.join('\n')}\n`;
