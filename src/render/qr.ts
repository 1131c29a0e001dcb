import { createRequire } from 'node:module';
import { escapeHtml } from './markdown.js';

/** Modules of white border around the code, as the QR standard asks (4). */
const QUIET = 4;

/**
 * A QR code to `url` as an SVG: the qrcode library encodes it (offline, error correction M,
 * which survives a projector's glare and a crease in a handout); the modules are drawn as one
 * path, black on white whatever the theme, since scanners need the contrast.
 */
export function qrSvg(url: string, label = 'QR code: {url}'): string {
  // Required on first use (rendering is synchronous): only decks with a QR code pay for loading it.
  const QRCode = createRequire(import.meta.url)('qrcode') as typeof import('qrcode');
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (modules.get(x, y)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  }
  const box = size + 2 * QUIET;
  return (
    `<svg class="qr" viewBox="0 0 ${box} ${box}" role="img" aria-label="${escapeHtml(label.replace('{url}', () => url))}" shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">` +
    `<rect width="${box}" height="${box}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
  );
}

/** A QR code with its url, split where a line may break: after "/", "." and "-", never mid-word. */
export interface QrView {
  svg: string;
  url: string;
  parts: string[];
}

export function qrView(url: string, label?: string): QrView {
  return { svg: qrSvg(url, label), url, parts: urlParts(url) };
}

/** "example.org/workshops/data-roles" -> ["example.", "org/", "workshops/", "data-", "roles"]. */
export function urlParts(url: string): string[] {
  return url.match(/[^/.-]*(?:[/.-]+|$)/g)?.filter(Boolean) ?? [url];
}
