import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeDigest, hashTree, treeDigest } from '../../../src/incremental/fingerprint.js';
import { knownFrom, makeRecords, readRecords, RECORD_FILE, type Records } from '../../../src/incremental/recorded.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-recorded-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A package as compile leaves it: dist/ with modules and a catalogue, templates/, package.json. */
async function fakePackage(name: string): Promise<{ dist: string; templates: string }> {
  const root = path.join(dir, name);
  const dist = path.join(root, 'dist');
  const templates = path.join(root, 'templates');
  await mkdir(path.join(dist, 'model'), { recursive: true });
  await mkdir(templates, { recursive: true });
  await writeFile(path.join(root, 'package.json'), '{"name":"x","version":"1.0.0"}');
  await writeFile(path.join(dist, 'main.js'), 'export const a = 1;\n');
  await writeFile(path.join(dist, 'main.d.js'), 'not code');
  await writeFile(path.join(dist, 'model', 'labels.json'), '{"yes":"Yes"}');
  await writeFile(path.join(templates, 'deck.hbs'), '<h1>{{title}}</h1>\n');
  // Whole seconds, which utimes can put back exactly (see editInPlace).
  const past = Math.floor(Date.now() / 1000) - 60;
  for (const file of ['dist/main.js', 'dist/model/labels.json', 'templates/deck.hbs'])
    await utimes(path.join(root, file), past, past);
  return { dist, templates };
}

/** As bin/compile.mjs does: the file system's time after the files were written, then the record. */
async function record(dist: string): Promise<Records> {
  await new Promise((resolve) => setTimeout(resolve, 30));
  const probe = path.join(dist, RECORD_FILE);
  await writeFile(probe, '');
  return makeRecords(dist, (await stat(probe)).mtimeMs);
}

/** Rewrites a file with other bytes of the same size and puts its modification time back. */
async function editInPlace(file: string, from: string, to: string): Promise<void> {
  const before = await stat(file);
  const text = await readFile(file, 'utf8');
  expect(to.length).toBe(from.length);
  await writeFile(file, text.replace(from, to));
  await utimes(file, before.atimeMs / 1000, before.mtimeMs / 1000);
  expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
}

describe('digests recorded at compile time', () => {
  it('give the same code digest as hashing, and are used for files as they were recorded', async () => {
    const { dist } = await fakePackage('same');
    const records = await record(dist);
    expect(Object.keys(records.trees.code!).sort()).toEqual(['main.js', 'model/labels.json']);
    expect(await codeDigest(dist, knownFrom(records, 'code'), '.js')).toBe(await codeDigest(dist, undefined, '.js'));
    // A recorded digest that is not the file's own shows that the record was used, not the bytes.
    records.trees.code!['main.js']![4] = 'recorded';
    const known = await hashTree(dist, () => true, knownFrom(records, 'code'));
    expect(known.get('main.js')).toBe('recorded');
  });

  it('are not trusted for a module edited after compiling, even with its size and time stamp kept', async () => {
    const { dist } = await fakePackage('stale');
    const records = await record(dist);
    const recorded = await codeDigest(dist, knownFrom(records, 'code'), '.js');
    await editInPlace(path.join(dist, 'main.js'), 'a = 1', 'a = 2');
    const now = await codeDigest(dist, knownFrom(records, 'code'), '.js');
    expect(now).not.toBe(recorded);
    expect(now).toBe(await codeDigest(dist, undefined, '.js'));
  });

  it("see an edited template of careerdeck's own (dev), with its size and time stamp kept", async () => {
    const { dist, templates } = await fakePackage('templates');
    const records = await record(dist);
    const first = await hashTree(templates, () => true, knownFrom(records, 'templates'));
    await editInPlace(path.join(templates, 'deck.hbs'), '<h1>', '<h2>');
    const after = await hashTree(templates, () => true, knownFrom(records, 'templates'));
    expect(after.get('deck.hbs')).not.toBe(first.get('deck.hbs'));
    expect(treeDigest(after)).toBe(treeDigest(await hashTree(templates)));
  });

  it('are never trusted for a file whose time stamps are not older than the recording', async () => {
    const { dist } = await fakePackage('racy');
    const records = await record(dist);
    const entry = records.trees.code!['main.js']!;
    entry[4] = 'recorded';
    // Written in the tick the recording started: a later write could keep the same time stamp.
    const racy: Records = { ...records, before: entry[1] };
    expect((await hashTree(dist, () => true, knownFrom(racy, 'code'))).get('main.js')).not.toBe('recorded');
  });

  it('count a file added after compiling, and read a missing or damaged record as none', async () => {
    const { dist } = await fakePackage('added');
    const records = await record(dist);
    const recorded = await codeDigest(dist, knownFrom(records, 'code'), '.js');
    await writeFile(path.join(dist, 'extra.js'), 'export {};\n');
    expect(await codeDigest(dist, knownFrom(records, 'code'), '.js')).not.toBe(recorded);
    await writeFile(path.join(dist, RECORD_FILE), '{"format":1,');
    expect(readRecords(dist)).toBeUndefined();
    await writeFile(path.join(dist, RECORD_FILE), JSON.stringify(records));
    expect(readRecords(dist)?.before).toBe(records.before);
  });
});

describe("careerdeck's own record (dist/.fingerprints.json)", () => {
  it('is written by the compile step and gives the digest that hashing the compiled code gives', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const script = `
      await (await import(${JSON.stringify(path.join(root, 'bin/compile.mjs'))})).compileIfStale();
      const f = await import(${JSON.stringify(path.join(root, 'dist/incremental/fingerprint.js'))});
      const r = await import(${JSON.stringify(path.join(root, 'dist/incremental/recorded.js'))});
      const records = r.readRecords();
      let used = 0;
      const known = r.knownFrom(records, 'code');
      const counting = (rel, full) => { const d = known?.(rel, full); if (d) used++; return d; };
      const recorded = await f.codeDigest(f.CODE_ROOT, counting);
      console.log(JSON.stringify({ used, same: recorded === (await f.codeDigest(f.CODE_ROOT)) && recorded === (await r.codeVersion()) }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const { used, same } = JSON.parse(out.trim().split('\n').pop()!) as { used: number; same: boolean };
    expect(same).toBe(true);
    expect(used).toBeGreaterThan(100);
  });
});
