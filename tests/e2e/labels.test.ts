import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { pdfToText } from '../support/poppler.js';
import { readPdf } from '../support/pdf.js';
import { tempProject } from '../support/project.js';

/**
 * A small German deck (tests/fixtures/lang-labels-de): every built-in label in German in the
 * printed documents and the deck, one label overridden by the deck, numbers and dates as German
 * writes them, spaced capitals that extract as words, and the A4 paper of a German deck.
 */
const DECK = 'daten-berufe';
let dir: string;
let out: string;
const text = new Map<string, string>();
let html: string;

beforeAll(async () => {
  const project = await tempProject('labels', { fixture: 'lang-labels-de' });
  dir = project.dir;
  const result = await build({
    contentDir: project.content,
    outDir: project.out,
    date: new Date('2026-01-02T03:04:05Z'),
  });
  out = path.join(project.out, DECK);
  for (const output of result.decks[0]!.outputs.filter((o) => o.file.endsWith('.pdf'))) {
    const name = path.basename(output.file, '.pdf').replace(`${DECK}-`, '');
    text.set(name, await pdfToText(output.file));
  }
  html = await readFile(path.join(out, 'index.html'), 'utf8');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a German deck', () => {
  it('prints the report with German labels, page numbers and numbers', () => {
    const report = text.get('report')!;
    expect(report).toContain('Auf einen Blick');
    expect(report).toContain('In einem Satz');
    expect(report).toContain('Was sie teilen, was sie unterscheidet');
    expect(report).toContain('Erwartetes Stellenwachstum');
    expect(report).toContain('Für diese Rolle nicht beschrieben.');
    expect(report).toMatch(/Seite 2 von \d+/);
    expect(report).not.toMatch(/Page \d+ of/);
    // Intl for de: a space before the percent sign, a decimal comma, the day before the month.
    expect(report).toContain('Dateningenieurin +12 % Datenanalystin +7,5 %');
    expect(report).toContain('26. November 2026');
  });

  it("takes the deck's own label over the catalogue's", () => {
    expect(text.get('report')).toContain('Weiterführende Quellen');
    expect(text.get('report')).not.toMatch(/\bQuellen\b(?<!Weiterführende Quellen)/);
  });

  it('prints labels set in spaced capitals as whole words', () => {
    // The cover's eyebrow (report), the handout's label over the lines, the fact sheet's eyebrow.
    expect(text.get('report')).toContain('BERUFSORIENTIERUNG');
    expect(text.get('handout')).toContain('FOLIE 1 · IHRE NOTIZEN');
    expect(text.get('dateningenieurin-factsheet')).toContain('BERUFSSTECKBRIEF');
    expect(text.get('dateningenieurin-factsheet')).toContain('+12 % erwartetes Stellenwachstum');
  });

  it('prints the notes with German headings and placeholders', () => {
    const notes = text.get('notes')!;
    expect(notes).toContain('Folie 2: Agenda');
    expect(notes).toContain('Keine Sprechernotizen zu dieser Folie.');
    expect(notes).toMatch(/Seite 1 von \d+/);
  });

  it('draws the deck with German labels and section ids from German headings', () => {
    expect(html).toContain('<html lang="de"');
    expect(html).toContain('Was sie teilen, was sie unterscheidet');
    expect(html).toContain('Erwartetes Stellenwachstum');
    expect(html).toContain('Für diese Rolle nicht beschrieben.');
    // The sections listed by heading (`Fähigkeiten`, `größe-des-teams`) were found: their slides exist.
    expect(html).toContain('Größe des Teams');
    expect(html).toContain('Fähigkeiten');
    expect(html).not.toMatch(/>(At a glance|Sources|Projected job growth|Not covered for this role\.)</);
  });

  it('prints on A4, the paper of a German deck that does not set one', async () => {
    const facts = await readPdf(new Uint8Array(await readFile(path.join(out, `${DECK}-report.pdf`))));
    expect(Math.round(facts.size.width)).toBe(595);
  });
});
