import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { printedQrs, readPpm } from './printed-qr.js';

const run = promisify(execFile);

/** What a reader meets on one printed page (issue 23): measured from the PDF, not the source. */
export interface PageReview {
  page: number;
  /** Smallest text on the page, in pt (a word box's height from pdftotext -bbox, about 1.15 em). */
  minTextPt: number | null;
  /** Tallest blank band in the page's lower half, as a share of the page height, 0..1 (60 dpi). */
  footBlank: number;
  /** Largest QR code's printed width with quiet zone, mm, or null. */
  qrMm: number | null;
  /** Words split across two lines with no hyphen ("engin" / "eer"). */
  brokenWords: string[];
}

interface Word {
  text: string;
  yMin: number;
  yMax: number;
  xMin: number;
}

/** Words per page from poppler's bounding-box output (XHTML with one <word> per word). */
async function pageWords(file: string): Promise<{ height: number; words: Word[] }[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
  return stdout
    .split('<page ')
    .slice(1)
    .map((chunk) => {
      const height = Number(/height="([\d.]+)"/.exec(chunk)?.[1] ?? 0);
      const words = [
        ...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), yMax: Number(m[3]), text: decode(m[4] ?? '') }));
      return { height, words };
    });
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Poppler's box is the font's ascent+descent: about 1.15 em for the fonts we print with. */
const EM_PER_BOX = 1.15;

/** Lines as word runs sharing a baseline, top to bottom. */
function lines(words: Word[]): Word[][] {
  const out: Word[][] = [];
  for (const w of words) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && Math.abs(prev.yMax - w.yMax) < 1 && w.xMin >= prev.xMin) last.push(w);
    else out.push([w]);
  }
  return out;
}

/**
 * Words split without a hyphen: a line ending in letters, the next beginning in lower-case
 * letters, where the two halves joined are a word found whole elsewhere in the document and
 * neither half is.
 */
function brokenWords(pageLines: Word[][], vocabulary: Set<string>): string[] {
  const found: string[] = [];
  for (let i = 0; i + 1 < pageLines.length; i++) {
    const tail = pageLines[i]?.at(-1)?.text ?? '';
    const head = pageLines[i + 1]?.[0]?.text ?? '';
    const a = /(\p{L}+)$/u.exec(tail)?.[1];
    const b = /^(\p{Ll}+)/u.exec(head)?.[1];
    if (!a || !b || tail.endsWith('-')) continue;
    const joined = (a + b).toLowerCase();
    if (vocabulary.has(joined) && !vocabulary.has(a.toLowerCase()) && !vocabulary.has(b.toLowerCase()))
      found.push(`${a}|${b}`);
  }
  return found;
}

/** Blank share of the page height: the tallest band of rows with no ink in the page's lower half. */
async function footBlanks(file: string): Promise<number[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-review-'));
  try {
    // Plain PPMs: the same pixels as PNGs without the compressing and inflating (printed-qr.ts).
    await run('pdftoppm', ['-r', '60', file, path.join(dir, 'p')]);
    const { readdir } = await import('node:fs/promises');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.ppm')).sort();
    const out: number[] = [];
    for (const name of names) {
      const image = readPpm(await readFile(path.join(dir, name)));
      // The page's own background (top-left pixel) counts as blank: dark themes print dark pages.
      const bg = [image.data[0] ?? 255, image.data[1] ?? 255, image.data[2] ?? 255];
      // The tallest blank run in the lower half: a footer line (page number) at the very foot
      // must not hide an empty band above it.
      let blankRows = 0;
      let run = 0;
      for (let y = image.height - 1; y >= image.height / 2; y--) {
        let ink = false;
        for (let x = 0; x < image.width && !ink; x++) {
          const i = (y * image.width + x) * 4;
          ink = [0, 1, 2].some((c) => Math.abs((image.data[i + c] ?? 0) - (bg[c] ?? 0)) > 24);
        }
        run = ink ? 0 : run + 1;
        blankRows = Math.max(blankRows, run);
      }
      out.push(blankRows / image.height);
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every page of one PDF measured. QR codes are looked for on the first page only (slow). */
export async function reviewPdf(file: string, options: { qrPages?: number[] } = {}): Promise<PageReview[]> {
  const pages = await pageWords(file);
  const blanks = await footBlanks(file);
  const vocabulary = new Set(
    pages.flatMap((p) => p.words.map((w) => w.text.toLowerCase().replace(/^\P{L}+|\P{L}+$/gu, ''))),
  );
  const qrPages = new Set(options.qrPages ?? [1]);
  const out: PageReview[] = [];
  for (const [i, p] of pages.entries()) {
    const sizes = p.words.filter((w) => /\p{L}|\d/u.test(w.text)).map((w) => (w.yMax - w.yMin) / EM_PER_BOX);
    const qrs = qrPages.has(i + 1) ? await printedQrs(file, i + 1) : [];
    out.push({
      page: i + 1,
      minTextPt: sizes.length ? Math.round(Math.min(...sizes) * 10) / 10 : null,
      footBlank: Math.round((blanks[i] ?? 0) * 1000) / 1000,
      qrMm: qrs[0] ? Math.round(qrs[0].mm * 10) / 10 : null,
      brokenWords: brokenWords(lines(p.words), vocabulary),
    });
  }
  return out;
}
