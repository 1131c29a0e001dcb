import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);
type Point = { x: number; y: number };
const decode = jsQR as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => {
  data: string;
  version: number;
  location: { topLeftCorner: Point; topRightCorner: Point; bottomLeftCorner: Point; bottomRightCorner: Point };
} | null;

/**
 * The QR codes printed on one page of a PDF, as a phone would meet them: the page drawn by
 * poppler at 200 dpi, decoded with jsQR, and each one's printed width in millimetres with the quiet zone of 4 modules each side
 * that the standard asks. Largest first.
 */
export async function printedQrs(file: string, page: number): Promise<{ data: string; mm: number }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-qr-'));
  try {
    const dpi = 200;
    await run('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      path.join(dir, 'page'),
    ]);
    const png = PNG.sync.read(await readFile(path.join(dir, 'page.png')));
    const codes: { data: string; mm: number; at: string }[] = [];
    // jsQR reads one code an image and can miss both when two are in view: the page is read
    // whole, then in overlapping windows a third of its width and a quarter of its height.
    const windows = [{ x: 0, y: 0, w: png.width, h: png.height }];
    for (let col = 0; col < 5; col++)
      for (let row = 0; row < 7; row++)
        windows.push({
          x: Math.round((col * png.width) / 6),
          y: Math.round((row * png.height) / 8),
          w: Math.round(png.width / 3),
          h: Math.round(png.height / 4),
        });
    for (const win of windows) {
      const w = Math.min(win.w, png.width - win.x);
      const h = Math.min(win.h, png.height - win.y);
      const pixels = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++)
        pixels.set(
          png.data.subarray(((win.y + y) * png.width + win.x) * 4, ((win.y + y) * png.width + win.x + w) * 4),
          y * w * 4,
        );
      // Each code found is painted white, and the window read again for the next.
      for (let i = 0; i < 3; i++) {
        const found = decode(pixels, w, h);
        if (!found) break;
        const { topLeftCorner: a, topRightCorner: b, bottomLeftCorner: c, bottomRightCorner: d } = found.location;
        const xs = [a.x, b.x, c.x, d.x];
        const ys = [a.y, b.y, c.y, d.y];
        for (let y = Math.max(0, Math.floor(Math.min(...ys))); y < Math.min(h, Math.ceil(Math.max(...ys))); y++)
          pixels.fill(
            255,
            (y * w + Math.max(0, Math.floor(Math.min(...xs)))) * 4,
            (y * w + Math.min(w, Math.ceil(Math.max(...xs)))) * 4,
          );
        const at = `${Math.round((win.x + a.x) / 20)},${Math.round((win.y + a.y) / 20)}`;
        if (codes.some((code) => code.at === at)) continue;
        const modules = 17 + 4 * found.version;
        const symbolPx = Math.hypot(b.x - a.x, b.y - a.y);
        codes.push({ data: found.data, mm: ((symbolPx * (modules + 8)) / modules / dpi) * 25.4, at });
      }
    }
    return codes.map(({ data, mm }) => ({ data, mm })).sort((p, q) => q.mm - p.mm);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
