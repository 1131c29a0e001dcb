import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../src/load/source.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

/** A role of front matter lines; line numbers: front matter from 2. */
const role = (slug: string, ...front: string[]) =>
  roleFile(slug, lines('---', `title: ${slug}`, ...front, '---', '## Definition', '', 'Works.'));
const deck = (...front: string[]) =>
  deckFile('d', lines('---', 'title: d', 'roles: [engineer, scientist]', ...front, '---', '## Intro', '', 'Hi.'));

function warningsOf(...files: SourceFile[]) {
  return validateContent(files).warnings.map((w) => ({ file: w.file, line: w.line, message: w.message }));
}

const pay = (year: number) => [
  'pay:',
  '  amount: 100000',
  '  currency: USD',
  `  year: ${year}`,
  '  source: U.S. Bureau of Labor Statistics',
];
const outlook = (period: string) => ['outlook:', '  growth: 10', `  period: "${period}"`, '  source: BLS'];

describe('provenance warnings', () => {
  it('warns at the period line of a figure older than staleAfter years before the deck date', () => {
    const found = warningsOf(
      role('engineer', ...outlook('2019-2029')),
      role('scientist', ...outlook('2019-2029')),
      deck('date: "2026-11-26"'),
    );
    expect(found).toEqual([
      {
        file: 'content/roles/engineer.md',
        line: 5,
        message: expect.stringMatching(
          /^the outlook figure is from 2019, 7 years before the date of content\/decks\/d\.md \(2026-11-26\), more than staleAfter \(3\)/,
        ),
      },
      { file: 'content/roles/scientist.md', line: 5, message: expect.stringContaining('from 2019, 7 years') },
    ]);
  });

  it('follows the deck staleAfter key, and says nothing of a deck without a date', () => {
    const files = [role('engineer', ...outlook('2019-2029')), role('scientist', ...outlook('2019-2029'))];
    expect(warningsOf(...files, deck('date: "2026-11-26"', 'staleAfter: 8'))).toEqual([]);
    expect(warningsOf(...files, deck())).toEqual([]);
  });

  it('warns at the year of pay figures of different years in one deck', () => {
    const found = warningsOf(
      role('engineer', ...pay(2024)),
      role('scientist', ...pay(2023)),
      deck('date: "2025-01-10"'),
    );
    expect(found).toEqual([
      {
        file: 'content/roles/scientist.md',
        line: 6,
        message:
          'the pay year 2023 differs from 2024 in content/roles/engineer.md, yet one deck compares them; use pay figures for the same year in both files',
      },
    ]);
  });

  it('warns at a figure with no source or no date', () => {
    const found = warningsOf(
      role('engineer', 'outlook:', '  growth: 10'),
      role('scientist', ...outlook('2024-2034')),
      deck(),
    ).filter((w) => w.file === 'content/roles/engineer.md');
    expect(found.map((w) => [w.line, w.message.slice(0, 40)])).toEqual(
      expect.arrayContaining([
        [4, 'the outlook figure has no source; add so'],
        [4, 'the outlook figure has no date; add peri'],
      ]),
    );
  });

  it('refuses a currency code Intl does not know, at its line', () => {
    expect(() =>
      validateContent([
        role('engineer', 'pay:', '  amount: 1', '  currency: usd', '  year: 2024'),
        role('scientist'),
        deck(),
      ]),
    ).toThrow(/engineer\.md:5.*ISO 4217/s);
  });
});
