import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * A PDF's text as poppler's pdftotext reads it (the text that search, copy and many screen
 * readers see), whitespace folded, no-break spaces included. Poppler splits a word where the
 * glyphs stand further apart than about a tenth of the font size: wide letter spacing read as
 * "SP EA KE R N OTE S". Needs poppler-utils (`apt-get install poppler-utils`).
 */
export async function pdfToText(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
