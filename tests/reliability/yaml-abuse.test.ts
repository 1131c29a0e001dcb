/**
 * YAML that attacks its parser: language tags that construct functions or objects, keys that
 * aim at Object.prototype, alias bombs and absurd nesting. Each is a content error (exit 1)
 * with the file and line, found quickly, and nothing leaks into the running process.
 */
import { randomBytes } from 'node:crypto';
import { access, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { cli, diagnosticLine, lines, linesOf, prototypeKeys, tempProject, type TempProject, VALID } from './helpers.js';

const projects: TempProject[] = [];
afterAll(async () => {
  await Promise.all(projects.map((p) => p.remove()));
});

async function check(name: string, roleText: string) {
  const project = await tempProject(name, { ...VALID, 'roles/evil.md': roleText });
  projects.push(project);
  const run = await cli(['check', '--content', project.content]);
  const file = project.shown('roles/evil.md');
  return { project, run, file, reported: linesOf(run, file) };
}
const BODY = ['', '## Skills', '', '- **Python**'];

describe('language-specific tags are refused', () => {
  const marker = path.join(tmpdir(), `careerdeck-rel-yaml-marker-${randomBytes(6).toString('hex')}`);
  afterAll(async () => {
    await rm(marker, { force: true });
  });

  it.each([
    ['!!js/function', 'title: !!js/function "function () { return process }"', 'tag:yaml.org,2002:js/function'],
    ['!!js/undefined', 'title: !!js/undefined ""', 'tag:yaml.org,2002:js/undefined'],
    ['!!js/regexp', 'title: !!js/regexp /x/g', 'tag:yaml.org,2002:js/regexp'],
    ['!!python/object', 'title: !!python/object:os.system ["echo"]', 'tag:yaml.org,2002:python/object:os.system'],
    [
      '!!python/object/apply',
      `title: !!python/object/apply:os.system ["touch ${marker}"]`,
      'tag:yaml.org,2002:python/object/apply:os.system',
    ],
    ['a verbatim js tag', 'title: !<tag:yaml.org,2002:js/function> "function () {}"', 'tag:yaml.org,2002:js/function'],
    ['a local tag', 'title: !custom value', '!custom'],
  ])('%s: exit 1 at path:2:8, naming the tag and saying to remove it', async (_name, line, tag) => {
    const { run, file, reported } = await check('tag', lines('---', line, '---', ...BODY));
    expect(run.status).toBe(1);
    expect(reported).toEqual([
      expect.stringMatching(
        diagnosticLine(
          file,
          2,
          8,
          new RegExp(
            `front matter is not valid YAML: Unresolved tag: ${tag.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}; custom tags such as !!js/function are not allowed, remove the tag$`,
          ),
        ),
      ),
    ]);
    await expect(access(marker)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a tag on a nested value is reported on its own line and column', async () => {
    const { run, file, reported } = await check(
      'tag-nested',
      lines('---', 'title: T', 'outlook:', '  growth: !!js/function "function () { return 1 }"', '---', ...BODY),
    );
    expect(run.status).toBe(1);
    expect(reported).toEqual([
      expect.stringMatching(
        diagnosticLine(file, 4, 11, /front matter is not valid YAML: Unresolved tag: .*remove the tag$/),
      ),
    ]);
  });
});

describe('__proto__ and constructor keys never reach Object.prototype', () => {
  const cases: [string, string[], number, number][] = [
    ['top-level __proto__ mapping', ['title: T', '__proto__:', '  polluted: true'], 3, 1],
    ['top-level flow __proto__', ['title: T', '__proto__: {polluted: true, title: Injected}'], 3, 1],
    ['quoted "__proto__"', ['title: T', '"__proto__": {polluted: true}'], 3, 1],
    ['nested __proto__ in outlook', ['title: T', 'outlook:', '  growth: 3', '  __proto__: {polluted: true}'], 5, 3],
    ['nested flow __proto__ in outlook', ['title: T', 'outlook: {growth: 3, __proto__: {polluted: true}}'], 3, 22],
    ['constructor.prototype', ['title: T', 'constructor:', '  prototype:', '    polluted: true'], 3, 1],
  ];

  it.each(cases)('%s: exit 1 as an unknown key at its line, no pollution', async (_name, yaml, line, column) => {
    const before = prototypeKeys();
    const { run, file, reported } = await check('proto', lines('---', ...yaml, '---', ...BODY));
    expect(run.status).toBe(1);
    const key = yaml.some((l) => l.includes('__proto__')) ? '__proto__' : 'constructor';
    expect(reported).toEqual([
      expect.stringMatching(
        diagnosticLine(
          file,
          line,
          column,
          new RegExp(`"${key}" is not a known key( in "outlook")?; use one of .* or remove it$`),
        ),
      ),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(prototypeKeys()).toEqual(before);
  });

  it('an HTML build of otherwise valid content with every such key leaves Object.prototype untouched', async () => {
    const before = prototypeKeys();
    const project = await tempProject('proto-build', {
      ...VALID,
      'roles/evil.md': lines(
        '---',
        'title: T',
        '__proto__:',
        '  polluted: true',
        'outlook: {growth: 3, __proto__: {polluted: true}}',
        'constructor:',
        '  prototype: {polluted: true}',
        '---',
        ...BODY,
      ),
      // A build validates the roles its decks use: this deck uses the evil one.
      'decks/evil.md': lines(
        '---',
        'title: Evil',
        'roles: [alpha, evil]',
        '---',
        '',
        '## Introduction',
        '',
        'Two roles.',
      ),
    });
    projects.push(project);
    const error = await build({ contentDir: project.content, outDir: project.out, pdf: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'CONTENT', exitCode: 1 });
    // Top-level unknown keys come as one diagnostic naming both; the nested one as another.
    const messages = (error as { diagnostics: { message: string }[] }).diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages).toEqual(
      expect.arrayContaining([
        '"__proto__", "constructor" are not known keys; use one of title, short, summary, outlook, pay, soc, esco, sources, draft or remove it',
        '"__proto__" is not a known key in "outlook"; use one of growth, period, asOf, group, source or remove it',
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(prototypeKeys()).toEqual(before);
  });
});

describe('alias bombs and deep nesting', () => {
  /** The classic "billion laughs": 9 levels of 9 aliases each, 9^9 strings if expanded. */
  const billionLaughs = (() => {
    const names = 'abcdefghi'.split('');
    const rows = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`];
    for (let i = 1; i < names.length; i++)
      rows.push(
        `${names[i]}: &${names[i]} [${Array(9)
          .fill(`*${names[i - 1]}`)
          .join(', ')}]`,
      );
    return lines('---', 'title: Laughs', ...rows, '---', ...BODY);
  })();

  it('a billion-laughs bomb: exit 1 with a message, aliases refused before any expansion', async () => {
    const { run, file, reported } = await check('bomb', billionLaughs);
    expect(run.status).toBe(1);
    expect(reported).toEqual([
      expect.stringMatching(
        diagnosticLine(file, 2, undefined, /front matter could not be read: .*; remove YAML aliases \(\*name\)$/),
      ),
    ]);
  });

  it('a bomb of mappings merged into each other: exit 1, aliases refused', async () => {
    const rows = ['a: &a {x: lol, y: lol, z: lol}'];
    const names = 'bcdefghijklmnop'.split('');
    names.forEach((n, i) =>
      rows.push(
        `${n}: &${n} {x: *${i === 0 ? 'a' : names[i - 1]}, y: *${i === 0 ? 'a' : names[i - 1]}, z: *${i === 0 ? 'a' : names[i - 1]}}`,
      ),
    );
    const { run, file, reported } = await check('bomb-map', lines('---', 'title: Maps', ...rows, '---', ...BODY));
    expect(run.status).toBe(1);
    expect(reported).toEqual([
      expect.stringMatching(
        diagnosticLine(file, 2, undefined, /front matter could not be read: .*remove YAML aliases/),
      ),
    ]);
  });

  it('a few harmless aliases are still accepted', async () => {
    const project = await tempProject('alias-ok', {
      ...VALID,
      'roles/alpha.md': lines(
        '---',
        'title: &t Alpha Engineer',
        'short: *t',
        '---',
        '',
        '## Skills',
        '',
        '- **Python**',
        '',
        '## Tools',
        '',
        '- **Git**',
      ),
    });
    projects.push(project);
    const run = await cli(['check', '--content', project.content]);
    expect(run.status).toBe(0);
    expect(run.text).toBe('content is valid: 2 roles, 1 deck');
  });

  describe('nesting ten thousand levels deep', () => {
    // One deep parse per process: a second very deep parse in the same vite-node process was
    // seen to abort it outright (V8 "RegExpCompiler Allocation failed - process out of memory").
    let deep: Awaited<ReturnType<typeof check>>;
    beforeAll(async () => {
      deep = await check('deep', lines('---', `title: ${'['.repeat(10_000)}${']'.repeat(10_000)}`, '---', ...BODY));
    });

    it('exit 1 naming the line, no crash and no stack trace', () => {
      expect(deep.run.status).toBe(1);
      // How many positions yaml reports depends on where the stack ran out; each names line 2.
      expect(deep.reported.length).toBeGreaterThanOrEqual(1);
      for (const line of deep.reported) expect(line).toMatch(diagnosticLine(deep.file, 2, 'optional', /front matter /));
      expect(deep.run.text).not.toContain('    at ');
      expect(deep.run.text).not.toContain('unexpected error');
    });

    it('is explained in words that say what to change, not as a JavaScript stack overflow', () => {
      expect(deep.run.status).toBe(1);
      expect(deep.reported.length).toBeGreaterThanOrEqual(1);
      for (const line of deep.reported) {
        expect(line).not.toContain('Maximum call stack size exceeded');
        expect(line).toMatch(/nest/i);
      }
    });
  });
});
