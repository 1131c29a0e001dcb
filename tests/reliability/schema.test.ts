/**
 * Schema and reference problems across several files are all collected in one run: one
 * ContentError holding every diagnostic, one printed line per problem, exit 1, nothing written.
 */
import { access } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { ContentError, formatDiagnostic } from '../../src/errors.js';
import { cli, type CliRun, diagnosticLine, lines, linesOf, tempProject, type TempProject } from './helpers.js';

const files = {
  'roles/good-one.md': lines(
    '---',
    'title: Good One',
    '---',
    '',
    '## Responsibilities',
    '',
    '- **Python**',
    '',
    '## Skills',
    '',
    '- **SQL**',
  ),
  // Line 9: an empty section.
  'roles/good-two.md': lines(
    '---',
    'title: Good Two',
    '---',
    '',
    '## Responsibilities',
    '',
    '- **Python**',
    '',
    '## Empty',
    '',
    '## Skills',
    '',
    '- **R**',
  ),
  // Line 2: no title.
  'roles/no-title.md': lines('---', 'short: NT', '---', '', '## Responsibilities', '', '- **Go**'),
  // Line 3: an unknown key; line 5: growth is a string.
  'roles/bad-types.md': lines(
    '---',
    'title: Bad Types',
    'salary: 100000',
    'outlook:',
    '  growth: "lots"',
    '---',
    '',
    '## Responsibilities',
    '',
    '- **C**',
  ),
  // Line 3: a role that does not exist.
  'decks/one.md': lines('---', 'title: One', 'roles: [good-one, good-two, ghost]', '---', '', '## Intro', '', 'Hi.'),
  // Line 3: good-one twice; line 4: a section no role has.
  'decks/two.md': lines(
    '---',
    'title: Two',
    'roles: [good-one, good-two, good-one]',
    'sections: [responsibilities, salary]',
    '---',
    '',
    '## Intro',
    '',
    'Hi.',
  ),
  // Line 4: paper is not A4 or Letter; line 5: lang is a number. It lists the broken roles: a
  // build validates only the roles its decks use (check validates every file).
  'decks/three.md': lines(
    '---',
    'title: Three',
    'roles: [good-one, good-two, no-title, bad-types]',
    'paper: A5',
    'lang: 42',
    '---',
    '',
    '## Intro',
    '',
    'Hi.',
  ),
};

let project: TempProject;
let error: ContentError;
let run: CliRun;

beforeAll(async () => {
  project = await tempProject('schema', files);
  const thrown = await build({ contentDir: project.content, outDir: project.out, pdf: false }).catch((e: unknown) => e);
  if (!(thrown instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(thrown)}`);
  error = thrown;
  run = await cli(['check', '--content', project.content]);
});

afterAll(async () => {
  await project?.remove();
});

describe('every schema and reference problem in one run', () => {
  const expected = () => [
    diagnosticLine(
      project.shown('roles/no-title.md'),
      2,
      1,
      /"title" is required; add "title: \.\.\." to the front matter$/,
    ),
    diagnosticLine(
      project.shown('roles/bad-types.md'),
      3,
      1,
      /"salary" is not a known key; use one of title, short, summary, outlook, pay, soc, esco, sources, draft or remove it$/,
    ),
    diagnosticLine(
      project.shown('roles/bad-types.md'),
      5,
      11,
      /"outlook\.growth" must be a number, not string "lots"$/,
    ),
    diagnosticLine(
      project.shown('roles/good-two.md'),
      9,
      undefined,
      /section "Empty" is empty; add a paragraph or a list, or remove the heading$/,
    ),
    diagnosticLine(
      project.shown('decks/one.md'),
      3,
      29,
      /role "ghost" not found; create .*roles\/ghost\.md or use one of: good-one, good-two$/,
    ),
    diagnosticLine(project.shown('decks/two.md'), 3, 29, /role "good-one" is listed twice; list each role once$/),
    diagnosticLine(
      project.shown('decks/two.md'),
      4,
      30,
      /section "salary" is in none of the deck's roles; use one of: responsibilities, /,
    ),
    diagnosticLine(project.shown('decks/three.md'), 4, 8, /"paper" must be one of "A4", "Letter"$/),
    diagnosticLine(project.shown('decks/three.md'), 5, 7, /"lang" must be a string, not number 42$/),
  ];

  it('throws one ContentError with exactly one diagnostic per problem', () => {
    expect(error.code).toBe('CONTENT');
    expect(error.exitCode).toBe(1);
    const printed = error.diagnostics.map(formatDiagnostic);
    expect(printed).toHaveLength(9);
    for (const pattern of expected()) {
      expect(
        printed.filter((line) => pattern.test(line)),
        String(pattern),
      ).toHaveLength(1);
    }
    // The message is every diagnostic, one a line.
    expect(error.message.split('\n')).toEqual(printed);
  });

  it('writes nothing', async () => {
    await expect(access(project.out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('`check` exits 1 and prints every problem with its path:line(:column), then the count', () => {
    expect(run.status).toBe(1);
    for (const pattern of expected()) {
      expect(
        run.lines.filter((line) => pattern.test(line)),
        String(pattern),
      ).toHaveLength(1);
    }
    expect(run.lines.at(-1)).toBe('9 problems found; nothing was written.');
    expect(run.lines).toHaveLength(10);
    expect(linesOf(run, project.shown('roles/good-one.md'))).toEqual([]);
  });
});

describe('messages that point at the right fix', () => {
  it('a deck naming a role whose file exists but is invalid does not say the role is "not found"', async () => {
    // no-title.md exists; its own problem is already reported. Telling the presenter to
    // "create content/roles/no-title.md" sends them to fix the wrong thing.
    const p = await tempProject('schema-invalid-role', {
      'roles/good-one.md': files['roles/good-one.md'],
      'roles/no-title.md': files['roles/no-title.md'],
      'decks/pair.md': lines('---', 'title: Pair', 'roles: [good-one, no-title]', '---', '', '## Intro', '', 'Hi.'),
    });
    try {
      const result = await cli(['check', '--content', p.content]);
      expect(result.status).toBe(1);
      expect(linesOf(result, p.shown('roles/no-title.md'))).toHaveLength(1);
      expect(linesOf(result, p.shown('decks/pair.md')).filter((l) => /not found; create/.test(l))).toEqual([]);
    } finally {
      await p.remove();
    }
  });

  it('a missing role is to be created in the --content folder that was given, not in "content/"', async () => {
    const p = await tempProject('schema-where', {
      'roles/good-one.md': files['roles/good-one.md'],
      'roles/good-two.md': files['roles/good-one.md'],
      'decks/pair.md': lines('---', 'title: Pair', 'roles: [good-one, ghost]', '---', '', '## Intro', '', 'Hi.'),
    });
    try {
      const result = await cli(['check', '--content', p.content]);
      expect(result.status).toBe(1);
      expect(linesOf(result, p.shown('decks/pair.md'))).toEqual([
        `${p.shown('decks/pair.md')}:3:19: role "ghost" not found; create ${p.shown('roles/ghost.md')} or use one of: good-one, good-two`,
      ]);
    } finally {
      await p.remove();
    }
  });
});
