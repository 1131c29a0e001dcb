import { describe, expect, it } from 'vitest';
import { parseFrontMatter, type ParseOutcome } from '../../../src/load/front-matter.js';
import { lines, roleFile } from '../source-files.js';

const PATH = 'content/roles/r.md';
const parse = (text: string | Uint8Array) => parseFrontMatter(roleFile('r', text));

function ok(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.diagnostics)}`);
  return outcome.file;
}
function failed(outcome: ParseOutcome) {
  if (outcome.ok) throw new Error('expected diagnostics, got a parsed file');
  expect(outcome.diagnostics.length).toBeGreaterThan(0);
  for (const d of outcome.diagnostics) expect(d.file).toBe(PATH);
  return outcome.diagnostics;
}

describe('parseFrontMatter: valid files', () => {
  it('splits YAML data from the body and records the body first line', () => {
    const file = ok(parse(lines('---', 'title: Data Scientist', 'short: DS', '---', '', '## Skills', '- **Python**')));
    expect(file.data).toEqual({ title: 'Data Scientist', short: 'DS' });
    expect(file.yamlFirstLine).toBe(2);
    expect(file.bodyFirstLine).toBe(5);
    expect(file.body.split('\n')[1]).toBe('## Skills');
    expect(file.source.path).toBe(PATH);
  });

  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    const file = ok(parse('\uFEFF---\r\ntitle: Café\r\n---\r\n## A\r\n- x\r\n'));
    expect(file.data).toEqual({ title: 'Café' });
    expect(file.body).toBe('## A\n- x\n');
    expect(file.body).not.toContain('\r');
    expect(file.bodyFirstLine).toBe(4);
  });

  it('accepts "..." as the closing fence', () => {
    const file = ok(parse(lines('---', 'title: T', '...', '## A')));
    expect(file.data).toEqual({ title: 'T' });
    expect(file.body.trim()).toBe('## A');
  });

  it('turns empty front matter into an empty object', () => {
    expect(ok(parse(lines('---', '---', '## A'))).data).toEqual({});
  });
});

describe('parseFrontMatter: files that are not Markdown text', () => {
  it('rejects an empty or blank file at line 1', () => {
    for (const text of ['', '  \n\n']) {
      const [d] = failed(parse(text));
      expect(d?.line).toBe(1);
      expect(d?.message).toMatch(/is empty/);
    }
  });

  it('rejects a binary file with NUL bytes', () => {
    const [d] = failed(parse(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x0a])));
    expect(d?.message).toMatch(/NUL bytes/);
  });

  it('rejects bytes that are not valid UTF-8', () => {
    const [d] = failed(parse(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a])));
    expect(d?.message).toMatch(/not UTF-8/);
  });
});

describe('parseFrontMatter: fences', () => {
  it('requires an opening --- on line 1', () => {
    const [d] = failed(parse(lines('title: T', '---', '## A')));
    expect(d).toMatchObject({ line: 1, column: 1 });
    expect(d?.message).toMatch(/must start with front matter/);
  });

  it('reports front matter that is never closed', () => {
    const [d] = failed(parse(lines('---', 'title: T', '## A', '- x')));
    expect(d?.line).toBe(1);
    expect(d?.message).toMatch(/never closed/);
  });

  it.each(['js', 'javascript', 'coffee'])('refuses a ---%s fence and names the language', (language) => {
    const [d] = failed(parse(lines(`---${language}`, '{ title: "T" }', '---', '## A')));
    expect(d?.line).toBe(1);
    expect(d?.message).toContain(`"${language}"`);
    expect(d?.message).toMatch(/only YAML/);
  });
});

describe('parseFrontMatter: YAML problems', () => {
  it('reports a problem on the first YAML line as file line 2', () => {
    const [d] = failed(parse(lines('---', 'title: "Unclosed', '---', '## A')));
    expect(d?.line).toBe(2);
    expect(d?.message).toMatch(/check the quotes/);
  });

  it('reports tab indentation with a message about tabs', () => {
    const [d] = failed(parse(lines('---', 'title: T', 'outlook:', '\tgrowth: 5', '---', '## A')));
    expect(d?.message).toMatch(/tabs are used for indentation/);
  });

  it('reports a duplicate key', () => {
    const [d] = failed(parse(lines('---', 'title: A', 'short: B', 'title: C', '---', '## A')));
    expect(d?.message).toMatch(/a key appears twice/);
  });

  it('reports an unclosed quote', () => {
    const [d] = failed(parse(lines('---', 'title: A', 'short: B', 'summary: "never closed', '---', '## A')));
    expect(d?.message).toMatch(/Missing closing "quote; check the quotes/);
  });

  it('reports tab indentation on the line of the tab (file line 5)', () => {
    const [d] = failed(parse(lines('---', 'title: T', 'short: S', 'outlook:', '\tgrowth: 5', '---', '## A')));
    expect(d?.line).toBe(5);
  });

  it('reports a duplicate key on the line of the second occurrence (file line 5)', () => {
    const [d] = failed(parse(lines('---', 'title: A', 'short: B', 'summary: C', 'title: D', '---', '## A')));
    expect(d?.line).toBe(5);
  });

  it('reports an unclosed quote on the line of the quote (file line 4)', () => {
    const [d] = failed(parse(lines('---', 'title: A', 'short: B', 'summary: "never closed', '---', '## A')));
    expect(d?.line).toBe(4);
  });

  it('refuses the !!js/function tag', () => {
    const outcome = parse(lines('---', 'title: !!js/function "function () { return 1 }"', '---', '## A'));
    const [d] = failed(outcome);
    expect(d?.message).toMatch(/custom tags such as !!js\/function are not allowed/);
  });

  it('reports the !!js/function tag on its own line (file line 3)', () => {
    const [d] = failed(parse(lines('---', 'title: T', 'summary: !!js/function "function () {}"', '---', '## A')));
    expect(d?.line).toBe(3);
  });

  it('keeps a __proto__ key as plain data without polluting Object.prototype', () => {
    const file = ok(parse(lines('---', '__proto__:', '  polluted: yes', 'title: T', '---', '## A')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(file.data)).toBe(Object.prototype);
    expect(Object.keys(file.data as object)).toContain('__proto__');
  });

  it('rejects an alias bomb instead of expanding it', () => {
    const level = (name: string, prev: string) => `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`;
    const names = ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const yaml = [
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...names.map((n, i) => level(n, i === 0 ? 'a' : (names[i - 1] ?? 'a'))),
    ];
    const [d] = failed(parse(lines('---', ...yaml, '---', '## A')));
    expect(d?.message).toMatch(/remove YAML aliases/);
  });

  it('still accepts a few harmless aliases', () => {
    const file = ok(parse(lines('---', 'title: &t Same', 'short: *t', '---', '## A')));
    expect(file.data).toEqual({ title: 'Same', short: 'Same' });
  });
});
