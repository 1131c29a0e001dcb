import { defaultCacheDir } from '../../src/config/defaults.js';
import { buildStateFile, stateDir } from '../../src/incremental/state.js';
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { PROJECT_ROOT } from '../support/content.js';
import { readPdf } from '../support/pdf.js';
import { tempProject } from '../support/project.js';
import { fileSession } from '../support/session.js';

// Two decks over three roles: "three-roles" uses all of them, "pair" only two. Each deck prints
// its report only, to keep the browser work small; what is measured is what gets rebuilt.
const scratch: string[] = [];
// One browser for the builds that do not count their own launches (the others start their own).
const session = fileSession();
let project: { dir: string; content: string; out: string };
let templates: string;
const names = (r: BuildResult, slug: string) =>
  r.decks
    .find((d) => d.slug === slug)
    ?.outputs.map((o) => path.basename(o.file))
    .sort() ?? [];
const run = (extra: Parameters<typeof build>[0] = {}) =>
  build({ contentDir: project.content, outDir: project.out, templatesDir: templates, ...extra });

beforeAll(async () => {
  project = await tempProject('three-roles', { fixture: 'three-roles' });
  scratch.push(project.dir);
  templates = path.join(project.dir, 'templates');
  await cp(path.join(PROJECT_ROOT, 'templates'), templates, { recursive: true });
  const deckFile = path.join(project.content, 'decks/three-roles.md');
  await writeFile(
    deckFile,
    (await readFile(deckFile, 'utf8')).replace('paper: Letter', 'paper: Letter\noutputs: [report]'),
  );
  await writeFile(
    path.join(project.content, 'decks/pair.md'),
    '---\ntitle: Two data careers\nroles: [data-engineer, research-engineer]\noutputs: [report]\n---\n\n## Introduction\n\nTwo roles side by side.\n',
  );
});
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('incremental builds', () => {
  let first: BuildResult;
  beforeAll(async () => {
    // One page at a time: the second deck's report is then printed by the page that printed the first.
    first = await run({ pages: 1 });
  }, 120_000);

  it('a first build makes every output of every deck', () => {
    expect(names(first, 'pair')).toEqual(['index.html', 'pair-report.pdf']);
    expect(names(first, 'three-roles')).toEqual(['index.html', 'three-roles-report.pdf']);
    expect(first.browserLaunches).toBe(1);
  });

  it('prints each deck from its own pages, though both are served at the same address by the same browser page', async () => {
    const pair = await readPdf(await readFile(path.join(project.out, 'pair/pair-report.pdf')));
    const three = await readPdf(await readFile(path.join(project.out, 'three-roles/three-roles-report.pdf')));
    expect(pair.text).toContain('Two data careers');
    expect(pair.text).not.toContain('Three data careers');
    expect(three.text).toContain('Three data careers');
    expect(three.text).not.toContain('Two data careers');
  });

  it('a second build with nothing changed writes nothing and launches no browser', async () => {
    const before = (await stat(path.join(project.out, 'pair/pair-report.pdf'))).mtimeMs;
    const again = await run();
    expect(again.browserLaunches).toBe(0);
    expect(again.decks.flatMap((d) => d.outputs)).toEqual([]);
    expect(again.decks.flatMap((d) => d.upToDate.map((f) => path.basename(f))).sort()).toEqual([
      'index.html',
      'index.html',
      'pair-report.pdf',
      'three-roles-report.pdf',
    ]);
    expect((await stat(path.join(project.out, 'pair/pair-report.pdf'))).mtimeMs).toBe(before);
  });

  it('changing one role rebuilds only the decks that use it', async () => {
    const role = path.join(project.content, 'roles/ml-platform-engineer.md');
    await writeFile(role, (await readFile(role, 'utf8')).concat('\n- **Terraform** for the clusters it runs on.\n'));
    const after = await run();
    expect(names(after, 'three-roles')).toEqual(['index.html', 'three-roles-report.pdf']);
    expect(names(after, 'pair')).toEqual([]);
    expect(after.browserLaunches).toBe(1);
  }, 120_000);

  it('changing the report template rebuilds the reports only, in every deck', async () => {
    const css = path.join(templates, 'report/report.css');
    await writeFile(css, `${await readFile(css, 'utf8')}\n/* changed */\n`);
    const after = await run({ session: await session() });
    expect(names(after, 'pair')).toEqual(['pair-report.pdf']);
    expect(names(after, 'three-roles')).toEqual(['three-roles-report.pdf']);
  }, 120_000);

  it('an output deleted or changed on disk is made again', async () => {
    await rm(path.join(project.out, 'pair/pair-report.pdf'));
    const deck = path.join(project.out, 'three-roles/index.html');
    // Same size, new bytes: caught by its time stamp.
    const edited = (await readFile(deck, 'utf8')).replace('content="careerdeck"', 'content="CAREERDECK"');
    expect(edited).toContain('CAREERDECK');
    await writeFile(deck, edited);
    const after = await run({ session: await session() });
    expect(names(after, 'pair')).toEqual(['pair-report.pdf']);
    expect(names(after, 'three-roles')).toEqual(['index.html']);
  }, 120_000);

  it('an HTML-only build keeps the measured deck; the next full build has nothing to do', async () => {
    const htmlOnly = await run({ pdf: false });
    expect(htmlOnly.decks.flatMap((d) => d.outputs)).toEqual([]);
    const full = await run();
    expect(full.decks.flatMap((d) => d.outputs)).toEqual([]);
    expect(full.browserLaunches).toBe(0);
  });

  it('puts back a copied file deleted from a deck folder (reveal.js, fonts)', async () => {
    const reveal = path.join(project.out, 'pair/assets/reveal/reveal.js');
    await rm(reveal);
    const after = await run({ pdf: false });
    expect(after.decks.flatMap((d) => d.outputs)).toEqual([]);
    expect((await stat(reveal)).size).toBeGreaterThan(10_000);
  });

  it('never takes an old record of the whole build for the files there now', async () => {
    // An old record surviving (as after a build stopped mid-way) must not vouch for outputs
    // that another build has replaced since: each file is compared with how it was recorded.
    const record = buildStateFile(stateDir(defaultCacheDir(), project.out));
    const deckFile = path.join(project.content, 'decks/pair.md');
    const original = await readFile(deckFile, 'utf8');
    await run({ pdf: false });
    const old = await readFile(record, 'utf8');
    await writeFile(deckFile, original.replace('Two roles side by side.', 'Edited between builds.'));
    await run({ pdf: false });
    await writeFile(record, old);
    await writeFile(deckFile, original);
    await run({ pdf: false });
    expect(await readFile(path.join(project.out, 'pair/index.html'), 'utf8')).toContain('Two roles side by side.');
  });

  it('--force makes everything again', async () => {
    const forced = await run({ force: true, deck: 'pair' });
    expect(names(forced, 'pair')).toEqual(['index.html', 'pair-report.pdf']);
    expect(forced.browserLaunches).toBe(1);
  }, 120_000);

  it('a deck whose theme comes from the settings is rebuilt when they change', async () => {
    const after = await run({ pdf: false, deck: 'pair', settings: { defaults: { theme: 'dark' } } });
    expect(names(after, 'pair')).toEqual(['index.html']);
    expect(await readFile(path.join(project.out, 'pair/index.html'), 'utf8')).toContain('data-theme="dark"');
  });
});
