import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PDF's text as poppler's pdftotext reads it (the text that search, copy and many screen
 * readers see), whitespace folded, no-break spaces included. Poppler splits a word where the
 * glyphs stand further apart than about a tenth of the font size: wide letter spacing read as
 * "SP EA KE R N OTE S". Unlike pdf.js it reads the ActualText Chromium writes around Arabic and
 * Devanagari clusters, so their words come out whole. vitest's global setup makes sure poppler-utils
 * is installed (tests/support/pdf-tools.ts).
 */
export async function pdfToText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** A PDF's text laid out as on the page (`pdftotext -layout`): one string per printed line, columns side by side. */
export async function pdfToLayoutLines(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\n');
}

/** Each font as `pdffonts` lists it: its name, type and whether its program is embedded ("emb"). */
export async function popplerFonts(file: string): Promise<{ name: string; type: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [file]);
  // A header, a rule of dashes whose runs give the columns' widths, then one font a line.
  const [, rule = '', ...rows] = stdout.split('\n');
  const widths = rule.split(' ').map((dashes) => dashes.length + 1);
  const cells = (row: string) => {
    let at = 0;
    return widths.map((w) => {
      const cell = row.slice(at, at + w).trim();
      at += w;
      return cell;
    });
  };
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => {
      // Columns: name, type, encoding, emb, sub, uni, object ID (two cells).
      const [name = '', type = '', , emb = ''] = cells(row);
      return { name, type, embedded: emb === 'yes' };
    });
}

/**
 * Where pdftotext finds the line that reads `text` on page `page` (1-based), in points from the
 * page's left edge; undefined if no line does. pdftotext gives right-to-left words in visual
 * order, letters reversed, so a line matches read either way. Unlike pdf.js, it measures Arabic
 * words drawn with ActualText correctly.
 */
export async function lineBox(
  file: string,
  page: number,
  text: string,
): Promise<{ x0: number; x1: number } | undefined> {
  const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), '-bbox-layout', file, '-']);
  const want = text.replace(/\s/g, '');
  for (const m of stdout.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)) {
    const words = [...(m[3] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1] ?? '').join('');
    if (words === want || [...words].reverse().join('') === want) return { x0: Number(m[1]), x1: Number(m[2]) };
  }
  return undefined;
}

/** Every word pdftotext finds on page `page` (1-based), with its box in points from the page's top left. */
export async function wordBoxes(
  file: string,
  page: number,
): Promise<{ text: string; x0: number; y0: number; x1: number; y1: number }[]> {
  const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-']);
  return [
    ...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ text: m[5] ?? '', x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) }));
}
