import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileIfChanged } from '../../../src/emit/atomic.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-unit-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tempFiles = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('writes a new file, creating missing folders', async () => {
    const file = path.join(dir, 'out', 'deck', 'index.html');
    await writeFileAtomic(file, '<p>new</p>');
    expect(await readFile(file, 'utf8')).toBe('<p>new</p>');
    expect(await tempFiles(path.dirname(file))).toEqual([]);
  });

  it('writes bytes as they are', async () => {
    const file = path.join(dir, 'report.pdf');
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    await writeFileAtomic(file, bytes);
    expect(new Uint8Array(await readFile(file))).toEqual(bytes);
  });

  it('replaces an existing file and leaves no temporary files', async () => {
    const file = path.join(dir, 'index.html');
    await writeFile(file, 'old content that is longer than the new one');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['index.html']);
  });

  it('handles many writes to the same file at once, ending with one of them whole', async () => {
    const file = path.join(dir, 'busy.txt');
    const versions = Array.from({ length: 10 }, (_, i) => `version ${i} `.repeat(1000));
    await Promise.all(versions.map((v) => writeFileAtomic(file, v)));
    expect(versions).toContain(await readFile(file, 'utf8'));
    expect(await tempFiles(dir)).toEqual([]);
  });

  it('throws when the parent folder is a file', async () => {
    const blocker = path.join(dir, 'blocker');
    await writeFile(blocker, 'I am a file');
    await expect(writeFileAtomic(path.join(blocker, 'index.html'), 'x')).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await readFile(blocker, 'utf8')).toBe('I am a file');
  });

  it('keeps the previous file intact when the rename fails', async () => {
    // The target is a non-empty folder: the temporary file is written, then rename() fails.
    const target = path.join(dir, 'index.html');
    await writeFileAtomic(path.join(target, 'keep.txt'), 'previous');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('previous');
    expect(await tempFiles(dir)).toEqual([]);
  });
});

describe('writeFileIfChanged', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  /** A file last written a day ago, so that any rewrite moves its mtime. */
  async function oldFile(name: string, text: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, text);
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await utimes(file, dayAgo, dayAgo);
    return file;
  }

  it('returns false and leaves the file alone when it already holds the bytes', async () => {
    const file = await oldFile('font.woff2', 'same bytes');
    const before = await stat(file);
    await expect(writeFileIfChanged(file, bytes('same bytes'))).resolves.toBe(false);
    const after = await stat(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
    expect(await readdir(dir)).toEqual(['font.woff2']);
  });

  it('returns true and replaces the file when the bytes differ', async () => {
    const file = await oldFile('font.woff2', 'old bytes');
    const before = await stat(file);
    await expect(writeFileIfChanged(file, bytes('new bytes'))).resolves.toBe(true);
    expect(await readFile(file, 'utf8')).toBe('new bytes');
    expect((await stat(file)).mtimeMs).toBeGreaterThan(before.mtimeMs);
    expect(await tempFiles(dir)).toEqual([]);
  });

  it('replaces a file that holds the same bytes followed by more', async () => {
    const file = await oldFile('deck.js', 'abcdef');
    await expect(writeFileIfChanged(file, bytes('abc'))).resolves.toBe(true);
    expect(await readFile(file, 'utf8')).toBe('abc');
  });

  it('creates a missing file, and its folders, and returns true', async () => {
    const file = path.join(dir, 'deck', 'assets', 'fonts', 'inter.woff2');
    const data = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0x00]);
    await expect(writeFileIfChanged(file, data)).resolves.toBe(true);
    expect(new Uint8Array(await readFile(file))).toEqual(data);
  });

  it('writes an empty file where none was', async () => {
    const file = path.join(dir, 'empty.bin');
    await expect(writeFileIfChanged(file, new Uint8Array())).resolves.toBe(true);
    expect((await stat(file)).size).toBe(0);
    await expect(writeFileIfChanged(file, new Uint8Array())).resolves.toBe(false);
  });
});
