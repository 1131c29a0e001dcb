import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeckWriter, type WriteBytes } from '../../../src/emit/deck-writer.js';
import { CareerdeckError } from '../../../src/errors.js';
import { digestTree } from '../../support/files.js';

let dir: string;
const everything = async () => (await readdir(dir, { recursive: true })).sort();

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-writer-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), 'old deck');
  await writeFile(path.join(dir, 'deck-report.pdf'), 'old report');
  await writeFile(path.join(dir, 'assets', 'a.css'), 'same');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes normally until the `n`th file, which fails half-written as a full disk would. */
function diskFullAt(n: number): WriteBytes {
  let count = 0;
  return async (file, data) => {
    count += 1;
    if (count < n) return writeFile(file, data, { flag: 'wx' });
    await writeFile(file, typeof data === 'string' ? data.slice(0, 3) : data.subarray(0, 3), { flag: 'wx' });
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  };
}

describe('DeckWriter', () => {
  it('changes nothing until commit, then every file at once; same bytes are left alone', async () => {
    const writer = new DeckWriter(dir);
    await writer.stage('assets/a.css', new TextEncoder().encode('same'), { skipSame: true });
    const record = await writer.stage('index.html', 'new deck');
    await writer.stage('deck-report.pdf', new TextEncoder().encode('new report'));
    await writer.stage('assets/fonts/f.woff2', new TextEncoder().encode('font'));
    expect(await readFile(path.join(dir, 'index.html'), 'utf8')).toBe('old deck');
    await writer.commit();
    expect(await readFile(path.join(dir, 'index.html'), 'utf8')).toBe('new deck');
    expect(await readFile(path.join(dir, 'deck-report.pdf'), 'utf8')).toBe('new report');
    expect(await readFile(path.join(dir, 'assets', 'fonts', 'f.woff2'), 'utf8')).toBe('font');
    expect(record.bytes).toBe(8);
    expect(await everything()).toEqual([
      'assets',
      'assets/a.css',
      'assets/fonts',
      'assets/fonts/f.woff2',
      'deck-report.pdf',
      'index.html',
    ]);
  });

  it('leaves the folder byte-identical when the disk fills while staging, temporary files and new folders removed', async () => {
    const before = { files: await digestTree(dir), names: await everything() };
    const writer = new DeckWriter(dir, diskFullAt(3));
    await writer.stage('index.html', 'new deck');
    await writer.stage('assets/fonts/f.woff2', new TextEncoder().encode('font'));
    const error = await writer
      .stage('deck-report.pdf', new TextEncoder().encode('new report'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CareerdeckError);
    expect((error as CareerdeckError).exitCode).toBe(3);
    expect((error as Error).message).toMatch(/deck-report\.pdf: the disk is full; free some space and build again/);
    await writer.rollback();
    expect(await digestTree(dir)).toEqual(before.files);
    expect(await everything()).toEqual(before.names);
  });

  it('puts back the files it already renamed when a rename fails', async () => {
    const before = await digestTree(dir);
    const writer = new DeckWriter(dir);
    await writer.stage('index.html', 'new deck');
    await writer.stage('deck-report.pdf', new TextEncoder().encode('new report'));
    await writer.stage('blocked.pdf', new TextEncoder().encode('x'));
    // A folder where the last file goes makes its rename fail after the first two succeeded.
    await mkdir(path.join(dir, 'blocked.pdf', 'inside'), { recursive: true });
    const error = await writer.commit().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CareerdeckError);
    await rm(path.join(dir, 'blocked.pdf'), { recursive: true });
    expect(await digestTree(dir)).toEqual(before);
    expect((await everything()).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
