import { describe, expect, it } from 'vitest';
import { compareAll, compareDeck, overlap, sectionKeywords } from '../../../src/compare/compare.js';
import { keywordKey } from '../../../src/validate/keys.js';
import type { Keyword } from '../../../src/validate/model.js';
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
    const result = overlap([kw('Python', 'SQL', 'Docker'), kw('Python', 'SQL', 'PhD'), kw('Python', 'Docker', 'Excel')]);
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
  lines('---', 'title: Role A', 'short: A', 'outlook:', '  growth: 22', '  source: BLS', '---', '## Skills', '', '- **Python** and **SQL**', '- **Docker**', '', '## Education', '', '- **BSc**'),
);
const roleB = roleFile('b', lines('---', 'title: Role B', 'short: B', '---', '## Education', '', '- **PhD** or **BSc**', '', '## Skills', '', 'Prose only.', '', '- **python**'));
const roleC = roleFile('c', lines('---', 'title: Role C', 'short: C', 'outlook:', '  growth: 8', '---', '## Skills', '', '- **Excel**'));
const deck = (roles: string, sections: string) => deckFile('d', lines('---', 'title: D', `roles: [${roles}]`, `sections: [${sections}]`, '---', '## Intro', '', 'Hi.'));

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
