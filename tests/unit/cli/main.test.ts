import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain as run } from '../../support/cli.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadModel } from '../../../src/content.js';
import { ContentError } from '../../../src/errors.js';
import { lines } from '../source-files.js';

const CONTENT = fileURLToPath(new URL('../../../content', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-unit-cli-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function content(files: Record<string, string>): Promise<string> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const role = (title: string) => lines('---', `title: ${title}`, '---', '## Skills', '', '- **SQL**');
const deck = lines('---', 'title: D', 'roles: [a, b]', '---', '## Intro', '', 'Hi.');

describe('careerdeck check', () => {
  it('exits 1 and counts problems by diagnostics, not by printed lines', async () => {
    // The broken role has two problems; one message spans two lines (a key holding a newline).
    const folder = await content({
      'roles/a.md': role('A'),
      'roles/b.md': role('B'),
      'roles/broken.md': lines('---', 'short: Broken', '"extra\\nkey": 1', '---', '## Skills', '', '- x'),
      'decks/d.md': deck,
    });
    const expected = await loadModel(folder).then(
      () => {
        throw new Error('expected the content to be invalid');
      },
      (error: unknown) => error as ContentError,
    );
    expect(expected).toBeInstanceOf(ContentError);
    const n = expected.diagnostics.length;
    expect(n).toBe(2);
    expect(expected.message.split('\n').length).toBeGreaterThan(n);

    const { status, err } = await run('check', '--content', folder);
    expect(status).toBe(1);
    expect(err).toContain(`${n} problems found`);
    expect(err).not.toMatch(new RegExp(`\\b${expected.message.split('\n').length} problems found`));
    expect(err).toContain('broken.md');
  });

  it('says "1 problem" for a single problem', async () => {
    const folder = await content({
      'roles/a.md': role('A'),
      'roles/b.md': role('B'),
      'roles/broken.md': lines('---', 'short: Broken', '---', '## Skills', '', '- x'),
      'decks/d.md': deck,
    });
    const { status, err } = await run('check', '--content', folder);
    expect(status).toBe(1);
    expect(err).toMatch(/^1 problem found; nothing was written\.$/m);
  });

  it('reports a missing content folder as a content problem', async () => {
    const { status, err } = await run('check', '--content', path.join(dir, 'missing'));
    expect(status).toBe(1);
    expect(err).toContain('content folder not found');
    expect(err).toContain('1 problem found');
  });

  it('exits 0 and says the default content is valid', async () => {
    const { status, err } = await run('check', '--content', CONTENT);
    expect(status).toBe(0);
    expect(err).toMatch(/^content is valid: \d+ roles, \d+ decks?$/);
  });
});

describe('careerdeck build --help', () => {
  it('prints the build options and exits 0 without building', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    const { status } = await run('build', '--help', '--out', path.join(dir, 'out'));
    expect(status).toBe(0);
    expect(out.join('')).toContain('Usage: careerdeck build');
    expect(out.join('')).toContain('--no-pdf');
    expect(await readdir(dir)).toEqual([]);
  });

  it('exits 2 on an unknown option', async () => {
    const { status, err } = await run('build', '--no-such-option');
    expect(status).toBe(2);
    expect(err).toContain('--no-such-option');
  });
});
