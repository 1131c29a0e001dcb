import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledTemplates, handlebarsRuntime } from '../../../src/render/compiled.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-compiled-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const render = async (specs: Awaited<ReturnType<typeof compiledTemplates>>, name: string, view: object) => (await handlebarsRuntime()).create().template(specs[name]!)(view);

describe('precompiled templates', () => {
  it('compiles once into the cache and renders the same from it', async () => {
    const cache = path.join(dir, 'a');
    const first = await compiledTemplates({ page: '<p>{{who}}</p>' }, cache);
    const files = await readdir(cache);
    expect(files).toHaveLength(1);
    expect(await render(first, 'page', { who: '<b>' })).toBe('<p>&lt;b&gt;</p>');
    const again = await compiledTemplates({ page: '<p>{{who}}</p>' }, cache);
    expect(await render(again, 'page', { who: 'x' })).toBe('<p>x</p>');
    expect(await readdir(cache)).toEqual(files);
  });

  it('keeps strict mode: a missing field fails instead of rendering blank', async () => {
    const specs = await compiledTemplates({ page: '{{missing}}' }, path.join(dir, 'strict'));
    await expect(render(specs, 'page', {})).rejects.toThrow(/"missing" not defined/);
  });

  it('compiles again when a template changes', async () => {
    const cache = path.join(dir, 'b');
    await compiledTemplates({ page: 'one' }, cache);
    const changed = await compiledTemplates({ page: 'two' }, cache);
    expect(await render(changed, 'page', {})).toBe('two');
    expect(await readdir(cache)).toHaveLength(2);
  });

  it('works without a cache, and with one that cannot be written or is damaged', async () => {
    expect(await render(await compiledTemplates({ page: 'no cache' }, undefined), 'page', {})).toBe('no cache');
    const blocked = path.join(dir, 'file');
    await writeFile(blocked, 'a file where the cache folder would go');
    expect(await render(await compiledTemplates({ page: 'blocked' }, blocked), 'page', {})).toBe('blocked');
    const damaged = path.join(dir, 'c');
    await compiledTemplates({ page: 'whole' }, damaged);
    const [name] = await readdir(damaged);
    await writeFile(path.join(damaged, name!), 'export default {');
    expect(await render(await compiledTemplates({ page: 'whole' }, damaged), 'page', {})).toBe('whole');
    expect(await readFile(path.join(damaged, name!), 'utf8')).toContain('Precompiled by careerdeck');
  });
});
