import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** A file the outputs load, by its path relative to the deck folder. */
export interface Asset {
  path: string;
  bytes: Uint8Array;
}

const FONT_WEIGHTS = [400, 600, 700];

/** Package files copied beside every deck, resolved through the packages' own exports. */
function sources(): { path: string; from: string }[] {
  return [
    { path: 'assets/reveal/reveal.js', from: require.resolve('reveal.js') },
    { path: 'assets/reveal/reveal.css', from: require.resolve('reveal.js/reveal.css') },
    { path: 'assets/reveal/reset.css', from: require.resolve('reveal.js/reset.css') },
    { path: 'assets/reveal/notes.js', from: require.resolve('reveal.js/plugin/notes') },
    ...FONT_WEIGHTS.flatMap((w) =>
      ['latin', 'latin-ext'].map((subset) => ({
        path: `assets/fonts/inter-${subset}-${w}-normal.woff2`,
        from: require.resolve(`@fontsource/inter/files/inter-${subset}-${w}-normal.woff2`),
      })),
    ),
  ];
}

/** Reads the shared assets once per build; every deck folder gets the same bytes. */
export async function loadAssets(deckScript: string): Promise<Asset[]> {
  const files = await Promise.all(sources().map(async (s) => ({ path: s.path, bytes: await readFile(s.from) })));
  return [...files, { path: 'assets/deck.js', bytes: new TextEncoder().encode(deckScript) }];
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
