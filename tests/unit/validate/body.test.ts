import { describe, expect, it } from 'vitest';
import { parseBody } from '../../../src/validate/body.js';
import { lines } from '../source-files.js';

const FILE = 'content/roles/r.md';
/** The body starts on file line 10 in every test: line numbers below are file lines. */
const parse = (...bodyLines: string[]) => parseBody(lines(...bodyLines), FILE, 10);

describe('parseBody: sections', () => {
  it('splits ## headings into sections with id, title and file line', () => {
    const { sections, diagnostics } = parse(
      '## Required skills',
      '',
      'Some text.',
      '',
      '## Tools & software',
      '',
      '- git',
    );
    expect(diagnostics).toEqual([]);
    expect(sections.map((s) => [s.id, s.title, s.line])).toEqual([
      ['required-skills', 'Required skills', 10],
      ['tools-software', 'Tools & software', 14],
    ]);
  });

  it('takes the title as plain text, without Markdown marks', () => {
    const { sections } = parse('## The *real* `work`', '', 'x');
    expect(sections[0]?.title).toBe('The real work');
    expect(sections[0]?.id).toBe('the-real-work');
  });

  it('allows a leading # document title and skips it', () => {
    const { sections, diagnostics } = parse('# My role', '', '## Skills', '', '- x');
    expect(diagnostics).toEqual([]);
    expect(sections.map((s) => s.id)).toEqual(['skills']);
  });

  it('reports a # heading after the first section', () => {
    const { diagnostics } = parse('## Skills', '', '- x', '', '# Tools', '', '- y');
    expect(diagnostics).toEqual([
      { file: FILE, line: 14, message: expect.stringMatching(/top-level heading.*"## Tools"/) },
    ]);
  });
});

describe('parseBody: blocks', () => {
  it('keeps paragraphs and lists as blocks with their lines', () => {
    const { sections } = parse('## Skills', '', 'Intro paragraph.', '', '1. first', '2. second');
    expect(sections[0]?.blocks).toEqual([
      { kind: 'paragraph', markdown: 'Intro paragraph.', images: [], line: 12 },
      {
        kind: 'list',
        ordered: true,
        start: 1,
        line: 14,
        items: [
          { markdown: 'first', keywords: [], images: [], line: 14 },
          { markdown: 'second', keywords: [], images: [], line: 15 },
        ],
      },
    ]);
  });

  it('collects **bold** terms of a list item as keywords, once each, with folded keys', () => {
    const { sections } = parse(
      '## Skills',
      '',
      '- **Python**, **SQL** and **python** again',
      '- **Scikit-learn** and *not this*',
    );
    const block = sections[0]?.blocks[0];
    if (block?.kind !== 'list') throw new Error('expected a list');
    expect(block.items.map((i) => i.keywords)).toEqual([
      [
        { label: 'Python', key: 'python' },
        { label: 'SQL', key: 'sql' },
      ],
      [{ label: 'Scikit-learn', key: 'scikit learn' }],
    ]);
  });

  it('gives exact file lines for items of a loose list', () => {
    const { sections } = parse('## Skills', '', '- one', '', '- two', '', '', '- three');
    const block = sections[0]?.blocks[0];
    if (block?.kind !== 'list') throw new Error('expected a list');
    expect(block.items.map((i) => [i.markdown, i.line])).toEqual([
      ['one', 12],
      ['two', 14],
      ['three', 17],
    ]);
  });

  it('gives exact file lines for items of a list after several sections', () => {
    const { sections } = parse('## A', '', 'para', '', '## B', '', 'para', 'continued', '', '- b1', '- b2');
    const block = sections[1]?.blocks[1];
    if (block?.kind !== 'list') throw new Error('expected a list');
    expect(block.items.map((i) => i.line)).toEqual([19, 20]);
  });
});

describe('parseBody: speaker notes', () => {
  it('turns the Note: paragraph and everything after it in the section into notes', () => {
    const { sections, diagnostics } = parse(
      '## Skills',
      '',
      '- **Python**',
      '',
      'Note: say this first',
      '',
      'And this too.',
      '',
      '- a note list',
      '',
      '## Next',
      '',
      'Back to content.',
    );
    expect(diagnostics).toEqual([]);
    const [skills, next] = sections;
    expect(skills?.notes).toEqual(['say this first', 'And this too.', '- a note list']);
    expect(skills?.blocks).toHaveLength(1);
    expect(skills?.blocks[0]?.kind).toBe('list');
    expect(next?.notes).toEqual([]);
    expect(next?.blocks).toEqual([{ kind: 'paragraph', markdown: 'Back to content.', images: [], line: 22 }]);
  });

  it('recognises "note:" in any case', () => {
    const { sections } = parse('## A', '', 'Text.', '', 'NOTE: loud');
    expect(sections[0]?.notes).toEqual(['loud']);
    expect(sections[0]?.blocks).toHaveLength(1);
  });

  it('reports a section that holds only notes as empty', () => {
    const { diagnostics } = parse('## A', '', 'Note: only notes');
    expect(diagnostics).toEqual([{ file: FILE, line: 10, message: expect.stringMatching(/section "A" is empty/) }]);
  });
});

describe('parseBody: problems, each with its file line', () => {
  it('reports text before the first ## heading', () => {
    const { diagnostics } = parse('', 'Stray text.', '', '## A', '', 'ok');
    expect(diagnostics).toEqual([
      { file: FILE, line: 11, message: expect.stringMatching(/before the first "## " heading/) },
    ]);
  });

  it('reports a raw HTML block', () => {
    const { sections, diagnostics } = parse('## A', '', 'ok', '', '<div onclick="x()">hi</div>');
    expect(diagnostics).toEqual([{ file: FILE, line: 14, message: expect.stringMatching(/raw HTML is not allowed/) }]);
    expect(sections[0]?.blocks).toHaveLength(1);
  });

  it('keeps a fenced code block as written', () => {
    const { sections, diagnostics } = parse('## A', '', 'ok', '', '```js', 'alert(1)', '```');
    expect(diagnostics).toEqual([]);
    expect(sections[0]?.blocks[1]).toEqual({ kind: 'code', text: 'alert(1)', line: 14 });
  });

  it('keeps tables with their row lines and alignment, and quotes with their attribution', () => {
    const { sections, diagnostics } = parse(
      '## A',
      '',
      '| a | **b** |',
      '|:--|--:|',
      '| 1 | 2 |',
      '| 3 | 4 |',
      '',
      '> quoted',
      '>',
      '> — Amira, 2023',
    );
    expect(diagnostics).toEqual([]);
    expect(sections[0]?.blocks).toEqual([
      {
        kind: 'table',
        head: ['a', '**b**'],
        align: ['left', 'right'],
        rows: [
          { cells: ['1', '2'], line: 14 },
          { cells: ['3', '4'], line: 15 },
        ],
        images: [],
        line: 12,
      },
      { kind: 'quote', markdown: 'quoted', attribution: 'Amira, 2023', images: [], line: 17 },
    ]);
  });

  it('shows a sub-heading as a bold line, and leaves a rule out with a warning', () => {
    const { sections, diagnostics } = parse('## A', '', 'ok', '', '### Sub', '', '---', '', 'after');
    expect(sections[0]?.blocks.map((b) => (b.kind === 'paragraph' ? b.markdown : b.kind))).toEqual([
      'ok',
      '**Sub**',
      'after',
    ]);
    expect(diagnostics).toEqual([
      { file: FILE, line: 16, severity: 'warning', message: expect.stringMatching(/horizontal rule .* is not shown/) },
    ]);
  });

  it('keeps the number a list starts at, and the state of task items', () => {
    const { sections } = parse('## A', '', '3. three', '4. four', '', '- [x] done', '- [ ] open');
    const [numbered, tasks] = sections[0]?.blocks ?? [];
    expect(numbered).toMatchObject({ kind: 'list', ordered: true, start: 3 });
    expect(tasks).toMatchObject({
      kind: 'list',
      items: [
        { markdown: 'done', checked: true },
        { markdown: 'open', checked: false },
      ],
    });
  });

  it('reports an empty section at its heading', () => {
    const { diagnostics } = parse('## Empty', '', '## Full', '', 'text');
    expect(diagnostics).toEqual([{ file: FILE, line: 10, message: expect.stringMatching(/section "Empty" is empty/) }]);
  });

  it('reports a duplicate section with the line of the first one', () => {
    const { diagnostics } = parse('## Skills', '', 'a', '', '## skills', '', 'b');
    expect(diagnostics).toEqual([
      { file: FILE, line: 14, message: expect.stringMatching(/appears twice \(first on line 10\)/) },
    ]);
  });

  it('nests lists to three levels, their keywords counted for the top item, deeper ones flattened with a warning', () => {
    const { sections, diagnostics } = parse(
      '## A',
      '',
      '- top',
      '- parent',
      '  - **child**',
      '    - grandchild',
      '      - too deep',
      '- last',
    );
    const list = sections[0]?.blocks[0];
    if (list?.kind !== 'list') throw new Error('expected a list');
    const parent = list.items[1];
    expect(parent?.markdown).toBe('parent');
    expect(parent?.keywords.map((k) => k.label)).toEqual(['child']);
    expect(parent?.children?.items[0]?.line).toBe(14);
    const third = parent?.children?.items[0]?.children;
    expect(third?.items.map((i) => [i.markdown, i.line])).toEqual([
      ['grandchild', 15],
      ['too deep', 16],
    ]);
    expect(diagnostics).toEqual([
      { file: FILE, line: 16, severity: 'warning', message: expect.stringMatching(/more than 3 levels deep/) },
    ]);
  });

  it('reports a heading with no title', () => {
    const { diagnostics } = parse('## ...', '', 'text');
    expect(diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/section heading is empty/));
  });
});

describe('parseBody: headings with links', () => {
  it('takes id and title from the link text, not the link target', () => {
    const { sections, diagnostics } = parse('## See [docs](https://example.org)', '', 'x');
    expect(diagnostics).toEqual([]);
    expect(sections.map((s) => [s.id, s.title])).toEqual([['see-docs', 'See docs']]);
  });

  it('finds twins by the link text', () => {
    const { diagnostics } = parse('## See [docs](https://example.org)', '', 'x', '', '## See docs', '', 'y');
    expect(diagnostics).toEqual([
      { file: FILE, line: 14, message: expect.stringMatching(/appears twice \(first on line 10\)/) },
    ]);
  });
});
