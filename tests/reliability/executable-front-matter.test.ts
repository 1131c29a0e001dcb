/**
 * Front matter "engines" other than YAML run code (gray-matter's `---js` evaluates the block).
 * careerdeck must refuse them at line 1 of the file without ever evaluating the block: each
 * payload below writes a marker file if any engine runs it, and no marker may ever appear.
 */
import { randomBytes } from 'node:crypto';
import { access, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, diagnosticLine, lines, linesOf, tempProject, type TempProject, VALID } from './helpers.js';

const markers: string[] = [];
const projects: TempProject[] = [];
function marker(name: string): string {
  const file = path.join(tmpdir(), `careerdeck-rel-marker-${name}-${randomBytes(6).toString('hex')}`);
  markers.push(file);
  return file;
}
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

afterAll(async () => {
  // Whatever happened, no marker of this file was ever written.
  for (const file of markers) expect(await exists(file), file).toBe(false);
  await Promise.all([...markers.map((m) => rm(m, { force: true })), ...projects.map((p) => p.remove())]);
});

/** What gray-matter's JavaScript engine would evaluate: an expression that writes the marker. */
const jsPayload = (file: string) =>
  `({ title: (require('fs').writeFileSync(${JSON.stringify(file)}, 'x'), 'Injected') })`;
const coffeePayload = (file: string) => `title: do -> require('fs').writeFileSync ${JSON.stringify(file)}, 'x'`;

interface Case {
  fence: string;
  language: string;
  payload: (file: string) => string;
}
const cases: Case[] = [
  { fence: '---js', language: 'js', payload: jsPayload },
  { fence: '---javascript', language: 'javascript', payload: jsPayload },
  { fence: '---coffee', language: 'coffee', payload: coffeePayload },
  { fence: '--- js', language: 'js', payload: jsPayload },
  { fence: '---JS', language: 'JS', payload: jsPayload },
];

describe('executable front matter is refused at line 1 and never run', () => {
  it('the JavaScript payload is live: evaluated as gray-matter would, it writes its marker', async () => {
    const control = marker('control');
    const evaluate = new Function('require', `return ${jsPayload(control)}`) as (req: NodeJS.Require) => {
      title: string;
    };
    expect(evaluate(createRequire(import.meta.url)).title).toBe('Injected');
    expect(await exists(control)).toBe(true);
    await rm(control);
  });

  it.each(cases)('a role file opening with "$fence"', async ({ fence, language, payload }) => {
    const file = marker(language);
    const project = await tempProject(`exec-${language}`, {
      ...VALID,
      'roles/evil.md': lines(fence, payload(file), '---', '', '## Skills', '', '- **Python**'),
    });
    projects.push(project);
    const run = await cli(['check', '--content', project.content]);
    expect(run.status).toBe(1);
    expect(linesOf(run, project.shown('roles/evil.md'))).toEqual([
      expect.stringMatching(
        diagnosticLine(
          project.shown('roles/evil.md'),
          1,
          1,
          new RegExp(
            `front matter in "${language}" is not allowed, only YAML; replace "---${language}" with "---" and write YAML$`,
          ),
        ),
      ),
    ]);
    expect(run.text).toContain('1 problem found; nothing was written.');
    expect(await exists(file)).toBe(false);
  });

  it('a deck file opening with "---js", on `build`: exit 1, nothing written, no marker', async () => {
    const file = marker('deck');
    const project = await tempProject('exec-deck', {
      ...VALID,
      'decks/pair.md': lines('---js', jsPayload(file), '---', '', '## Introduction', '', 'Two roles.'),
    });
    projects.push(project);
    const run = await cli(['build', '--no-pdf', '--content', project.content, '--out', project.out]);
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([
      expect.stringMatching(
        diagnosticLine(
          project.shown('decks/pair.md'),
          1,
          1,
          /front matter in "js" is not allowed, only YAML; replace "---js" with "---" and write YAML$/,
        ),
      ),
      // With the only deck refused there is no other problem to report.
      '1 problem found; nothing was written.',
    ]);
    expect(await exists(project.out)).toBe(false);
    expect(await exists(file)).toBe(false);
  });

  it('every executable file of a folder is reported in one run, none run', async () => {
    const files = cases.map((c) => ({ c, file: marker(`all-${c.language}`) }));
    const project = await tempProject('exec-all', {
      ...VALID,
      ...Object.fromEntries(
        files.map(({ c, file }, i) => [
          `roles/evil-${i}.md`,
          lines(c.fence, c.payload(file), '---', '', '## Skills', '', '- **Python**'),
        ]),
      ),
    });
    projects.push(project);
    const run = await cli(['check', '--content', project.content]);
    expect(run.status).toBe(1);
    files.forEach((_, i) =>
      expect(linesOf(run, project.shown(`roles/evil-${i}.md`))).toEqual([
        expect.stringMatching(/:1:1: front matter in "\w+" is not allowed/),
      ]),
    );
    expect(run.text).toContain(`${cases.length} problems found; nothing was written.`);
    for (const { file } of files) expect(await exists(file)).toBe(false);
  });
});
