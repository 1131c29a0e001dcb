/**
 * The address of a copied image in the HTML: each path segment URL-encoded, so that a file named
 * "team photo #1.png" is found (a raw space or "#" would break the address). Browsers decode it
 * back to the file name; the printing session decodes it to find the file in memory.
 */
export function assetHref(asset: string): string {
  return asset.split('/').map(encodeURIComponent).join('/');
}
