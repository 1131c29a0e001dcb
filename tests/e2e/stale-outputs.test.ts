import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { tempProject } from '../support/project.js';
import { fileSession } from '../support/session.js';

// Issue 28: a deck folder holds exactly what the deck's last successful build made. The
// three-roles fixture is built with fact sheets and a PowerPoint, then with a role taken out and
// `outputs:` narrowed; files the tool did not write stay.
// One browser for the file's three builds.
const session = fileSession();
let project: Awaited<ReturnType<typeof tempProject>>;
let second: BuildResult;
/** Slides of the first build: one picture each in images/. */
let slides = 0;
const folder = () => path.join(project.out, 'three-roles');
const pdfs = async () => (await readdir(folder())).filter((n) => !n.startsWith('.') && n !== 'assets').sort();

beforeAll(async () => {
  project = await tempProject('stale', { fixture: 'three-roles' });
  const deckFile = path.join(project.content, 'decks/three-roles.md');
  const deck = await readFile(deckFile, 'utf8');
  await writeFile(
    deckFile,
    deck.replace('paper: Letter', 'paper: Letter\noutputs: [report, factsheets, pptx, images]'),
  );
  slides =
    (await build({ contentDir: project.content, outDir: project.out, session: await session() })).decks[0]?.slides ?? 0;
  // The author keeps a file of their own in the folder, named like an output.
  await writeFile(path.join(folder(), 'three-roles-handout.pdf'), 'my own handout');
  await writeFile(path.join(folder(), 'notes for Friday.txt'), 'bring the clicker');
  await writeFile(
    deckFile,
    deck
      .replace(
        'roles: [data-engineer, research-engineer, ml-platform-engineer]',
        'roles: [data-engineer, research-engineer]',
      )
      .replace('paper: Letter', 'paper: Letter\noutputs: [report, factsheets]'),
  );
  second = await build({ contentDir: project.content, outDir: project.out, session: await session() });
}, 240_000);
afterAll(() => project.remove());

describe('a deck folder after a role is taken out and outputs are narrowed', () => {
  it('holds what the last build made and the files the tool did not write, nothing else', async () => {
    expect(await pdfs()).toEqual(
      [
        'index.html',
        'three-roles-report.pdf',
        'three-roles-data-engineer-factsheet.pdf',
        'three-roles-research-engineer-factsheet.pdf',
        'three-roles-handout.pdf',
        'notes for Friday.txt',
      ].sort(),
    );
    expect(await readFile(path.join(folder(), 'three-roles-handout.pdf'), 'utf8')).toBe('my own handout');
  });

  it('says which files it removed, the slide pictures and their folder included', () => {
    expect(slides).toBeGreaterThan(9);
    expect(second.decks[0]?.removed?.map((f) => path.basename(f)).sort()).toEqual(
      [
        ...Array.from({ length: slides }, (_, i) => `${String(i + 1).padStart(2, '0')}.png`),
        'thumbnail.png',
        'three-roles-ml-platform-engineer-factsheet.pdf',
        'three-roles.pptx',
      ].sort(),
    );
  });

  it('builds nothing again afterwards, and removes nothing more', async () => {
    const third = await build({ contentDir: project.content, outDir: project.out, session: await session() });
    expect(third.decks[0]?.outputs).toEqual([]);
    expect(third.decks[0]?.removed ?? []).toEqual([]);
    expect(await pdfs()).toContain('three-roles-handout.pdf');
  });
});
