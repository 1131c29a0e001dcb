import { describe, expect, it } from 'vitest';
import { compareDeck } from '../../../src/compare/compare.js';
import { ContentError } from '../../../src/errors.js';
import { deckView } from '../../../src/render/deck-view.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckText, engineerText, scientistText } from '../render/model.js';
import { deckFile, roleFile } from '../source-files.js';

/** The test deck (its body ends on line 19; the first note heading is line 21) with `## Notes: ...` sections after its prose. */
function build(notes: string[], extra: string[] = []) {
  const deck = `${deckText(undefined, extra)}\n${notes.join('\n')}\n`;
  const model = validateContent([
    roleFile('engineer', engineerText),
    roleFile('scientist', scientistText),
    deckFile('deck', deck),
  ]);
  return { model, c: compareDeck(model.decks[0]!, model) };
}

function problems(notes: string[], extra: string[] = []): string[] {
  try {
    build(notes, extra);
  } catch (error) {
    if (error instanceof ContentError) return error.diagnostics.map((d) => `${d.file}:${d.line ?? ''}: ${d.message}`);
    throw error;
  }
  return [];
}

const skills = (c: ReturnType<typeof build>['c']) => c.sections.find((s) => s.id === 'skills')!;

describe('per-deck notes: ## Notes: <section> [for <role>]', () => {
  it('adds the deck note for a whole section after the roles notes, and makes no slide of it', () => {
    const { c } = build(['## Notes: Skills', '', 'In this workshop, ask who codes daily.']);
    expect(skills(c).notes).toEqual(['In this workshop, ask who codes daily.']);
    expect(skills(c).cells.map((cell) => cell?.notes)).toEqual([['Engineers ship.'], ['Scientists publish.']]);
    expect(c.deck.sections.map((s) => s.title)).toEqual(['Introduction', 'Common ground', 'Conclusion']);
    const slide = deckView(c).slides.find((s) => s.title === 'Skills')!;
    expect(slide.notes?.map((n) => n.label)).toEqual(['ML Engineer', 'AI Scientist', 'This deck']);
    expect(slide.notes?.at(-1)?.html).toContain('ask who codes daily');
  });

  it("adds to one role's note, or replaces it with Replace:, in this deck only", () => {
    const { c, model } = build([
      '## Notes: skills for engineer',
      '',
      'Mention the on-call rota.',
      '',
      '## Notes: Skills for AI Scientist',
      '',
      'Replace: Research here means **applied** research.',
    ]);
    expect(skills(c).cells.map((cell) => cell?.notes)).toEqual([
      ['Engineers ship.', 'Mention the on-call rota.'],
      ['Research here means **applied** research.'],
    ]);
    expect(skills(c).notes).toEqual([]);
    // The role files themselves are unchanged: another deck shows their notes as written.
    expect(model.roles.get('scientist')?.sections[0]?.notes).toEqual(['Scientists publish.']);
  });

  it("replaces every role's note of a section with the deck's own", () => {
    const { c } = build(['## Notes: skills', '', 'Replace: Only this.', '', '- and this list']);
    expect(skills(c).cells.map((cell) => cell?.notes)).toEqual([[], []]);
    expect(skills(c).notes).toEqual(['Only this.', '- and this list']);
  });

  it('names an unknown section at its heading, with the closest one', () => {
    expect(problems(['## Notes: skils', '', 'Text.'])).toEqual([
      'content/decks/deck.md:21: "## Notes: skils" names section "skils", which this deck does not compare; did you mean "skills"? the deck compares skills, outlook, projects',
    ]);
  });

  it('names an unknown role at its heading, with the closest one', () => {
    expect(problems(['## Notes: skills for enginer', '', 'Text.'])).toEqual([
      'content/decks/deck.md:21: "## Notes: skills for enginer" names role "enginer", which is not in this deck; did you mean "engineer"? its roles are engineer, scientist',
    ]);
  });

  it('refuses a note for a role that lacks the section, and an empty note', () => {
    expect(problems(['## Notes: projects for scientist', '', 'Text.'])[0]).toMatch(
      /deck\.md:21: content\/roles\/scientist\.md has no section "projects"/,
    );
    expect(problems(['## Notes: skills', '', 'Replace:'])[0]).toMatch(
      /deck\.md:21: the note "Notes: skills" has no text after "Replace:"/,
    );
    expect(problems(['## Notes:', '', 'Text.'])[0]).toMatch(/deck\.md:21: "## Notes:" names no section/);
  });

  it('reads handout.perPage and refuses other counts at its line', () => {
    expect(build([], ['handout: { perPage: 6 }']).c.deck.handout).toEqual({ perPage: 6 });
    expect(build([]).c.deck.handout).toEqual({ perPage: 3 });
    expect(problems([], ['handout: { perPage: 5 }'])).toEqual([
      'content/decks/deck.md:6: "handout.perPage" must be one of 1, 2, 3, 4, 6',
    ]);
  });
});
