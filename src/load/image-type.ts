/**
 * What an image file really is, by its first bytes: a file's name is what its author says it is,
 * its bytes are what a browser will take it for (issue 15: images are re-checked by their bytes).
 */
export type RasterType = 'PNG' | 'JPEG' | 'GIF' | 'WebP';

const EXTENSIONS: Record<string, RasterType> = {
  '.png': 'PNG',
  '.jpg': 'JPEG',
  '.jpeg': 'JPEG',
  '.gif': 'GIF',
  '.webp': 'WebP',
};

/** The raster type a file name claims, or undefined (an SVG, or no known type). */
export function claimedType(file: string): RasterType | undefined {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[file.slice(dot).toLowerCase()];
}

/** The raster type the bytes start with, or undefined when they start like none of them. */
export function sniffType(bytes: Uint8Array): RasterType | undefined {
  const starts = (signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (starts([0xff, 0xd8, 0xff])) return 'JPEG';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'GIF';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'WebP';
  return undefined;
}
