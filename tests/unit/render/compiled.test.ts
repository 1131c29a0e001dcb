import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompiledTemplates, handlebarsRuntime } from '../../../src/render/compiled.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-compiled-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const render = async (specs: Awaited<ReturnType<typeof precompiledTemplates>>, name: string, view: object) =>
  (await handlebarsRuntime()).create().template(specs![name]!)(view);

describe('precompiled templates', () => {
  it('compiles once into the cache and renders the same from it', async () => {
    const cache = path.join(dir, 'a');
    const first = await precompiledTemplates({ page: '<p>{{who}}</p>' }, cache);
    const files = await readdir(cache);
    expect(files).toHaveLength(1);
    expect(await render(first, 'page', { who: '<b>' })).toBe('<p>&lt;b&gt;</p>');
    const again = await precompiledTemplates({ page: '<p>{{who}}</p>' }, cache);
    expect(await render(again, 'page', { who: 'x' })).toBe('<p>x</p>');
    expect(await readdir(cache)).toEqual(files);
  });

  it('finds the cache whatever order the templates were read in (they are read concurrently)', async () => {
    const cache = path.join(dir, 'order');
    await precompiledTemplates({ a: 'A', b: 'B' }, cache);
    const [file] = await readdir(cache);
    const { mtimeMs } = await stat(path.join(cache, file!));
    const specs = await precompiledTemplates({ b: 'B', a: 'A' }, cache);
    expect(await render(specs, 'b', {})).toBe('B');
    expect(await readdir(cache)).toEqual([file]);
    expect((await stat(path.join(cache, file!))).mtimeMs).toBe(mtimeMs);
  });

  it('keeps strict mode: a missing field fails instead of rendering blank', async () => {
    const specs = await precompiledTemplates({ page: '{{missing}}' }, path.join(dir, 'strict'));
    await expect(render(specs, 'page', {})).rejects.toThrow(/"missing" not defined/);
  });

  it('compiles again when a template changes', async () => {
    const cache = path.join(dir, 'b');
    await precompiledTemplates({ page: 'one' }, cache);
    const changed = await precompiledTemplates({ page: 'two' }, cache);
    expect(await render(changed, 'page', {})).toBe('two');
    // The version it replaces is removed.
    expect(await readdir(cache)).toHaveLength(1);
  });

  it('gives nothing without a cache or with one that cannot be written (the caller compiles), and mends a damaged one', async () => {
    expect(await precompiledTemplates({ page: 'no cache' }, undefined)).toBeUndefined();
    const blocked = path.join(dir, 'file');
    await writeFile(blocked, 'a file where the cache folder would go');
    expect(await precompiledTemplates({ page: 'blocked' }, blocked)).toBeUndefined();
    // Damaged by someone else: a file of the right name in a folder this process never loaded from.
    const whole = path.join(dir, 'c-whole');
    await precompiledTemplates({ page: 'whole' }, whole);
    const [name] = await readdir(whole);
    const damaged = path.join(dir, 'c');
    await mkdir(damaged);
    await writeFile(path.join(damaged, name!), 'export default {');
    expect(await render(await precompiledTemplates({ page: 'whole' }, damaged), 'page', {})).toBe('whole');
    expect(await readFile(path.join(damaged, name!), 'utf8')).toContain('Precompiled by careerdeck');
  });
});

describe('loadTemplates without a cache', () => {
  it('compiles in memory and renders the same page as from the cache', async () => {
    const { loadTemplates } = await import('../../../src/render/templates.js');
    const templatesDir = path.join(process.cwd(), 'templates');
    const [fromCache, inMemory] = await Promise.all([
      loadTemplates(templatesDir, path.join(dir, 'lt')),
      loadTemplates(templatesDir),
    ]);
    expect(fromCache.deckScript).toBe(inMemory.deckScript);
    const { loadModel } = await import('../../../src/content.js');
    const { compareAll } = await import('../../../src/compare/compare.js');
    const { renderDeck } = await import('../../../src/render/render.js');
    const c = compareAll(await loadModel(path.join(process.cwd(), 'content')))[0]!;
    expect(renderDeck(c, fromCache).deck).toBe(renderDeck(c, inMemory).deck);
  });
});
