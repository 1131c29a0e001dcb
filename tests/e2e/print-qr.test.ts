import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { printedQrs } from '../support/printed-qr.js';
import { tempProject, type TempProject } from '../support/project.js';

/**
 * Issue 23: a printed QR code a phone can read at arm's length, at least 20 mm with its quiet
 * zone, on the handout's first page, the report's cover and each fact sheet, left to right and
 * right to left (the Arabic handout had none: its thumbnail's code was cut off).
 */
const URL = 'https://example.org/workshops/data-roles';
let project: TempProject;

beforeAll(async () => {
  project = await tempProject('print-qr', { fixture: 'rtl-ar' });
  const decks = path.join(project.content, 'decks');
  const deck = path.join(decks, 'rtl-ar.md');
  const text = await readFile(deck, 'utf8');
  await writeFile(deck, text.replace(/^outputs: .*$/m, `outputs: [report, handout, factsheets]\nurl: ${URL}`));
  // The same roles in a left-to-right deck at 6 a page, the smallest cells: a caption wider
  // than the page made Chromium print the whole page at 0.7, the code at 17 mm.
  await writeFile(
    path.join(decks, 'ltr-url.md'),
    text
      .replace(/^lang: ar$/m, 'lang: en')
      .replace(/^outputs: .*$/m, `outputs: [report, handout, factsheets]\nurl: ${URL}\nhandout: { perPage: 6 }`),
  );
  await rm(path.join(decks, 'umbruch.md'));
  await build({ contentDir: project.content, outDir: project.out, date: new Date('2026-01-02T03:04:05Z') });
}, 240_000);

afterAll(async () => {
  await project?.remove();
});

describe.each(['rtl-ar', 'ltr-url'])('the printed QR codes of %s', (deck) => {
  const pdf = (suffix: string) => path.join(project.out, deck, `${deck}-${suffix}.pdf`);

  it.each(['report', 'handout'])('the first page of the %s carries a readable code of at least 20 mm', async (kind) => {
    const [qr] = await printedQrs(pdf(kind), 1);
    expect(qr?.data).toBe(URL);
    expect(qr!.mm).toBeGreaterThanOrEqual(20);
  });

  it('every fact sheet carries one', async () => {
    const sheets = (await readdir(path.join(project.out, deck))).filter((f) => f.endsWith('-factsheet.pdf'));
    expect(sheets).toHaveLength(2);
    for (const sheet of sheets) {
      const [qr] = await printedQrs(path.join(project.out, deck, sheet), 1);
      expect(qr?.data, sheet).toBe(URL);
      expect(qr!.mm, sheet).toBeGreaterThanOrEqual(20);
    }
  });
});
