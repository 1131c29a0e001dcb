import { defaultCacheDir } from '../../src/config/defaults.js';
import { stateDir } from '../../src/incremental/state.js';
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { DeckState } from '../../src/model/index.js';
import { PROJECT_ROOT } from '../support/content.js';
import { tempProject, type TempProject } from '../support/project.js';

// A deck left as it is gets its font files from its record, not from rendering it again
// (issue 27): two decks, HTML only (no browser), then one of them changed.
let project: TempProject;
let templates: string;
const run = () => build({ contentDir: project.content, outDir: project.out, templatesDir: templates, pdf: false });
const recordFile = (slug: string) => path.join(stateDir(defaultCacheDir(), project.out), 'decks', `${slug}.json`);
const readRecord = async (slug: string) => JSON.parse(await readFile(recordFile(slug), 'utf8')) as DeckState;

beforeAll(async () => {
  project = await tempProject('fonts-record', { fixture: 'three-roles' });
  templates = path.join(project.dir, 'templates');
  await cp(path.join(PROJECT_ROOT, 'templates'), templates, { recursive: true });
  await writeFile(
    path.join(project.content, 'decks/pair.md'),
    '---\ntitle: Two data careers\nroles: [data-engineer, research-engineer]\n---\n\n## Introduction\n\nTwo roles side by side.\n',
  );
  await run();
});
afterAll(() => project.remove());

describe('font files of a deck left as it is', () => {
  it('are recorded with the deck', async () => {
    const fonts = (await readRecord('pair')).fonts ?? [];
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.path).toMatch(/^assets\/fonts\//);
      expect((await stat(path.join(project.out, 'pair', f.path))).size).toBeGreaterThan(0);
    }
  });

  it('come from the record when another deck changes', async () => {
    // The record names one more file than a render would choose: only a build that reads the
    // record (and does not render the deck to learn its fonts) writes it.
    const record = await readRecord('pair');
    const first = record.fonts![0]!;
    const marker = { source: first.source, path: 'assets/fonts/from-the-record.woff2' };
    await writeFile(recordFile('pair'), JSON.stringify({ ...record, fonts: [...record.fonts!, marker] }));
    const deck = path.join(project.content, 'decks/three-roles.md');
    await writeFile(deck, (await readFile(deck, 'utf8')).replace(/^title: .*$/m, 'title: Three roles, retitled'));
    const result = await run();
    expect(result.decks.find((d) => d.slug === 'three-roles')?.outputs.length).toBeGreaterThan(0);
    expect((await stat(path.join(project.out, 'pair', marker.path))).size).toBeGreaterThan(0);
  });

  it('are learned again by rendering when the record has none or names a file outside the fonts', async () => {
    const record = await readRecord('pair');
    await writeFile(
      recordFile('pair'),
      JSON.stringify({ ...record, fonts: [{ source: '../../package.json', path: 'assets/fonts/x.woff2' }] }),
    );
    await rm(path.join(project.out, 'pair', 'assets', 'fonts'), { recursive: true, force: true });
    const deck = path.join(project.content, 'decks/three-roles.md');
    await writeFile(deck, (await readFile(deck, 'utf8')).replace(/^title: .*$/m, 'title: Three roles, again'));
    await run();
    await expect(stat(path.join(project.out, 'pair', 'assets/fonts/x.woff2'))).rejects.toThrow();
    const fonts = (await readRecord('pair')).fonts ?? [];
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect((await stat(path.join(project.out, 'pair', f.path))).size).toBeGreaterThan(0);
  });
});
