/**
 * Malformed content files: broken YAML, broken fences, empty, binary and non-UTF-8 files are
 * content errors (exit 1) that name the file and line; a BOM and CRLF line endings are not errors
 * and change nothing in the output.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { cli, diagnosticLine, lines, linesOf, tempProject, type TempProject, VALID } from './helpers.js';

const BODY = ['', '## Skills', '', '- **Python**'];
const cleanup: TempProject[] = [];
afterAll(async () => {
  await Promise.all(cleanup.map((p) => p.remove()));
});

/** Runs `check` on the valid content plus roles/broken.md holding `broken`. */
async function checkBroken(name: string, broken: string | Uint8Array) {
  const project = await tempProject(name, { ...VALID, 'roles/broken.md': broken });
  cleanup.push(project);
  const run = await cli(['check', '--content', project.content]);
  const file = project.shown('roles/broken.md');
  return { run, file, reported: linesOf(run, file) };
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

interface YamlCase {
  name: string;
  text: string;
  line: number;
  column: number | 'any';
  message: RegExp;
}

const yamlCases: YamlCase[] = [
  {
    name: 'tab indentation',
    text: lines('---', 'title: Tabs', 'outlook:', '\tgrowth: 3', '---', ...BODY),
    line: 4,
    column: 1,
    message: /front matter is not valid YAML: tabs are used for indentation; indent with spaces/,
  },
  {
    name: 'a duplicate key (the second one is named)',
    text: lines('---', 'title: One', 'short: S', 'title: Two', '---', ...BODY),
    line: 4,
    column: 1,
    message: /front matter is not valid YAML: a key appears twice; keep one of them/,
  },
  {
    name: 'a duplicate nested key',
    text: lines('---', 'title: Nested', 'outlook:', '  growth: 5', '  growth: 6', '---', ...BODY),
    line: 5,
    column: 3,
    message: /front matter is not valid YAML: a key appears twice; keep one of them/,
  },
  {
    name: 'an unclosed double quote',
    text: lines('---', 'title: "Unclosed', '---', ...BODY),
    line: 2,
    column: 'any',
    message: /front matter is not valid YAML: Missing closing "quote; check the quotes on this line/,
  },
  {
    name: 'an unclosed single quote',
    text: lines('---', "title: 'Unclosed", '---', ...BODY),
    line: 2,
    column: 'any',
    message: /front matter is not valid YAML: Missing closing 'quote; check the quotes on this line/,
  },
  {
    name: 'no closing ---',
    text: lines('---', 'title: Never closed', ...BODY),
    line: 1,
    column: 1,
    message: /front matter opened here is never closed; add a line "---" after the last YAML line/,
  },
  {
    name: 'no front matter at all',
    text: lines('## Skills', '', '- **Python**'),
    line: 1,
    column: 1,
    message: /must start with front matter: a line "---"/,
  },
];

describe('malformed YAML and fences: exit 1 naming path:line:column and what to change', () => {
  it.each(yamlCases)('$name', async ({ name, text, line, column, message }) => {
    const { run, file, reported } = await checkBroken(name.replace(/\W+/g, '-'), text);
    expect(run.status).toBe(1);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(diagnosticLine(file, line, column, message));
    expect(run.text).toContain('1 problem found; nothing was written.');
  });

  it('an unclosed quote followed by more YAML is reported on the line of the quote, not the last YAML line', async () => {
    // Today the position is where yaml gave up (the end of the last YAML line, 4:14), so
    // "check the quotes on this line" points at `summary: more`, which has no quote.
    const { run, file, reported } = await checkBroken(
      'unclosed-then-more',
      lines('---', 'short: S', 'title: "Unclosed', 'summary: more', '---', ...BODY),
    );
    expect(run.status).toBe(1);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(
      diagnosticLine(
        file,
        3,
        'any',
        /front matter is not valid YAML: Missing closing "quote; check the quotes on this line/,
      ),
    );
  });
});

describe('empty, binary and non-UTF-8 files: exit 1 naming the file and what to change', () => {
  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n  \n\t\n'],
  ])('%s is reported at line 1', async (_name, text) => {
    const { run, file, reported } = await checkBroken('empty', text);
    expect(run.status).toBe(1);
    expect(reported).toEqual([
      `${file}:1: is empty; start it with front matter between two --- lines (see README, "Content format")`,
    ]);
  });

  const nulInMiddle = bytes(lines('---', 'title: Binary', '---', ...BODY), '- **SQL**\u0000\u0001\u0002 data\n');
  const binaryBlob = bytes([0x00, 0x01, 0x02, 0x03, 0x00, 0x7f, 0x0a, 0x00, 0x10]);
  const ffFeInMiddle = bytes(lines('---', 'title: Encoded', '---', ...BODY), '- **SQL** ', [0xff, 0xfe], ' more\n');
  const latin1 = bytes('---\ntitle: Caf', [0xe9], '\n---\n', BODY.join('\n'));
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(lines('---', 'title: Wide', '---', ...BODY), 'utf16le'),
  ]);

  it.each([
    ['NUL bytes in the middle of a text file', nulInMiddle],
    ['a binary blob', binaryBlob],
  ])('%s: refused as binary', async (_name, data) => {
    const { run, file, reported } = await checkBroken('binary', data);
    expect(run.status).toBe(1);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(
      diagnosticLine(
        file,
        'any',
        undefined,
        /contains NUL bytes and looks binary; content files must be Markdown text$/,
      ),
    );
  });

  it.each([
    ['0xFF 0xFE in the middle of a line', ffFeInMiddle],
    ['a Latin-1 file', latin1],
    ['a UTF-16 file', utf16],
  ])('%s: refused as not UTF-8, saying how to save it', async (_name, data) => {
    const { run, file, reported } = await checkBroken('encoding', data);
    expect(run.status).toBe(1);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(diagnosticLine(file, 'any', undefined, /is not UTF-8 text; save it as UTF-8/));
  });

  it('names the line of the first NUL byte (file line 8)', async () => {
    const { run, file, reported } = await checkBroken('nul-line', nulInMiddle);
    expect(run.status).toBe(1);
    expect(reported[0]).toMatch(diagnosticLine(file, 8, 'optional', /contains NUL bytes and looks binary/));
  });

  it('names the line of the first byte that is not UTF-8 (file line 8)', async () => {
    const { run, file, reported } = await checkBroken('utf8-line', ffFeInMiddle);
    expect(run.status).toBe(1);
    expect(reported[0]).toMatch(diagnosticLine(file, 8, 'optional', /is not UTF-8 text; save it as UTF-8/));
  });

  it('reports every malformed file of a folder in one run', async () => {
    const project = await tempProject('all-at-once', {
      ...VALID,
      'roles/tabs.md': yamlCases[0]!.text,
      'roles/twice.md': yamlCases[1]!.text,
      'roles/quote.md': yamlCases[3]!.text,
      'roles/open.md': yamlCases[5]!.text,
      'roles/empty.md': '',
      'roles/nul.md': nulInMiddle,
      'roles/latin.md': latin1,
    });
    cleanup.push(project);
    const run = await cli(['check', '--content', project.content]);
    expect(run.status).toBe(1);
    for (const name of ['tabs', 'twice', 'quote', 'open', 'empty', 'nul', 'latin']) {
      expect(linesOf(run, project.shown(`roles/${name}.md`)), name).toHaveLength(1);
    }
    expect(run.text).toContain('7 problems found; nothing was written.');
  });
});

describe('a UTF-8 BOM and CRLF line endings', () => {
  type Variant = (text: string) => string;
  const variants: Record<string, Variant> = {
    lf: (t) => t,
    bom: (t) => `\uFEFF${t}`,
    crlf: (t) => t.replace(/\n/g, '\r\n'),
    'bom+crlf': (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`,
  };
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('build (no PDF) to an index.html byte-identical to the one built from the plain LF files', async () => {
    const html: Record<string, Buffer> = {};
    for (const [name, variant] of Object.entries(variants)) {
      const project = await tempProject(`rel-${name.replace('+', '-')}`);
      dirs.push(project.dir);
      for (const kind of ['roles', 'decks']) {
        for (const file of await readdir(path.join(project.content, kind))) {
          const full = path.join(project.content, kind, file);
          const text = await readFile(full, 'utf8');
          expect(text.includes('\r') || text.startsWith('\uFEFF'), `${file} of the default content is plain LF`).toBe(
            false,
          );
          await writeFile(full, variant(text));
        }
      }
      if (name !== 'lf') {
        const sample = await readFile(path.join(project.content, 'roles', 'ai-scientist.md'));
        if (name.includes('bom')) expect([...sample.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        if (name.includes('crlf')) expect(sample.includes('\r\n')).toBe(true);
      }
      const result = await build({ contentDir: project.content, outDir: project.out, pdf: false });
      expect(result.browserLaunches).toBe(0);
      const index = result.decks[0]?.outputs.find((o) => path.basename(o.file) === 'index.html');
      expect(index).toBeDefined();
      html[name] = await readFile(index!.file);
    }
    expect(html.lf!.length).toBeGreaterThan(10_000);
    expect(html.lf!.includes('\r')).toBe(false);
    expect(html.lf!.includes('\uFEFF')).toBe(false);
    for (const name of ['bom', 'crlf', 'bom+crlf']) {
      expect(Buffer.compare(html[name]!, html.lf!), `${name} differs from lf`).toBe(0);
    }
  });

  it('keep the line and column of a problem the same as in the LF file', async () => {
    const text = lines('---', 'title: One', 'short: S', 'title: Two', '---', ...BODY);
    const reported: Record<string, string> = {};
    for (const [name, variant] of Object.entries(variants)) {
      const { run, file, reported: found } = await checkBroken(`pos-${name.replace('+', '-')}`, variant(text));
      expect(run.status).toBe(1);
      expect(found).toHaveLength(1);
      reported[name] = found[0]!.slice(file.length);
    }
    expect(reported.lf).toMatch(/^:4:1: front matter is not valid YAML: a key appears twice/);
    expect(reported).toEqual({ lf: reported.lf, bom: reported.lf, crlf: reported.lf, 'bom+crlf': reported.lf });
  });
});
