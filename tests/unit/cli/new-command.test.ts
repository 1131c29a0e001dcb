import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMain as run } from '../../support/cli.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadModel } from '../../../src/content.js';
import { ContentError, type Diagnostic } from '../../../src/errors.js';
import { tempProject } from '../../support/project.js';

let project: { dir: string; content: string };
beforeEach(async () => {
  project = await tempProject('unit-new');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(project.dir, { recursive: true, force: true });
});

const roleFile = () => path.join(project.content, 'roles', 'data-engineer.md');
const deckFile = () => path.join(project.content, 'decks', 'data-roles-compared.md');

async function problems(): Promise<Diagnostic[]> {
  try {
    await loadModel(project.content);
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return [...error.diagnostics];
  }
}

/** 1-based line numbers of the lines of a file that match. */
async function linesMatching(file: string, pattern: RegExp): Promise<number[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}

describe('careerdeck new role and new deck', () => {
  it('write files whose only problems are what is left to fill in, each at its line; filled in, the content loads', async () => {
    const role = await run('new', 'role', 'Data Engineer', '--content', project.content);
    expect(role.status).toBe(0);
    expect(role.err).toContain(`wrote ${roleFile()}: 8 sections with a hint under each; short label: Data Engineer`);
    expect(role.err).toContain(
      `next: edit it, then run npm run check -- --content ${project.content}; it lists what is still to fill in, with file:line`,
    );

    const deck = await run(
      'new',
      'deck',
      'Data roles compared',
      '--roles',
      'data-engineer,ai-scientist',
      '--content',
      project.content,
    );
    expect(deck.status).toBe(0);
    expect(deck.err).toContain(`wrote ${deckFile()}: comparing data-engineer, ai-scientist`);

    const headings = [
      'Definition',
      'Responsibilities',
      'Required skills',
      'Education',
      'Tools and software',
      'Industries',
      'Outlook',
      'Getting started',
    ];
    const roleHeadingLines = await linesMatching(roleFile(), /^## /);
    const deckHeadingLines = await linesMatching(deckFile(), /^## /);
    const empty = (file: string, line: number | undefined, title: string) => ({
      file,
      line,
      message: `section "${title}" is empty; add a paragraph or a list, or remove the heading`,
    });
    const found = await problems();
    expect(found).toHaveLength(headings.length + 4);
    expect(found).toEqual(
      expect.arrayContaining([
        ...headings.map((h, i) => empty(roleFile(), roleHeadingLines[i], h)),
        // ai-scientist has an outlook figure, the new role none yet: the chart would say "no figure".
        expect.objectContaining({
          file: deckFile(),
          message: expect.stringMatching(/data-engineer\.md has no outlook figure while .*ai-scientist\.md has one/),
        }),
        ...['Introduction', 'What they have in common', 'Conclusion'].map((h, i) =>
          empty(deckFile(), deckHeadingLines[i], h),
        ),
      ]),
    );

    // One list item under each hint is all it takes: the hints stay where they are.
    const fill = async (file: string) => {
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/(## .+\n\n<!--[^]*? -->\n)/g, '$1\n- Works with **SQL**\n'));
    };
    await fill(roleFile());
    await fill(deckFile());
    const model = await loadModel(project.content);
    expect(model.roles.get('data-engineer')).toMatchObject({ title: 'Data Engineer', short: 'Data Engineer' });
    expect(model.roles.get('data-engineer')?.summary).toBeUndefined();
    expect(model.roles.get('data-engineer')?.sections.map((s) => s.title)).toEqual(headings);
    const compared = model.decks.find((d) => d.slug === 'data-roles-compared');
    expect(compared).toMatchObject({ title: 'Data roles compared', roles: ['data-engineer', 'ai-scientist'] });
    expect(compared?.sections.map((s) => s.id)).toEqual(['introduction', 'what-they-have-in-common', 'conclusion']);
  });

  it('refuses to overwrite a file, naming it, unless --force', async () => {
    expect((await run('new', 'role', 'Data Engineer', '--content', project.content)).status).toBe(0);
    await writeFile(roleFile(), 'mine');
    const again = await run('new', 'role', 'Data Engineer', '--content', project.content);
    expect(again.status).toBe(2);
    expect(again.err).toBe(
      `careerdeck: ${roleFile()} already exists; edit it, choose another name with --slug, or pass --force to overwrite it`,
    );
    expect(await readFile(roleFile(), 'utf8')).toBe('mine');

    const aiScientist = path.join(project.content, 'roles', 'ai-scientist.md');
    const before = await readFile(aiScientist, 'utf8');
    expect((await run('new', 'role', 'AI Scientist', '--content', project.content)).status).toBe(2);
    expect(await readFile(aiScientist, 'utf8')).toBe(before);

    expect((await run('new', 'role', 'Data Engineer', '--content', project.content, '--force')).status).toBe(0);
    expect(await readFile(roleFile(), 'utf8')).toMatch(/^---\ntitle: Data Engineer\n/);
    expect((await readdir(path.dirname(roleFile()))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses unknown, too few or missing --roles with the roles there are, and writes nothing', async () => {
    const unknown = await run(
      'new',
      'deck',
      'D',
      '--roles',
      'data-engineer,ai-scientist',
      '--content',
      project.content,
    );
    expect(unknown.status).toBe(2);
    expect(unknown.err).toBe(
      `careerdeck: role "data-engineer" not found; available roles in ${path.join(project.content, 'roles')}: ai-scientist, machine-learning-engineer`,
    );

    const one = await run('new', 'deck', 'D', '--roles', 'ai-scientist', '--content', project.content);
    expect(one.status).toBe(2);
    expect(one.err).toMatch(
      /--roles needs two to six roles, not 1 \(for example --roles ai-scientist,machine-learning-engineer\)/,
    );

    const none = await run('new', 'deck', 'D', '--content', project.content);
    expect(none.status).toBe(2);
    expect(none.err).toMatch(
      /^careerdeck: say which roles the deck compares with --roles, two to six of them, comma-separated \(for example --roles ai-scientist,machine-learning-engineer\); available roles in .*: ai-scientist, machine-learning-engineer$/,
    );

    const twice = await run('new', 'deck', 'D', '--roles', 'ai-scientist,ai-scientist', '--content', project.content);
    expect(twice.err).toBe('careerdeck: --roles names "ai-scientist" twice; list each role once');
    expect(await readdir(path.join(project.content, 'decks'))).toEqual(['ml-engineer-vs-ai-scientist.md']);
  });

  it('keeps titles with YAML characters intact, takes --slug and --short, and refuses what cannot be a file name', async () => {
    const title = 'Data: "Platform" Engineer #1';
    expect(
      (await run('new', 'role', title, '--slug', 'platform', '--short', 'Platform: #1', '--content', project.content))
        .status,
    ).toBe(0);
    expect(
      (await run('new', 'role', 'Machine Learning Operations Engineer', '--content', project.content)).status,
    ).toBe(0);
    const found = await problems();
    expect(found.filter((d) => !/is empty/.test(d.message))).toEqual([]);
    const text = await readFile(path.join(project.content, 'roles', 'platform.md'), 'utf8');
    expect(text).toContain(`title: '${title}'`);
    expect(
      await readFile(path.join(project.content, 'roles', 'machine-learning-operations-engineer.md'), 'utf8'),
    ).toMatch(/^short: ML Operations Engineer /m);

    expect((await run('new', 'role', '数据工程师', '--content', project.content)).err).toBe(
      'careerdeck: cannot make a file name from "数据工程师" that works on every system; pass --slug with lower-case letters, digits and dashes (such as data-engineer)',
    );
    const bad = await run('new', 'role', 'X', '--slug', 'Data_Engineer', '--content', project.content);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/--slug "Data_Engineer" must be lower-case letters/);
    const device = await run('new', 'role', 'Con', '--content', project.content);
    expect(device.status).toBe(2);
    expect(device.err).toMatch(/cannot make a file name from "Con" that works on every system; pass --slug/);
    expect((await run('new', 'role', 'X', '--slug', 'nul', '--content', project.content)).err).toMatch(
      /--slug "nul" must be .*not a name Windows reserves such as con or nul/,
    );
    expect(await readdir(path.join(project.content, 'roles'))).not.toContain('con.md');
    expect((await run('new', 'role', '  ', '--content', project.content)).err).toMatch(/title is empty/);
    const missing = await run('new', 'role', 'X', '--content', path.join(project.dir, 'nowhere'));
    expect(missing.status).toBe(2);
    expect(missing.err).toMatch(/content folder .*nowhere not found; create it/);
  });

  it('uses the built-in headings in a content folder without roles', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'careerdeck-unit-new-empty-'));
    try {
      const deck = await run('new', 'deck', 'D', '--content', empty);
      expect(deck.err).toMatch(/there are no roles in .* yet; start one with: npm run new:role -- "Role title"$/);
      expect((await run('new', 'role', 'Nurse', '--content', empty)).status).toBe(0);
      const text = await readFile(path.join(empty, 'roles', 'nurse.md'), 'utf8');
      expect(text.match(/^## .+$/gm)).toEqual([
        '## Definition',
        '## Responsibilities',
        '## Skills',
        '## Education',
        '## Tools',
        '## Industries',
        '## Outlook',
        '## Getting started',
      ]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('has --help on both commands', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    expect((await run('new', 'role', '--help')).status).toBe(0);
    expect((await run('new', 'deck', '--help')).status).toBe(0);
    const help = out.join('');
    expect(help).toContain('Usage: careerdeck new role [options] [title]');
    expect(help).toContain('--from <source:code>');
    expect(help).toContain('Usage: careerdeck new deck [options] <title>');
    expect(help).toContain('--roles <slugs>');
    expect(help).toContain('Example: npm run new:role -- "Data Engineer"');
  });
});
