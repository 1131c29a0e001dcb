import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

const role = (slug: string, title: string) =>
  roleFile(
    slug,
    lines('---', `title: ${title}`, '---', '', '## परिभाषा', '', 'Text.', '', '## 职责', '', '- **Python**'),
  );
const roles = [role('engineer', 'Engineer'), role('scientist', 'Scientist')];

function check(frontMatter: string[]) {
  return checkContent([
    ...roles,
    deckFile('deck', lines('---', 'title: Deck', 'roles: [engineer, scientist]', ...frontMatter, '---')),
  ]);
}

describe('labels: in a deck', () => {
  it('keeps the known labels on the deck', () => {
    const { model, diagnostics } = check(['labels:', '  atAGlance: Überblick', '  sources: "<b>Reading</b>"']);
    expect(diagnostics).toEqual([]);
    expect(model.decks[0]?.labels).toEqual({ atAGlance: 'Überblick', sources: '<b>Reading</b>' });
  });

  it('warns of an unknown label at its line, with the closest known one, and builds without it', () => {
    const { model, diagnostics } = check(['labels:', '  atAGlance: Überblick', '  atAGlanse: Überblick']);
    expect(diagnostics).toEqual([
      {
        file: 'content/decks/deck.md',
        line: 6,
        column: expect.any(Number) as number,
        severity: 'warning',
        message:
          '"labels.atAGlanse" is not a known label, so it changes nothing; did you mean "atAGlance"? the labels are listed in docs/languages.md',
      },
    ]);
    expect(model.decks[0]?.labels).toEqual({ atAGlance: 'Überblick' });
  });

  it('warns of a reworded label that drops or invents a slot, at its line, and keeps the wording', () => {
    const { model, diagnostics } = check([
      'labels:',
      '  pageOfPages: "Seite {page}"',
      '  onlyRole: "Nur {rolle}"',
      '  agenda: Ablauf',
    ]);
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [
        5,
        'warning',
        '"labels.pageOfPages" leaves out {pages}, so what it shows is lost; write {pages} where it belongs, as in "Page {page} of {pages}"',
      ],
      [
        6,
        'warning',
        '"labels.onlyRole" has {rolle}, which this label does not fill, so it prints as written; its slots are {role}',
      ],
    ]);
    expect(model.decks[0]?.labels).toEqual({ pageOfPages: 'Seite {page}', onlyRole: 'Nur {rolle}', agenda: 'Ablauf' });
  });

  it('refuses a label that is not one line of text', () => {
    const { diagnostics } = check(['labels:', '  sources: [a, b]']);
    expect(diagnostics[0]).toMatchObject({ line: 5, message: expect.stringContaining('"labels.sources"') as string });
  });
});

describe('section ids of any script', () => {
  it('match a deck that lists them by id or by heading, and errors show them whole', () => {
    expect(check(['sections: [परिभाषा, 职责]']).diagnostics).toEqual([]);
    expect(check(['sections: [परिभाषा]']).model.decks[0]?.sectionIds).toEqual(['परिभाषा']);
    const nfd = 'परिभाषा'.normalize('NFD');
    expect(check([`sections: [${nfd}]`]).model.decks[0]?.sectionIds).toEqual(['परिभाषा']);
    const wrong = check(['sections: [परभष]']).diagnostics;
    expect(wrong[0]?.message).toBe('section "परभष" is in none of the deck\'s roles; use one of: परिभाषा, 职责');
  });
});
