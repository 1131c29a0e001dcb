import { readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/load/read.js';
import { runMain as run } from '../support/cli.js';
import { tempProject, type TempProject } from '../support/project.js';

/** The CLI in-process on a copy of the default content, HTML only (warnings and scope are decided before any browser). */
let project: TempProject;
afterEach(async () => {
  await rm(project.dir, { recursive: true, force: true });
});

const DECK = 'ml-engineer-vs-ai-scientist';
const engineer = () => path.join(project.content, 'roles', 'machine-learning-engineer.md');
const deckFile = () => path.join(project.content, 'decks', `${DECK}.md`);
const shown = (file: string) => displayPath(file, process.cwd());

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
}

/** 1-based line of the first line of `file` that starts with `start`. */
async function lineOf(file: string, start: string): Promise<number> {
  return (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.startsWith(start)) + 1;
}

describe('a renamed section heading', () => {
  it('check and build warn at the heading with the suggestion and exit 0; --strict exits 1 and writes nothing', async () => {
    project = await tempProject('renamed-heading');
    await edit(engineer(), (t) => t.replace('## Required skills', '## Skills'));
    const where = `${shown(engineer())}:${await lineOf(engineer(), '## Skills')}`;
    const expected = `${where}: warning: "Skills" is only in machine-learning-engineer.md; did you mean "Required skills"?`;

    const check = await run('check', '--content', project.content);
    expect(check.err).toContain(expected);
    expect(check.err).toContain('1 warning (--strict makes them errors)');
    expect(check.status).toBe(0);
    expect((await run('check', '--strict', '--content', project.content)).status).toBe(1);

    const strict = await run('build', '--no-pdf', '--strict', '--content', project.content, '--out', project.out);
    expect(strict.status).toBe(1);
    expect(strict.err).toContain(
      `${where}: "Skills" is only in machine-learning-engineer.md; did you mean "Required skills"?`,
    );
    expect(existsSync(path.join(project.out, DECK, 'index.html'))).toBe(false);

    const build = await run('build', '--no-pdf', '--content', project.content, '--out', project.out);
    expect(build.err).toContain(expected);
    expect(build.status).toBe(0);
    expect(existsSync(path.join(project.out, DECK, 'index.html'))).toBe(true);
    // Nothing to do the second time: the warning is told again.
    const again = await run('build', '--no-pdf', '--content', project.content, '--out', project.out);
    expect(again.err).toContain(expected);
    expect(again.status).toBe(0);
  });
});

describe('roles that are not ready', () => {
  it('an unfinished role from "new role" fails check but not a build of a deck that does not use it', async () => {
    project = await tempProject('unfinished-role');
    expect((await run('new', 'role', 'Data Engineer', '--content', project.content)).status).toBe(0);

    const check = await run('check', '--content', project.content);
    expect(check.status).toBe(1);
    expect(check.err).toMatch(/roles\/data-engineer\.md:\d+(:\d+)?: section "Definition" is empty/);

    for (const args of [['--deck', DECK], []]) {
      const build = await run(
        'build',
        ...args,
        '--no-pdf',
        '--strict',
        '--content',
        project.content,
        '--out',
        project.out,
      );
      expect(build.err).not.toContain('data-engineer');
      expect(build.status).toBe(0);
    }
  });

  it('a draft role listed in a deck: a warning at that line, and the deck is built without it', async () => {
    project = await tempProject('draft-role');
    expect((await run('new', 'role', 'Data Engineer', '--content', project.content)).status).toBe(0);
    const draft = path.join(project.content, 'roles', 'data-engineer.md');
    await edit(draft, (t) => t.replace(/^title: /m, 'draft: true\ntitle: '));
    await edit(deckFile(), (t) =>
      t.replace(
        'roles: [machine-learning-engineer, ai-scientist]',
        'roles: [machine-learning-engineer, data-engineer, ai-scientist]',
      ),
    );

    const check = await run('check', '--content', project.content);
    expect(check.status).toBe(0);
    expect(check.err).toMatch(
      /roles\/data-engineer\.md:\d+(:\d+)?: warning: section "Definition" is empty; .*\(a warning while the role is a draft/,
    );

    const build = await run('build', '--no-pdf', '--content', project.content, '--out', project.out);
    expect(build.err).toContain(`${shown(deckFile())}:${await lineOf(deckFile(), 'roles:')}:`);
    expect(build.err).toContain('warning: role "data-engineer" is a draft ("draft: true" in');
    expect(build.err).toContain('1 warning (--strict makes them errors)');
    expect(build.status).toBe(0);
    const html = await readFile(path.join(project.out, DECK, 'index.html'), 'utf8');
    expect(html).toContain('Machine Learning Engineer');
    expect(html).not.toContain('Data Engineer');
  });
});
