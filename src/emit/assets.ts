import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** A file the outputs load, by its path relative to the deck folder. */
export interface Asset {
  path: string;
  bytes: Uint8Array;
}

/** Package files copied beside every deck, resolved through the packages' own exports. */
function sources(): { path: string; from: string }[] {
  return [
    { path: 'assets/reveal/reveal.js', from: require.resolve('reveal.js') },
    { path: 'assets/reveal/reveal.css', from: require.resolve('reveal.js/reveal.css') },
    { path: 'assets/reveal/reset.css', from: require.resolve('reveal.js/reset.css') },
    { path: 'assets/reveal/notes.js', from: require.resolve('reveal.js/plugin/notes') },
  ];
}

/** Reads the shared assets once per build; every deck folder gets the same bytes. The fonts are each deck's own (fontAssets). */
export async function loadAssets(deckScript: string): Promise<Asset[]> {
  const files = await Promise.all(sources().map(async (s) => ({ path: s.path, bytes: await readFile(s.from) })));
  return [...files, { path: 'assets/deck.js', bytes: new TextEncoder().encode(deckScript) }];
}

/** A font file a deck loads: where it goes beside the deck, and the package file it comes from. */
export interface FontFile {
  path: string;
  source: string;
}

// Several decks of one build often need the same subsets: each file is read once per process.
const fontBytes = new Map<string, Promise<Uint8Array>>();

/** The font subsets a deck's plan names (src/render/fonts.ts), read from their packages. */
export async function fontAssets(faces: readonly FontFile[]): Promise<Asset[]> {
  return Promise.all(
    faces.map(async (face) => {
      let bytes = fontBytes.get(face.source);
      if (!bytes) {
        bytes = readFile(require.resolve(face.source));
        fontBytes.set(face.source, bytes);
        bytes.catch(() => fontBytes.delete(face.source));
      }
      return { path: face.path, bytes: await bytes };
    }),
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a file by its extension: for the pages printed and for the dev server. */
export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
