import { describe, expect, it } from 'vitest';
import { ContentError, type Diagnostic } from '../../../src/errors.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

const roleA = roleFile('a', lines('---', 'title: A', '---', '## Skills', '', '- x'));
const roleB = roleFile('b', lines('---', 'title: B', '---', '## Skills', '', '- y'));

/** The diagnostics of one file whose front matter is `yaml` (file line 2 is the first YAML line). */
function problems(kind: 'role' | 'deck', ...yaml: string[]): Diagnostic[] {
  const file =
    kind === 'role'
      ? roleFile('r', lines('---', ...yaml, '---', '## Skills', '', '- z'))
      : deckFile('d', lines('---', ...yaml, '---', '## Intro', '', 'Hi.'));
  try {
    validateContent([roleA, roleB, file]);
  } catch (error) {
    if (error instanceof ContentError) return error.diagnostics.filter((d) => d.file === file.path);
    throw error;
  }
  return [];
}
const brief = (ds: Diagnostic[]) => ds.map((d) => [d.line, d.message]);

describe('front matter schema messages', () => {
  it('lists the known keys of the mapping an unknown nested key is in', () => {
    expect(brief(problems('role', 'title: R', 'outlook:', '  growth: 5', '  salary: 10'))).toEqual([
      [5, '"salary" is not a known key in "outlook"; use one of growth, period, asOf, group, source or remove it'],
    ]);
  });

  it('reports several unknown keys at once', () => {
    const found = problems('role', 'title: R', 'salary: 1', 'bonus: 2');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(
      /^"salary", "bonus" are not known keys; use one of title, short, summary, outlook/,
    );
  });

  it('reports an empty or blank value', () => {
    expect(brief(problems('role', 'title: "   "'))).toEqual([[2, '"title" is empty; write a value or remove the key']]);
  });

  it('reports a short name over 40 characters', () => {
    const [d] = problems('role', 'title: R', `short: ${'x'.repeat(41)}`);
    expect(d?.line).toBe(3);
    expect(d?.message).toMatch(/^"short"/);
  });

  it('reports growth out of range', () => {
    const [d] = problems('role', 'title: R', 'outlook:', '  growth: -150');
    expect(d?.line).toBe(4);
    expect(d?.message).toMatch(/^"outlook.growth"/);
  });

  it('refuses a source URL that is not http(s), at its line', () => {
    const [d] = problems(
      'deck',
      'title: D',
      'roles: [a, b]',
      'sources:',
      '  - title: S',
      '    url: "javascript:alert(1)"',
    );
    expect(d?.line).toBe(6);
    expect(d?.message).toMatch(/^"sources.0.url" must be/);
  });

  it('refuses a role slug that is not a file name', () => {
    const [d] = problems('deck', 'title: D', 'roles:', '  - a', '  - "../b"');
    expect(d?.line).toBe(5);
    expect(d?.message).toMatch(/^"roles.1" .*lower case with dashes/);
  });

  it('refuses a language that is not a language tag', () => {
    const [d] = problems('deck', 'title: D', 'roles: [a, b]', 'lang: "en_GB!"');
    expect(d?.line).toBe(4);
    expect(d?.message).toMatch(/^"lang" .*language tag/);
  });

  // BUG (src/validate/schema.ts:56,75): zod 4 leaves `issue.input` unset unless safeParse is called
  // with { reportInput: true }, so every wrong type reads as a missing key.
  it('says a number given for a text key is the wrong type, not missing', () => {
    const [d] = problems('role', 'title: 42');
    expect(d?.message).toBe('"title" must be a string, not number 42');
  });

  it('says front matter that is a list must be a mapping of keys', () => {
    const [d] = problems('role', '- title', '- short');
    expect(d?.message).toBe('front matter must be a mapping of keys, not a list');
    expect(d?.message).not.toContain('undefined');
  });
});

describe('front matter schema: language tags', () => {
  it.each(['en-US-US', 'xx-'])('refuses lang "%s" as not a language tag', (tag) => {
    const [d, ...more] = problems('deck', 'title: D', 'roles: [a, b]', `lang: ${tag}`);
    expect(more).toEqual([]);
    expect(d?.line).toBe(4);
    expect(d?.message).toContain('language tag');
    expect(d?.message).toMatch(/^"lang" /);
  });

  it.each(['en-GB', 'de', 'en'])('accepts lang "%s"', (tag) => {
    expect(problems('deck', 'title: D', 'roles: [a, b]', `lang: ${tag}`)).toEqual([]);
  });
});

describe('front matter schema: dir', () => {
  it.each(['rtl', 'ltr', 'auto'])('accepts dir "%s"', (dir) => {
    expect(problems('deck', 'title: D', 'roles: [a, b]', `dir: ${dir}`)).toEqual([]);
  });

  it('refuses another value, naming the three and what auto does', () => {
    expect(brief(problems('deck', 'title: D', 'roles: [a, b]', 'dir: right-to-left'))).toEqual([
      [
        4,
        '"dir" must be "rtl", "ltr" or "auto" (the default: from lang, so rtl for ar, he, fa, ur and other right-to-left languages)',
      ],
    ]);
  });
});

describe('front matter schema: titles', () => {
  it('refuses a role title written over two lines', () => {
    expect(brief(problems('role', 'title: |', '  Machine Learning', '  Engineer'))).toEqual([
      [2, '"title" must be on one line'],
    ]);
  });

  it('refuses a deck title written over two lines', () => {
    const [d] = problems('deck', 'title: |', '  Engineer', '  vs. Scientist', 'roles: [a, b]');
    expect(d?.line).toBe(2);
    expect(d?.message).toMatch(/^"title" .*one line/);
  });

  it('refuses a title longer than 120 characters, and accepts one of exactly 120', () => {
    const [d, ...more] = problems('role', `title: ${'x'.repeat(121)}`);
    expect(more).toEqual([]);
    expect(d?.line).toBe(2);
    expect(d?.message).toMatch(/^"title" .*longer than 120/);
    expect(problems('role', `title: ${'x'.repeat(120)}`)).toEqual([]);
  });

  it('refuses a deck subtitle over two lines too', () => {
    const [d] = problems('deck', 'title: D', 'subtitle: |', '  one', '  two', 'roles: [a, b]');
    expect(d?.message).toMatch(/^"subtitle" .*one line/);
  });
});

describe('front matter schema: deck sections', () => {
  it('refuses a section listed twice', () => {
    const [d, ...more] = problems('deck', 'title: D', 'roles: [a, b]', 'sections: [skills, skills]');
    expect(more).toEqual([]);
    expect(d?.line).toBe(4);
    expect(d?.message).toMatch(/^"sections" .*twice/);
  });

  it('accepts sections listed once each', () => {
    expect(problems('deck', 'title: D', 'roles: [a, b]', 'sections: [skills]')).toEqual([]);
  });
});
