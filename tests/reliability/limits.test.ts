import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadModel } from '../../src/content.js';
import { ContentError } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { cli, diagnosticLine, lines, type TempProject, tempProject, VALID } from './helpers.js';

// Issue 15: a 19 MB role file passed `check` and then made 33,335 slides and a browser that gave
// up. Each limit is an error with the file, the line, the limit and the size, before any work.
const projects: TempProject[] = [];
const project = async (files: Record<string, string>) => {
  const p = await tempProject('limits', { ...VALID, ...files });
  projects.push(p);
  return p;
};

afterAll(async () => {
  await Promise.all(projects.map((p) => p.remove()));
});

const item = (i: number) =>
  `- item ${i}: work with **Skill ${i % 37}** and **Tool ${i % 53}** on something long enough to read`;

describe('limits on what a build takes in', () => {
  it('refuses a 19 MB role file by its size, before reading it, naming the limit and the size', async () => {
    const items = Array.from({ length: (19 * 1024 * 1024) / 96 }, (_, i) => item(i).padEnd(95)).join('\n');
    const p = await project({ 'roles/huge.md': lines('---', 'title: Huge', '---', '', '## Skills', '', items) });
    const started = performance.now();
    const run = await cli(['check', '--content', p.content]);
    const ms = performance.now() - started;
    expect(run.status).toBe(1);
    expect(run.lines).toContainEqual(
      expect.stringMatching(
        diagnosticLine(
          p.shown('roles/huge.md'),
          1,
          undefined,
          /is 19\.0 MB, over the limit of 2 MB for one content file; split it/,
        ),
      ),
    );
    // The other files are still checked in the same run: only the huge one is named.
    expect(run.lines.filter((l) => l.includes('.md:'))).toHaveLength(1);
    console.log(`limits: a 19 MB role file refused by check in ${Math.round(ms)} ms`);
  });

  it('refuses a section over 256 kB at its heading', async () => {
    const items = Array.from({ length: 4000 }, (_, i) => item(i)).join('\n');
    const p = await project({
      'roles/long.md': lines(
        '---',
        'title: Long',
        '---',
        '',
        '## Skills',
        '',
        '- **Python**',
        '',
        '## Everything',
        '',
        items,
      ),
    });
    const run = await cli(['check', '--content', p.content]);
    expect(run.status).toBe(1);
    expect(run.lines).toContainEqual(
      expect.stringMatching(
        diagnosticLine(
          p.shown('roles/long.md'),
          9,
          undefined,
          /section "Everything" is 3\d\d kB, over the limit of 256 kB for one section; split it into several sections/,
        ),
      ),
    );
  });

  it('refuses a deck whose files together pass the deck limit, at its roles line', async () => {
    const p = await project({});
    const error = await loadModel(p.content, {}, undefined, { ...DEFAULT_LIMITS, deckBytes: 100 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).diagnostics).toEqual([
      expect.objectContaining({
        file: p.shown('decks/pair.md'),
        line: 3,
        message: expect.stringMatching(
          /^this deck and the roles it compares are \d+ kB, over the limit of \d+ kB for one deck; compare fewer or shorter roles/,
        ),
      }),
    ]);
  });

  it('refuses a deck with more slides than the limit before any template runs or anything is written', async () => {
    const p = await project({});
    const error = await build({ contentDir: p.content, outDir: p.out, pdf: false, limits: { slides: 3 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).diagnostics).toEqual([
      expect.objectContaining({
        file: p.shown('decks/pair.md'),
        line: 1,
        message: expect.stringMatching(
          /^this deck would have \d+ slides, over the limit of 3; compare fewer sections or roles/,
        ),
      }),
    ]);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(p.out, 'pair')).catch(() => [])).toEqual([]);
  });

  it('lets a real deck through: the default limits are far above it', async () => {
    const p = await project({});
    await writeFile(
      path.join(p.content, 'roles', 'gamma.md'),
      lines('---', 'title: Gamma', '---', '', '## Skills', '', ...Array.from({ length: 200 }, (_, i) => item(i))),
    );
    expect((await loadModel(p.content)).roles.size).toBe(3);
  });
});
