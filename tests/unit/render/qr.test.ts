import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../../src/render/qr.js';

const decodeQr = jsQR as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** Draws the SVG's modules (the `M x y h1v1h-1z` squares on a white box) into RGBA pixels and decodes them. */
function decodeSvg(svg: string, scale = 8): string | undefined {
  const box = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1]);
  const size = box * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * size + Number(x) * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return decodeQr(pixels, size, size)?.data;
}

describe('qrSvg', () => {
  it('encodes the url so that a scanner reads it back', () => {
    for (const url of ['https://careers.example.edu/ml-vs-ai', 'https://example.org/a?b=1&c=%C3%A9#top'])
      expect(decodeSvg(qrSvg(url))).toBe(url);
  });

  it('keeps the quiet zone, draws black on white, and escapes the url in its label', () => {
    const svg = qrSvg('https://example.org/?q="<b>"&x');
    expect(svg).toContain('aria-label="QR code: https://example.org/?q=&#34;&#60;b&#62;&#34;&#38;x"');
    expect(svg).not.toContain('<b>');
    expect(svg).toMatch(/<rect width="(\d+)" height="\1" fill="#fff"\/><path d="M4 4h1v1h-1z/);
  });
});
