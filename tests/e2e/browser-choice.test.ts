import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser, findBrowser, machineEnvironment } from '../../src/browser/find.js';
import { runMain } from '../support/cli.js';
import { tempProject, type TempProject } from '../support/project.js';

let project: TempProject;
const SLUG = 'ml-engineer-vs-ai-scientist';
const folder = () => path.join(project.out, SLUG);

beforeAll(async () => {
  // The default deck, which lists every output.
  project = await tempProject('browser-choice');
});

afterAll(async () => {
  if (project) await rm(project.dir, { recursive: true, force: true });
});

const lines = (text: string) => text.split('\n').filter((l) => l.startsWith('printed with '));
/** The files each "wrote" line of the build names. */
const wrote = (text: string) =>
  text
    .split('\n')
    .flatMap((l) => /^wrote (\S+)/.exec(l)?.[1] ?? [])
    .map((file) => path.basename(file))
    .sort();

// Two PDFs (`--only report,slides`) are enough to see the browser named once per build, not once per PDF.
describe('the build names the browser it printed with; --only makes only the outputs it names', () => {
  it('says once which browser printed, and nothing when nothing was printed', async () => {
    const expected = describeBrowser(await findBrowser(machineEnvironment()));
    const only = ['--only', 'report,slides'];
    const first = await runMain('build', '--content', project.content, '--out', project.out, ...only);
    expect(first.status, first.err).toBe(0);
    expect(lines(first.err)).toEqual([`printed with ${expected}`]);
    // --only: index.html and the two PDFs named, none of the deck's other outputs.
    expect(wrote(first.err)).toEqual(['index.html', `${SLUG}-report.pdf`, `${SLUG}-slides.pdf`]);
    expect((await readdir(folder())).sort()).toEqual([
      'assets',
      'index.html',
      `${SLUG}-report.pdf`,
      `${SLUG}-slides.pdf`,
    ]);
    const again = await runMain('build', '--content', project.content, '--out', project.out, ...only);
    expect(again.status).toBe(0);
    expect(lines(again.err)).toEqual([]);
  });

  it('says the browser came from --browser when it did; --only leaves the outputs it does not name as they are', async () => {
    const { executablePath } = await findBrowser(machineEnvironment());
    const report = path.join(folder(), `${SLUG}-report.pdf`);
    const before = (await stat(report)).mtimeMs;
    const run = await runMain(
      'build',
      '--content',
      project.content,
      '--out',
      project.out,
      '--force',
      '--only',
      'slides',
      '--browser',
      executablePath,
    );
    expect(run.status, run.err).toBe(0);
    expect(lines(run.err)).toEqual([`printed with ${executablePath} (given by --browser)`]);
    // Made again (--force): the slides and index.html only; the report from the first build stays.
    expect(wrote(run.err)).toEqual(['index.html', `${SLUG}-slides.pdf`]);
    expect((await stat(report)).mtimeMs).toBe(before);
    expect(await readdir(folder())).toContain(`${SLUG}-report.pdf`);
  });
});
