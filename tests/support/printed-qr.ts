import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';

const run = promisify(execFile);
type Point = { x: number; y: number };
const decode = jsQR as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' },
) => {
  data: string;
  version: number;
  location: { topLeftCorner: Point; topRightCorner: Point; bottomLeftCorner: Point; bottomRightCorner: Point };
} | null;

/**
 * The QR codes printed on one page of a PDF, as a phone would meet them: the page drawn by
 * poppler at 150 dpi, decoded with jsQR, and each one's printed width in millimetres with the quiet zone of 4 modules each side
 * that the standard asks. Largest first.
 */
export async function printedQrs(file: string, page: number): Promise<{ data: string; mm: number }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-qr-'));
  try {
    // 150 dpi: a code at the 20 mm the tests ask has modules of 3 px or more (version 3, with its
    // quiet zone), and a pixel is 0.17 mm, under 1% of the size checked. At 200 dpi the same 8
    // pages of print-qr.test.ts took 8.9 s of CPU to decode, at 150 dpi 4.8 s, every code found
    // and measured within 0.2 mm of the other.
    const dpi = 150;
    // A plain PPM (no -png): reading it is a header and a copy, where inflating a 4-megapixel
    // PNG took about a second a page.
    await run('pdftoppm', [
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
    const image = readPpm(await readFile(path.join(dir, 'page.ppm')));
    const codes: { data: string; mm: number; at: string }[] = [];
    // jsQR reads one code an image and can miss both when two are in view: the page is read
    // whole, then in overlapping windows a third of its width and a quarter of its height.
    const windows = [{ x: 0, y: 0, w: image.width, h: image.height }];
    for (let col = 0; col < 5; col++)
      for (let row = 0; row < 7; row++)
        windows.push({
          x: Math.round((col * image.width) / 6),
          y: Math.round((row * image.height) / 8),
          w: Math.round(image.width / 3),
          h: Math.round(image.height / 4),
        });
    for (const win of windows) {
      const w = Math.min(win.w, image.width - win.x);
      const h = Math.min(win.h, image.height - win.y);
      const pixels = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++)
        pixels.set(
          image.data.subarray(((win.y + y) * image.width + win.x) * 4, ((win.y + y) * image.width + win.x + w) * 4),
          y * w * 4,
        );
      // Each code found is painted white, and the window read again for the next.
      for (let i = 0; i < 3; i++) {
        // The codes are printed black on white (render/qr.ts): jsQR's second pass over the
        // inverted image, which tripled the time of every window without a code, finds nothing
        // more. A code printed light on dark would not be read, and its test would fail.
        const found = decode(pixels, w, h, { inversionAttempts: 'dontInvert' });
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
        // The same code seen in two windows: its corner in the same 2.5 mm square.
        const at = `${Math.round((win.x + a.x) / (dpi / 10))},${Math.round((win.y + a.y) / (dpi / 10))}`;
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

/** A binary PPM (P6, 8 bits) as RGBA pixels, the layout jsQR reads. */
export function readPpm(bytes: Buffer): { width: number; height: number; data: Uint8ClampedArray } {
  // The header: "P6", width, height, maximum value, each after white space; one more before the pixels.
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at]!))) at++;
    const start = at;
    while (!/\s/.test(String.fromCharCode(bytes[at]!))) at++;
    fields.push(bytes.subarray(start, at).toString('latin1'));
  }
  at++;
  const [magic, width, height, max] = [fields[0], Number(fields[1]), Number(fields[2]), Number(fields[3])];
  if (magic !== 'P6' || max !== 255) throw new Error(`not an 8-bit PPM: ${fields.join(' ')}`);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = at; i < data.length; i += 4, j += 3) {
    data[i] = bytes[j]!;
    data[i + 1] = bytes[j + 1]!;
    data[i + 2] = bytes[j + 2]!;
    data[i + 3] = 255;
  }
  return { width, height, data };
}
