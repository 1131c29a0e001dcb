import { describe, expect, it } from 'vitest';
import { overlapTable } from '../../../src/render/overlap-table.js';
import { deckFile, lines, roleFile } from '../source-files.js';
import { comparison } from './model.js';

const role = (slug: string, short: string, ...items: string[]) =>
  roleFile(
    slug,
    lines(
      '---',
      `title: ${short} role`,
      `short: ${short}`,
      '---',
      '## Skills',
      '',
      ...items,
      '',
      '## Notes',
      '',
      'Prose only.',
    ),
  );

describe('overlapTable', () => {
  it('has a "Some roles" column with three roles, naming who shares each term', () => {
    const c = comparison([
      role('a', 'A', '- **Python**, **SQL**, **Docker**'),
      role('b', 'B', '- **Python**, **SQL**, **PhD**'),
      role('c', 'C', '- **Python**, **Excel**'),
      deckFile('d', lines('---', 'title: D', 'roles: [a, b, c]', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(overlapTable(c)).toEqual({
      head: ['Section', 'All roles', 'Some roles', 'Only A', 'Only B', 'Only C'],
      rows: [['Skills', 'Python', 'SQL (A, B)', 'Docker', 'PhD', 'Excel']],
    });
  });

  it('has "Both" and no "Some roles" column with two roles, and skips sections without keywords', () => {
    const c = comparison([
      role('a', 'A', '- **Python**'),
      role('b', 'B', '- **Go**'),
      deckFile('d', lines('---', 'title: D', 'roles: [a, b]', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(overlapTable(c)).toEqual({
      head: ['Section', 'Both', 'Only A', 'Only B'],
      rows: [['Skills', '–', 'Python', 'Go']],
    });
  });
});
