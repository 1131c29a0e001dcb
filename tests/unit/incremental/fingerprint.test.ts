import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree } from '../../../src/incremental/fingerprint.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-fingerprint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashTree', () => {
  it('hashes every file by its bytes, sorted by path, and a missing folder as empty', async () => {
    const tree = path.join(dir, 'tree');
    await mkdir(path.join(tree, 'b'), { recursive: true });
    await writeFile(path.join(tree, 'b', 'two.md'), 'two');
    await writeFile(path.join(tree, 'a.md'), 'one');
    const first = await hashTree(tree);
    expect([...first.keys()]).toEqual(['a.md', 'b/two.md']);
    await writeFile(path.join(tree, 'a.md'), 'changed');
    expect((await hashTree(tree)).get('a.md')).not.toBe(first.get('a.md'));
    expect((await hashTree(path.join(dir, 'missing'))).size).toBe(0);
  });

  it('hashes a link whose target cannot be read (missing, a loop, through a file) instead of failing', async () => {
    const tree = path.join(dir, 'links');
    await mkdir(tree);
    await writeFile(path.join(tree, 'file.md'), 'x');
    await symlink('nowhere.md', path.join(tree, 'missing.md'));
    await symlink('loop-b', path.join(tree, 'loop-a'));
    await symlink('loop-a', path.join(tree, 'loop-b'));
    await symlink('file.md/inside', path.join(tree, 'through-a-file'));
    const hashed = await hashTree(tree);
    expect([...hashed.keys()]).toEqual(['file.md', 'loop-a', 'loop-b', 'missing.md', 'through-a-file']);
  });
});
