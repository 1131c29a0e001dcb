import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OUTPUTS, OUTPUT_KINDS, PAGE_KINDS } from '../../../src/model/outputs.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
/** What the docs call a row's file: `<deck>` and `<role>` for the slugs. */
const shown = (kind: (typeof OUTPUT_KINDS)[number]) =>
  OUTPUTS[kind].file.replace('{deck}', '<deck>').replace('{role}', '<role>');

describe('the table of outputs', () => {
  it('gives every PDF with a page of its own a template and a style sheet named for its first folder', () => {
    for (const kind of PAGE_KINDS) {
      const folder = OUTPUTS[kind].templates[0] ?? '';
      expect(existsSync(path.join(ROOT, 'templates', folder, `${folder}.hbs`)), kind).toBe(true);
      expect(existsSync(path.join(ROOT, 'templates', folder, `${folder}.css`)), kind).toBe(true);
    }
  });

  it('names one file a role exactly for the rows made per role', () => {
    for (const kind of OUTPUT_KINDS) expect(OUTPUTS[kind].file.includes('{role}'), kind).toBe(OUTPUTS[kind].perRole);
  });

  it("is the README's list of outputs, row for row", () => {
    const section = read('README.md').split('## What you get')[1]?.split('\n## ')[0] ?? '';
    const files = [...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]);
    // A folder of files (the slide images) is known by its folder.
    const folder = (file: string) => (file.includes('/') ? `${file.split('/')[0]}/` : file);
    expect(files.map((file) => folder(file ?? '')).sort()).toEqual(
      ['index.html', ...OUTPUT_KINDS.map(shown)].map(folder).sort(),
    );
  });

  it('is what the docs say a deck may list in `outputs`', () => {
    const listed = (text: string) => [...text.matchAll(/`([a-z]+)`/g)].map((m) => m[1]);
    const format = read('docs/content-format.md').split('`outputs` (any of ')[1]?.split(';')[0] ?? '';
    expect(listed(format)).toEqual([...OUTPUT_KINDS]);
    const beyond = read('docs/outputs-beyond-the-browser.md').split("config file's default):")[1]?.split('.')[0] ?? '';
    expect(listed(beyond)).toEqual([...OUTPUT_KINDS]);
  });
});
