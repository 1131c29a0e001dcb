import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser, findBrowser, machineEnvironment } from '../../src/browser/find.js';
import { runMain } from '../support/cli.js';
import { tempProject, type TempProject } from '../support/project.js';

let project: TempProject;

beforeAll(async () => {
  project = await tempProject('browser-choice');
  // Two PDFs are enough to see the browser named once per build, not once per PDF.
  const deck = path.join(project.content, 'decks', 'ml-engineer-vs-ai-scientist.md');
  await writeFile(deck, (await readFile(deck, 'utf8')).replace('paper: A4', 'paper: A4\noutputs: [report, slides]'));
});

afterAll(async () => {
  if (project) await rm(project.dir, { recursive: true, force: true });
});

const lines = (text: string) => text.split('\n').filter((l) => l.startsWith('printed with '));

describe('the build names the browser it printed with', () => {
  it('says once which browser printed, and nothing when nothing was printed', async () => {
    const expected = describeBrowser(await findBrowser(machineEnvironment()));
    const first = await runMain('build', '--content', project.content, '--out', project.out);
    expect(first.status).toBe(0);
    expect(lines(first.err)).toEqual([`printed with ${expected}`]);
    const again = await runMain('build', '--content', project.content, '--out', project.out);
    expect(again.status).toBe(0);
    expect(lines(again.err)).toEqual([]);
  });

  it('says the browser came from --browser when it did', async () => {
    const { executablePath } = await findBrowser(machineEnvironment());
    const run = await runMain(
      'build',
      '--content',
      project.content,
      '--out',
      project.out,
      '--force',
      '--browser',
      executablePath,
    );
    expect(run.status).toBe(0);
    expect(lines(run.err)).toEqual([`printed with ${executablePath} (given by --browser)`]);
  });
});
