import { describe, expect, it } from 'vitest';
import { compareAll, compareDeck, overlap, sectionKeywords } from '../../../src/compare/compare.js';
import { keywordKey } from '../../../src/validate/keys.js';
import type { Keyword } from '../../../src/model/content.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

const kw = (...labels: string[]): Keyword[] => labels.map((label) => ({ label, key: keywordKey(label) }));
const labels = (keywords: readonly Keyword[]) => keywords.map((k) => k.label);

describe('overlap', () => {
  it('splits two roles into shared and unique, with no partial shares', () => {
    const result = overlap([kw('Python', 'SQL', 'Docker'), kw('python', 'PhD', 'SQL')]);
    expect(labels(result.shared)).toEqual(['Python', 'SQL']);
    expect(result.partial).toEqual([]);
    expect(result.unique.map(labels)).toEqual([['Docker'], ['PhD']]);
  });

  it('matches keyword variants through their folded keys', () => {
    const result = overlap([kw('Scikit-learn', 'GPUs'), kw('scikit learn', 'GPU')]);
    expect(labels(result.shared)).toEqual(['Scikit-learn', 'GPUs']);
    expect(result.unique).toEqual([[], []]);
  });

  it('splits three roles into shared by all, partial with role indexes, and unique', () => {
    const result = overlap([
      kw('Python', 'SQL', 'Docker'),
      kw('Python', 'SQL', 'PhD'),
      kw('Python', 'Docker', 'Excel'),
    ]);
    expect(labels(result.shared)).toEqual(['Python']);
    expect(result.partial.map((p) => [p.keyword.label, p.roles])).toEqual([
      ['SQL', [0, 1]],
      ['Docker', [0, 2]],
    ]);
    expect(result.unique.map(labels)).toEqual([[], ['PhD'], ['Excel']]);
  });

  it('handles four roles', () => {
    const result = overlap([kw('Python', 'A'), kw('Python', 'B', 'C'), kw('Python', 'B', 'C'), kw('Python', 'C', 'D')]);
    expect(labels(result.shared)).toEqual(['Python']);
    expect(result.partial.map((p) => [p.keyword.label, p.roles])).toEqual([
      ['B', [1, 2]],
      ['C', [1, 2, 3]],
    ]);
    expect(result.unique.map(labels)).toEqual([['A'], [], [], ['D']]);
  });

  it('counts a keyword repeated within one role once', () => {
    const result = overlap([kw('Python', 'python'), kw('SQL')]);
    expect(result.shared).toEqual([]);
    expect(result.unique.map(labels)).toEqual([['Python'], ['SQL']]);
  });

  it('shares nothing when one role has no keywords', () => {
    const result = overlap([kw('Python'), []]);
    expect(result.shared).toEqual([]);
    expect(result.unique.map(labels)).toEqual([['Python'], []]);
  });
});

const roleA = roleFile(
  'a',
  lines(
    '---',
    'title: Role A',
    'short: A',
    'outlook:',
    '  growth: 22',
    '  source: BLS',
    '---',
    '## Skills',
    '',
    '- **Python** and **SQL**',
    '- **Docker**',
    '',
    '## Education',
    '',
    '- **BSc**',
  ),
);
const roleB = roleFile(
  'b',
  lines(
    '---',
    'title: Role B',
    'short: B',
    '---',
    '## Education',
    '',
    '- **PhD** or **BSc**',
    '',
    '## Skills',
    '',
    'Prose only.',
    '',
    '- **python**',
  ),
);
const roleC = roleFile(
  'c',
  lines('---', 'title: Role C', 'short: C', 'outlook:', '  growth: 8', '---', '## Skills', '', '- **Excel**'),
);
const deck = (roles: string, sections: string) =>
  deckFile('d', lines('---', 'title: D', `roles: [${roles}]`, `sections: [${sections}]`, '---', '## Intro', '', 'Hi.'));

describe('compareDeck', () => {
  it('aligns sections in deck order with one cell per role in deck order', () => {
    const model = validateContent([roleA, roleB, deck('b, a', 'education, skills')]);
    const [d] = model.decks;
    if (!d) throw new Error('no deck');
    const c = compareDeck(d, model);
    expect(c.roles.map((r) => r.slug)).toEqual(['b', 'a']);
    expect(c.sections.map((s) => [s.id, s.title])).toEqual([
      ['education', 'Education'],
      ['skills', 'Skills'],
    ]);
    expect(c.sections[0]?.cells.map((cell) => cell?.line)).toEqual([5, 13]);
    const skills = c.sections[1];
    expect(labels(skills?.overlap.shared ?? [])).toEqual(['python']);
    expect(skills?.overlap.unique.map(labels)).toEqual([[], ['SQL', 'Docker']]);
  });

  it('leaves an undefined cell for a role that lacks the section', () => {
    const model = validateContent([roleA, roleC, deck('a, c', 'skills, education')]);
    const [d] = model.decks;
    if (!d) throw new Error('no deck');
    const education = compareDeck(d, model).sections[1];
    expect(education?.cells[0]?.id).toBe('education');
    expect(education?.cells[1]).toBeUndefined();
    expect(education?.title).toBe('Education');
    expect(education?.overlap.unique.map(labels)).toEqual([['BSc'], []]);
  });

  it('gives outlook bars only for roles that have an outlook, labelled by short name, with their deck position', () => {
    const model = validateContent([roleA, roleB, roleC, deck('c, b, a', 'skills')]);
    const [d] = model.decks;
    if (!d) throw new Error('no deck');
    expect(compareDeck(d, model).outlook).toEqual([
      { role: 'C', growth: 8, index: 0 },
      { role: 'A', growth: 22, source: 'BLS', index: 2 },
    ]);
  });

  it('throws if the deck names a role the model lacks', () => {
    const model = validateContent([roleA, roleB, deck('a, b', 'skills')]);
    const [d] = model.decks;
    if (!d) throw new Error('no deck');
    expect(() => compareDeck({ ...d, roles: ['a', 'zzz'] }, model)).toThrow(/names role zzz/);
  });
});

describe('sectionKeywords', () => {
  it('collects the keywords of every list of a section once, ignoring paragraphs', () => {
    const model = validateContent([roleA, roleB, deck('a, b', 'skills')]);
    const skills = model.roles.get('a')?.sections.find((s) => s.id === 'skills');
    expect(labels(sectionKeywords(skills))).toEqual(['Python', 'SQL', 'Docker']);
    expect(sectionKeywords(undefined)).toEqual([]);
  });
});

describe('compareAll', () => {
  it('compares every deck or only the one asked for', () => {
    const other = deckFile('other', lines('---', 'title: Other', 'roles: [a, c]', '---', '## Intro', '', 'Hi.'));
    const model = validateContent([roleA, roleB, roleC, deck('a, b', 'skills'), other]);
    expect(compareAll(model).map((c) => c.deck.slug)).toEqual(['d', 'other']);
    expect(compareAll(model, 'other').map((c) => c.deck.slug)).toEqual(['other']);
    expect(compareAll(model, 'missing')).toEqual([]);
  });
});

describe('compareDeck: where the outlook chart goes', () => {
  const roleD = roleFile(
    'dd',
    lines('---', 'title: Role D', 'short: D', '---', '## Skills', '', '- **Go**', '', '## Outlook', '', 'Steady.'),
  );
  const outlookRole = roleFile(
    'oo',
    lines(
      '---',
      'title: Role O',
      'short: O',
      'outlook:',
      '  growth: 5',
      '---',
      '## Skills',
      '',
      '- **Rust**',
      '',
      '## Outlook',
      '',
      'Good.',
    ),
  );
  const compare = (roles: string, sections: string, ...files: ReturnType<typeof roleFile>[]) => {
    const model = validateContent([roleA, roleB, roleC, roleD, outlookRole, ...files, deck(roles, sections)]);
    const [d] = model.decks;
    if (!d) throw new Error('no deck');
    return compareDeck(d, model);
  };

  it("is 'outlook' when the deck compares an outlook section, wherever it is listed", () => {
    expect(compare('oo, dd', 'outlook, skills').chartAfter).toBe('outlook');
    expect(compare('oo, dd', 'skills, outlook').chartAfter).toBe('outlook');
  });

  it('is the last compared section when the deck compares no outlook section', () => {
    expect(compare('a, b', 'skills, education').chartAfter).toBe('education');
    expect(compare('a, b', 'education, skills').chartAfter).toBe('skills');
    expect(compare('oo, dd', 'skills').chartAfter).toBe('skills');
  });

  it('is undefined when no role of the deck has an outlook, even with an outlook section', () => {
    const none = compare('b, dd', 'skills');
    expect(Object.hasOwn(none, 'chartAfter')).toBe(true);
    expect(none.chartAfter).toBeUndefined();
    expect(none.outlook).toEqual([]);
    expect(compare('dd, b', 'outlook, skills').chartAfter).toBeUndefined();
  });
});

describe("compareDeck: the deck's own prose", () => {
  /** A deck with `n` prose sections P1..Pn. */
  const prose = (n: number) => {
    const body = Array.from({ length: n }, (_, i) => [`## P${i + 1}`, '', `Text ${i + 1}.`, '']).flat();
    const model = validateContent([
      roleA,
      roleB,
      deckFile('d', lines('---', 'title: D', 'roles: [a, b]', 'sections: [skills]', '---', ...body)),
    ]);
    const [d] = model.decks;
    if (!d) throw new Error('no deck');
    const { opening, middle, closing } = compareDeck(d, model).prose;
    return { opening: opening?.title, middle: middle.map((s) => s.title), closing: closing?.title };
  };

  it('has nothing with no prose sections', () => {
    expect(prose(0)).toEqual({ opening: undefined, middle: [], closing: undefined });
  });

  it('takes a single section as the opening, with no closing', () => {
    expect(prose(1)).toEqual({ opening: 'P1', middle: [], closing: undefined });
  });

  it('splits two sections into opening and closing', () => {
    expect(prose(2)).toEqual({ opening: 'P1', middle: [], closing: 'P2' });
  });

  it('puts the sections between the first and the last in the middle, in order', () => {
    expect(prose(3)).toEqual({ opening: 'P1', middle: ['P2'], closing: 'P3' });
    expect(prose(4)).toEqual({ opening: 'P1', middle: ['P2', 'P3'], closing: 'P4' });
  });

  it("leaves the deck's own section list untouched", () => {
    const model = validateContent([
      roleA,
      roleB,
      deckFile(
        'd',
        lines('---', 'title: D', 'roles: [a, b]', '---', '## A', '', 'a', '', '## B', '', 'b', '', '## C', '', 'c'),
      ),
    ]);
    const [d] = model.decks;
    if (!d) throw new Error('no deck');
    compareDeck(d, model);
    compareDeck(d, model);
    expect(d.sections.map((s) => s.title)).toEqual(['A', 'B', 'C']);
  });
});
