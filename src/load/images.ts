import { readFile, realpath, stat } from 'node:fs/promises';
import type { Diagnostic } from '../errors.js';
import { claimedType, sniffType } from './image-type.js';
import { isInside } from './read.js';

/** An image named by content, as load needs it: where it is, and who names it. */
export interface ImageRequest {
  src: string;
  path: string;
  asset: string;
  file: string;
  line: number;
}

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reads the images the content shows. Each must exist, be a file, stay inside the content folder
 * once links are followed, be of a sane size, and hold the type its name claims; otherwise a
 * diagnostic names the content file and line that refers to it. An SVG is copied sanitized (see
 * svg.ts), with a warning naming what was removed. Each image is read once however often it is shown.
 */
export async function readImages(
  requests: readonly ImageRequest[],
  contentDir: string,
): Promise<{ assets: { path: string; bytes: Uint8Array }[]; diagnostics: Diagnostic[] }> {
  if (requests.length === 0) return { assets: [], diagnostics: [] };
  const root = await realpath(contentDir);
  const diagnostics: Diagnostic[] = [];
  const assets = new Map<string, Uint8Array>();
  for (const image of requests) {
    if (assets.has(image.asset)) continue;
    const problem = (message: string, severity?: 'warning') =>
      diagnostics.push({ file: image.file, line: image.line, message, severity });
    const real = await realpath(image.path).catch(() => undefined);
    if (real === undefined) {
      problem(`image "${image.src}" not found (looked for ${image.path}); add the file or fix the path`);
      continue;
    }
    if (!isInside(real, root)) {
      problem(
        `image "${image.src}" links to ${real}, outside the content folder; copy the image into the content folder instead`,
      );
      continue;
    }
    const info = await stat(real);
    if (!info.isFile()) problem(`image "${image.src}" is not a file; point at an image file`);
    else if (info.size > MAX_BYTES)
      problem(`image "${image.src}" is ${Math.round(info.size / 1024 / 1024)} MB; shrink it below 10 MB`);
    else {
      const bytes = await checked(image, await readFile(real), problem);
      if (bytes) assets.set(image.asset, bytes);
    }
  }
  return { assets: [...assets].map(([path, bytes]) => ({ path, bytes })), diagnostics };
}

/** The bytes to copy: a raster image as it is if its bytes match its name, an SVG sanitized. */
async function checked(
  image: ImageRequest,
  bytes: Uint8Array,
  problem: (message: string, severity?: 'warning') => void,
): Promise<Uint8Array | undefined> {
  const claimed = claimedType(image.path);
  if (claimed) {
    const actual = sniffType(bytes);
    if (actual === claimed) return bytes;
    problem(
      `image "${image.src}" is named as a ${claimed} file but its bytes are ${actual ? `a ${actual} image` : 'not a PNG, JPEG, GIF or WebP image'}; ${actual ? 'rename it to match' : 'export it again as an image'}`,
    );
    return undefined;
  }
  // Imported only for SVGs: jsdom takes a while to load, and most decks show none.
  const { sanitizeSvg } = await import('./svg.js');
  const result = sanitizeSvg(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  if (!result.ok) {
    problem(`image "${image.src}"${result.line ? ` (its line ${result.line})` : ''} ${result.message}`);
    return undefined;
  }
  if (result.removed.length > 0) {
    problem(
      `image "${image.src}": removed what could run script or load other files when the SVG is opened (${result.removed.join(', ')}); the rest is copied`,
      'warning',
    );
  }
  return new TextEncoder().encode(result.svg);
}
