import { describe, expect, it } from 'vitest';
import { deckLocale } from '../../../src/render/locale.js';
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

  it("joins terms as the deck's language does and isolates a Latin role name in an Arabic heading", () => {
    const files = (lang: string) => [
      role('a', 'ML Engineer', '- **Python**, **SQL**, **Docker**'),
      role('b', 'B', '- **Python**, **SQL**, **PhD**'),
      role('c', 'C', '- **Python**, **Excel**'),
      deckFile('d', lines('---', 'title: D', `lang: ${lang}`, 'roles: [a, b, c]', '---', '## Intro', '', 'Hi.')),
    ];
    const ar = comparison(files('ar'));
    const arTable = overlapTable(ar, deckLocale(ar.deck));
    // "ML Engineer فقط" reads right to left: the Latin name is isolated, the label keeps its place.
    expect(arTable.head[3]).toBe('\u2068ML Engineer\u2069 فقط');
    expect(arTable.rows[0]?.[2]).toBe('\u2068SQL (\u2068ML Engineer\u2069، \u2068B\u2069)\u2069');
    const zh = comparison(files('zh-Hans'));
    const zhTable = overlapTable(zh, deckLocale(zh.deck));
    expect(zhTable.head[3]).toBe('仅ML Engineer');
    expect(zhTable.rows[0]?.[2]).toBe('SQL (ML Engineer、B)');
  });
});
