/**
 * An output folder that cannot be written is an environment problem: exit 3 with one plain
 * message naming the path, never a stack trace, and nothing in the way is damaged. (Tests run as
 * root, where chmod stops nothing; a regular file standing where a folder must be does.)
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { CareerdeckError } from '../../src/errors.js';
import { cli, type CliRun, escapeRegExp, tempProject, type TempProject, VALID } from './helpers.js';

const DECK = 'pair';
let project: TempProject;

beforeAll(async () => {
  project = await tempProject('output', VALID);
});
afterAll(async () => {
  await project?.remove();
});

const buildTo = (out: string) => cli(['build', '--no-pdf', '--content', project.content, '--out', out]);

const EXPLANATIONS: Record<string, string> = {
  ENOTDIR: '\\S+ is a file, not a folder; move it away or choose another --out',
  EEXIST: '\\S+ is a file, not a folder; move it away or choose another --out',
  EISDIR: 'a folder stands where this file goes; remove that folder or choose another --out',
};

/** Exit 3, one line, `careerdeck: cannot write <path under out>: <what is in the way and what to do>`, no stack trace. */
function expectPlainOutputError(run: CliRun, out: string, code: string): void {
  expect(run.status).toBe(3);
  expect(run.lines).toHaveLength(1);
  expect(run.text).toMatch(
    new RegExp(
      `^careerdeck: cannot write ${escapeRegExp(out)}${escapeRegExp(path.sep)}\\S+: ${EXPLANATIONS[code] ?? 'NO EXPLANATION'}$`,
    ),
  );
  expect(run.text).not.toContain('    at ');
  expect(run.text).not.toContain('unexpected error');
  expect(run.text).not.toMatch(/Error:|ContentError|CareerdeckError/);
}

describe('an output folder that cannot be written: exit 3 with a plain message', () => {
  it("the output folder's parent is a regular file", async () => {
    const afile = path.join(project.dir, 'afile');
    await writeFile(afile, 'in the way\n');
    const out = path.join(afile, 'out');
    const run = await buildTo(out);
    expectPlainOutputError(run, out, 'ENOTDIR');
    expect(await readFile(afile, 'utf8')).toBe('in the way\n');
  });

  it('output/<deck> is a regular file', async () => {
    const out = path.join(project.dir, 'out-deck-file');
    await mkdir(out);
    await writeFile(path.join(out, DECK), 'not a folder\n');
    const run = await buildTo(out);
    expectPlainOutputError(run, path.join(out, DECK), 'ENOTDIR');
    expect(await readFile(path.join(out, DECK), 'utf8')).toBe('not a folder\n');
  });

  it('--out itself is a regular file', async () => {
    const out = path.join(project.dir, 'out-is-file');
    await writeFile(out, 'a file\n');
    const run = await buildTo(out);
    expectPlainOutputError(run, out, 'ENOTDIR');
    expect(await readFile(out, 'utf8')).toBe('a file\n');
  });

  it('output/<deck>/index.html is a folder', async () => {
    const out = path.join(project.dir, 'out-index-dir');
    await mkdir(path.join(out, DECK, 'index.html'), { recursive: true });
    const run = await buildTo(out);
    expect(run.status).toBe(3);
    expect(run.text).toBe(
      `careerdeck: cannot write ${path.join(out, DECK, 'index.html')}: a folder stands where this file goes; remove that folder or choose another --out`,
    );
    expect((await stat(path.join(out, DECK, 'index.html'))).isDirectory()).toBe(true);
  });

  it('the library rejects with a CareerdeckError of code OUTPUT (exit status 3), keeping the cause', async () => {
    const afile = path.join(project.dir, 'afile-lib');
    await writeFile(afile, 'x');
    const error = await build({ contentDir: project.content, outDir: path.join(afile, 'out'), pdf: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CareerdeckError);
    expect(error).toMatchObject({ code: 'OUTPUT', exitCode: 3 });
    expect((error as Error).cause).toMatchObject({ code: 'ENOTDIR' });
  });

  it('the message names the file that stands in the way and what to do about it', async () => {
    // Today: "cannot write <out>/pair/assets/reveal/reveal.js (ENOTDIR); check that the output
    // folder is writable and has free space" - neither of which is the problem here.
    const afile = path.join(project.dir, 'afile-named');
    await writeFile(afile, 'x');
    const run = await buildTo(path.join(afile, 'out'));
    expect(run.status).toBe(3);
    // The blocking file itself is named (not only as a prefix of a longer path) ...
    expect(run.text).toMatch(new RegExp(`${escapeRegExp(afile)}(?!${escapeRegExp(path.sep)})`));
    // ... and the message says it is a file where a folder is needed.
    expect(run.text).toMatch(/is a file|not a folder|not a directory/i);
    expect(run.text).not.toContain('free space');
  });
});
