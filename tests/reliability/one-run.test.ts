import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, diagnosticLine, lines, type TempProject, tempProject, VALID } from './helpers.js';

// Issue 15: a missing image and a symlink out of the content folder were reported only once the
// earlier problems were fixed. The promise is every problem in every file in one run.
let project: TempProject;
let outside: string;

beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'careerdeck-rel-outside-'));
  await writeFile(path.join(outside, 'secret.png'), 'not for the deck');
  project = await tempProject('one-run', {
    ...VALID,
    // 1. YAML that does not parse (line 2).
    'roles/alpha.md': lines(
      '---',
      'title: "Alpha Engineer',
      'short: Alpha',
      '---',
      '',
      '## Skills',
      '',
      '- **Python**',
    ),
    // 2. An image that does not exist (line 8).
    'roles/beta.md': lines(
      '---',
      'title: Beta Scientist',
      'short: Beta',
      '---',
      '',
      '## Skills',
      '',
      '- **Python** ![chart](missing.png)',
      '',
      '## Tools',
      '',
      '- **LaTeX**',
    ),
    // 3. An image inside the folder that links to a file outside it (line 8).
    'decks/pair.md': lines(
      '---',
      'title: Alpha vs. Beta',
      'roles: [alpha, beta]',
      '---',
      '',
      '## Introduction',
      '',
      'Two roles. ![logo](logo.png)',
    ),
  });
  await symlink(path.join(outside, 'secret.png'), path.join(project.content, 'decks', 'logo.png'));
  await mkdir(project.out, { recursive: true });
});

afterAll(async () => {
  await project?.remove();
  if (outside) await rm(outside, { recursive: true, force: true });
});

describe('every problem in one run', () => {
  it.each([['check'], ['build', '--no-pdf']])(
    '`%s` reports a YAML error, a missing image and a symlink out, in three files, together',
    async (...command) => {
      const run = await cli(
        [...command, '--content', project.content, '--out', project.out].filter(
          (a) => command[0] === 'build' || (a !== '--out' && a !== project.out),
        ),
      );
      expect(run.status).toBe(1);
      expect(run.lines).toContainEqual(
        expect.stringMatching(
          diagnosticLine(project.shown('roles/alpha.md'), 2, 'any', /front matter is not valid YAML/),
        ),
      );
      expect(run.lines).toContainEqual(
        expect.stringMatching(
          diagnosticLine(project.shown('roles/beta.md'), 8, undefined, /image "missing\.png" not found/),
        ),
      );
      expect(run.lines).toContainEqual(
        expect.stringMatching(
          diagnosticLine(
            project.shown('decks/pair.md'),
            8,
            undefined,
            /image "logo\.png" links to .*secret\.png, outside the content folder/,
          ),
        ),
      );
      expect(run.text).toMatch(/3 problems found; nothing was written\./);
    },
  );
});
