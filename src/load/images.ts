import { readFile, realpath, stat } from 'node:fs/promises';
import type { Diagnostic } from '../errors.js';
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
 * once links are followed, and be of a sane size; otherwise a diagnostic names the content file
 * and line that refers to it. Each image is read once however often it is shown.
 */
export async function readImages(
  requests: readonly ImageRequest[],
  contentDir: string,
): Promise<{ assets: { path: string; bytes: Uint8Array }[]; diagnostics: Diagnostic[] }> {
  const root = await realpath(contentDir);
  const diagnostics: Diagnostic[] = [];
  const assets = new Map<string, Uint8Array>();
  for (const image of requests) {
    if (assets.has(image.asset)) continue;
    const problem = (message: string) => diagnostics.push({ file: image.file, line: image.line, message });
    const real = await realpath(image.path).catch(() => undefined);
    if (real === undefined) {
      problem(`image "${image.src}" not found (looked for ${image.path}); add the file or fix the path`);
      continue;
    }
    if (!isInside(real, root)) {
      problem(`image "${image.src}" links to ${real}, outside the content folder; copy the image into the content folder instead`);
      continue;
    }
    const info = await stat(real);
    if (!info.isFile()) problem(`image "${image.src}" is not a file; point at an image file`);
    else if (info.size > MAX_BYTES) problem(`image "${image.src}" is ${Math.round(info.size / 1024 / 1024)} MB; shrink it below 10 MB`);
    else assets.set(image.asset, await readFile(real));
  }
  return { assets: [...assets].map(([path, bytes]) => ({ path, bytes })), diagnostics };
}
