import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/model/index.js';
import { liveSections } from '../../../src/validate/live.js';

function section(title: string, blocks: Section['blocks'], line = 10): Section {
  return { id: 'x', title, line, blocks, notes: [] };
}
const list = (...items: string[]): Section['blocks'][number] => ({
  kind: 'list',
  ordered: false,
  start: 1,
  line: 11,
  items: items.map((markdown, i) => ({ markdown, keywords: [], images: [], line: 11 + i })),
});

describe('liveSections', () => {
  it('turns "## Poll: ..." with a list into a poll with those options', () => {
    const { sections, diagnostics } = liveSections(
      [section('Poll: Which role?', [list('**ML** Engineer', 'AI Scientist')])],
      'd.md',
    );
    expect(diagnostics).toEqual([]);
    expect(sections[0]).toMatchObject({
      id: 'poll-which-role',
      title: 'Which role?',
      poll: { question: 'Which role?', options: ['ML Engineer', 'AI Scientist'] },
    });
  });

  it('takes "options: roles"', () => {
    const { sections } = liveSections(
      [section('Poll: Which first?', [{ kind: 'paragraph', markdown: 'options: roles', images: [], line: 11 }])],
      'd.md',
    );
    expect(sections[0]?.poll).toEqual({ question: 'Which first?', options: 'roles' });
  });

  it('says what to change: too few options, a repeated one, an empty question', () => {
    const one = liveSections([section('Poll: Q?', [list('Only')])], 'd.md');
    expect(one.diagnostics[0]).toMatchObject({
      file: 'd.md',
      line: 10,
      message: expect.stringMatching(/2 to 10 options/),
    });
    const twice = liveSections([section('Poll: Q?', [list('A', 'a', 'B')])], 'd.md');
    expect(twice.diagnostics[0]?.message).toMatch(/appears twice/);
    expect(liveSections([section('Poll:', [list('A', 'B')])], 'd.md').diagnostics[0]?.message).toMatch(
      /needs a question/,
    );
  });

  it("reads a section's time from its heading and keeps the id of the title without it", () => {
    const { sections } = liveSections([section('Introduction {time=5m}', [])], 'd.md');
    expect(sections[0]).toMatchObject({ id: 'introduction', title: 'Introduction', minutes: 5 });
  });
});
