/**
 * The parsers and the template engine that handle untrusted content: installed at versions with
 * the known fixes, and used only the safe way (a static check of src/).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/content.js';

type Version = [number, number, number];

function parseVersion(text: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!match) throw new Error(`not a version: ${text}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

async function installedVersion(name: string): Promise<string> {
  const manifest = JSON.parse(
    await readFile(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

describe('versions of the content-facing dependencies', () => {
  it('compares versions numerically (control)', () => {
    expect(compareVersions(parseVersion('4.7.10'), parseVersion('4.7.9'))).toBeGreaterThan(0);
    expect(compareVersions(parseVersion('2.10.0'), parseVersion('2.8.0'))).toBeGreaterThan(0);
    expect(compareVersions(parseVersion('4.7.8'), parseVersion('4.7.10'))).toBeLessThan(0);
    expect(compareVersions(parseVersion('2.9.1'), parseVersion('2.9.1'))).toBe(0);
  });

  it('handlebars is 4.7.10 or newer (4.x)', async () => {
    const version = parseVersion(await installedVersion('handlebars'));
    expect(version[0]).toBe(4);
    expect(compareVersions(version, [4, 7, 10]), version.join('.')).toBeGreaterThanOrEqual(0);
  });

  it('yaml is a current 2.x (2.8 or newer)', async () => {
    const version = parseVersion(await installedVersion('yaml'));
    expect(version[0]).toBe(2);
    expect(compareVersions(version, [2, 8, 0]), version.join('.')).toBeGreaterThanOrEqual(0);
  });

  it('package.json and package-lock.json ask for the versions that are installed', async () => {
    const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const lock = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    for (const name of ['handlebars', 'yaml']) {
      const installed = await installedVersion(name);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(installed);
      // A range could let an install pick an older release; the manifest pins at least the floor.
      const wanted = manifest.dependencies[name] ?? '';
      expect(wanted, name).toMatch(/^\^?~?\d+\.\d+\.\d+$/);
      expect(
        compareVersions(parseVersion(wanted.replace(/^[\^~]/, '')), name === 'handlebars' ? [4, 7, 10] : [2, 8, 0]),
        name,
      ).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('static use of Handlebars in src/', () => {
  const SRC = path.join(PROJECT_ROOT, 'src');
  const TEMPLATES_TS = path.join('render', 'templates.ts');
  // Precompiles the same sources into a cache, so later builds need only the runtime.
  const COMPILED_TS = path.join('render', 'compiled.ts');
  const inFile = (file: string) => (site: string) => site.startsWith(`${file}:`);
  let sources: { file: string; text: string }[];

  /** Source with comments blanked, so that what is checked is code. */
  const code = (text: string) =>
    text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const sites = (pattern: RegExp) =>
    sources.flatMap(({ file, text }) =>
      code(text)
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );

  beforeAll(async () => {
    const files = (await readdir(SRC, { recursive: true })).filter((f) => /\.(c|m)?[jt]s$/.test(f)).sort();
    sources = await Promise.all(
      files.map(async (file) => ({ file, text: await readFile(path.join(SRC, file), 'utf8') })),
    );
  });

  it('reads the sources (control)', () => {
    expect(sources.map((s) => s.file)).toContain(TEMPLATES_TS);
    expect(sources.length).toBeGreaterThan(10);
  });

  it('calls compile( only in src/render/templates.ts and precompile( only in src/render/compiled.ts', () => {
    expect(sites(/\bcompile\s*\(/).filter((site) => !inFile(TEMPLATES_TS)(site))).toEqual([]);
    expect(sites(/\bcompile\s*\(/).length).toBeGreaterThan(0);
    expect(sites(/\bprecompile\s*\(/).filter((site) => !inFile(COMPILED_TS)(site))).toEqual([]);
    expect(sites(/\bprecompile\s*\(/)).toHaveLength(1);
    expect(sites(/\bprecompiledTemplates\s*\(/).filter((site) => !inFile(COMPILED_TS)(site))).toEqual([
      expect.stringMatching(/precompiledTemplates\(sources, cacheDir\)/),
    ]);
  });

  it('compiles only template files read from the templates folder, never content', () => {
    const text = code(sources.find((s) => s.file === TEMPLATES_TS)!.text);
    // What is compiled or precompiled is `sources`, and `sources` is filled only by reading templates.
    const args = [...text.matchAll(/\b(?:\w+\.)?compile\s*\(\s*([^,)]*)/g)].map((m) => m[1]!.trim());
    expect(args).toEqual(['sources[name]!']);
    const assigned = [...text.matchAll(/sources\[[^\]]+\]\s*=\s*([^)]*\))/g)].map((m) => m[1]!.trim());
    expect(assigned.length).toBeGreaterThan(0);
    for (const value of assigned) expect(value).toMatch(/^await read\([^)]*\)$/);
    const compiled = code(sources.find((s) => s.file === COMPILED_TS)!.text);
    expect([...compiled.matchAll(/precompile\s*\(\s*([^,)]*)/g)].map((m) => m[1]!.trim())).toEqual(['source']);
    expect(compiled).toMatch(/Object\.entries\(sources\)\.map\(\s*\(\[name, source\]\)/);
  });

  it('never loosens the prototype-access protections', () => {
    expect(sites(/allowProto(Properties|Methods)ByDefault\s*:\s*true/)).toEqual([]);
    expect(sites(/allowedProto(Properties|Methods)/)).toEqual([]);
    // The runtime options that keep them on are passed explicitly.
    expect(sites(/allowProtoPropertiesByDefault\s*:\s*false/)).toHaveLength(1);
    expect(sites(/allowProtoMethodsByDefault\s*:\s*false/)).toHaveLength(1);
  });

  it('compiles strict and escaping, in an isolated Handlebars environment', () => {
    expect(sites(/noEscape\s*:\s*true/)).toEqual([]);
    expect(sites(/strict\s*:\s*true/).filter(inFile(TEMPLATES_TS))).toHaveLength(1);
    expect(sites(/strict\s*:\s*true/).filter(inFile(COMPILED_TS))).toHaveLength(1);
    expect(sites(/\.create\(\)/)).toEqual([
      expect.stringMatching(new RegExp(`^${TEMPLATES_TS.replace(/[./\\]/g, '\\$&')}:`)),
    ]);
    // Nothing is registered on, or compiled by, the global instance; precompile only turns a
    // template into source text and changes nothing in it.
    expect(sites(/Handlebars\.(compile|template|registerHelper|registerPartial|registerDecorator)\b/)).toEqual([]);
    expect(sites(/\bregisterPartial\s*\(/).filter((site) => !site.startsWith(`${TEMPLATES_TS}:`))).toEqual([]);
  });

  it('never evaluates strings as code', () => {
    expect(sites(/(?<![\w$.])eval\s*\(/)).toEqual([]);
    expect(sites(/\bnew\s+Function\s*\(/)).toEqual([]);
    expect(sites(/from\s+['"](node:)?vm['"]|require\(\s*['"](node:)?vm['"]\s*\)/)).toEqual([]);
  });
});
