import path from 'node:path';
import type { ImageUse } from '../model/index.js';

const TYPES = /\.(png|jpe?g|gif|webp|svg)$/i;

/** Decides, from paths alone, where an image a content file names lives and where outputs load it. */
export type ImageResolver = (src: string, line: number) => ImageUse | string;

/**
 * Images must be files inside the content folder: web and file URLs, paths that climb out of the
 * folder and unknown types are refused with what to do instead. (That the file exists and is not
 * a link to elsewhere is checked when it is read.)
 */
export function imageResolver(file: string, contentDir: string): ImageResolver {
  const root = path.resolve(contentDir);
  return (src, line) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
      return `image "${src}" is a URL; images must be files inside the content folder: save it under ${contentDir}/ and use a relative path`;
    }
    let decoded: string;
    try {
      decoded = decodeURI(src);
    } catch {
      return `image path "${src}" is not a valid path; write it as a plain relative path`;
    }
    const target = path.resolve(path.dirname(path.resolve(file)), decoded);
    const rel = path.relative(root, target);
    if (rel === '' || rel.startsWith(`..${path.sep}`) || rel === '..' || path.isAbsolute(rel)) {
      return `image "${src}" is outside the content folder; move it under ${contentDir}/ and refer to it by a relative path`;
    }
    if (!TYPES.test(rel)) return `image "${src}" is not a PNG, JPEG, GIF, WebP or SVG file; convert it or remove it`;
    return { src, path: target, asset: `assets/content/${rel.split(path.sep).join('/')}`, file, line };
  };
}
