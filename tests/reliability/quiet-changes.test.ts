import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { readPdf } from '../support/pdf.js';
import { cli, diagnosticLine, lines, type TempProject, tempProject, VALID } from './helpers.js';

// Issue 15: refused links became plain text without a word, an inline comment was printed on
// the slides, footnotes showed literally and no printed link showed its address.
const LONG =
  'https://example.org/careers/alpha-engineer/a-very-long-address-that-would-run-out-of-its-column-if-it-could-not-break';
let project: TempProject;

beforeAll(async () => {
  project = await tempProject('quiet', {
    ...VALID,
    'roles/alpha.md': lines(
      '---',
      'title: Alpha Engineer',
      'short: Alpha',
      '---',
      '',
      '## Skills',
      '',
      `- **Python** <!-- secret-comment --> with the [careers page](${LONG})`,
      '- **SQL** as in [this](javascript:alert(1)), [that](data:text/html,x) and [the other](file:///etc/passwd)',
      '- **Git** as the book says[^1]',
      '',
      '[^1]: Chapter 2.',
      '',
      '## Tools',
      '',
      '- **Docker** from <https://example.org/docker>',
    ),
    'decks/pair.md': lines(
      '---',
      'title: Alpha vs. Beta',
      'roles: [alpha, beta]',
      'outputs: [report, factsheets]',
      '---',
      '',
      '## Introduction',
      '',
      'Two roles.',
    ),
  });
});

afterAll(async () => {
  await project?.remove();
});

describe('nothing changed silently', () => {
  it('warns of every refused link and footnote with file and line, and still passes', async () => {
    const run = await cli(['check', '--content', project.content]);
    expect(run.status, run.text).toBe(0);
    const alpha = project.shown('roles/alpha.md');
    for (const [label, target] of [
      ['this', 'javascript:alert\\(1\\)'],
      ['that', 'data:text/html,x'],
      ['the other', 'file:///etc/passwd'],
    ]) {
      expect(run.lines).toContainEqual(
        expect.stringMatching(
          diagnosticLine(
            alpha,
            9,
            undefined,
            new RegExp(`warning: link "${label}" to "${target}" is shown as plain text`),
          ),
        ),
      );
    }
    expect(run.lines).toContainEqual(
      expect.stringMatching(
        diagnosticLine(alpha, 10, undefined, /warning: footnote "\[\^1\]" is not supported and shows as written/),
      ),
    );
    expect(run.lines).toContainEqual(
      expect.stringMatching(diagnosticLine(alpha, 12, undefined, /warning: footnote "\[\^1\]"/)),
    );
    // Five of these; the accessibility checker adds two more (the vague link text "this", a bare address).
    expect(run.text).toMatch(/7 warnings \(--strict makes them errors\)/);
  });

  it('drops an inline comment, keeps refused links as their text, and prints each link address on paper', async () => {
    const result = await build({ contentDir: project.content, outDir: project.out });
    const folder = path.join(project.out, 'pair');
    const html = await readFile(path.join(folder, 'index.html'), 'utf8');
    expect(html).not.toContain('secret-comment');
    expect(html).not.toContain('&lt;!--');
    expect(html).toContain('as in this, that and the other');
    expect(result.warnings).toHaveLength(7);
    const report = await readPdf(await readFile(path.join(folder, 'pair-report.pdf')));
    const factsheet = await readPdf(await readFile(path.join(folder, 'pair-alpha-factsheet.pdf')));
    for (const pdf of [report, factsheet]) {
      expect(pdf.text).not.toContain('secret-comment');
      // The long address is broken over lines: compare without the spaces that breaks leave.
      expect(pdf.text.replace(/\s/g, '')).toContain(`careerspage(${LONG})`);
      // A link whose text is its address shows it once.
      expect(pdf.text.replace(/\s/g, '').match(/example\.org\/docker/g)).toHaveLength(1);
    }
  }, 240_000);
});
