import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../src/load/source.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

/** A role of front matter lines and a body; line numbers: front matter from 2, body after it. */
const role = (slug: string, front: string[], ...body: string[]) =>
  roleFile(slug, lines('---', `title: ${slug}`, ...front, '---', ...body));
const deck = (slug: string, ...front: string[]) =>
  deckFile(slug, lines('---', `title: ${slug}`, ...front, '---', '## Intro', '', 'Hi.'));

function warningsOf(...files: SourceFile[]) {
  return validateContent(files).warnings.map((w) => ({ file: w.file, line: w.line, message: w.message }));
}

describe('near-match warnings: section headings', () => {
  // Line 4 is the first heading (front matter: ---, title, ---).
  const engineer = role(
    'machine-learning-engineer',
    [],
    '## Definition',
    '',
    'Builds.',
    '',
    '## Skills',
    '',
    '- **Python**',
  );
  const scientist = role(
    'ai-scientist',
    [],
    '## Definition',
    '',
    'Researches.',
    '',
    '## Required skills',
    '',
    '- **Python**',
  );

  it('points at a heading only some roles have while another role has a close one, with the suggestion', () => {
    const found = warningsOf(
      engineer,
      scientist,
      deck('d', 'roles: [machine-learning-engineer, ai-scientist]', 'sections: [definition, required-skills]'),
    );
    expect(found).toEqual([
      {
        file: 'content/roles/machine-learning-engineer.md',
        line: 8,
        message: expect.stringMatching(
          /^"Skills" is only in machine-learning-engineer\.md; did you mean "Required skills"\? That is the heading in ai-scientist\.md/,
        ),
      },
    ]);
  });

  it('points at the heading the deck does not compare: here the other one', () => {
    const found = warningsOf(
      engineer,
      scientist,
      deck('d', 'roles: [machine-learning-engineer, ai-scientist]', 'sections: [definition, skills]'),
    );
    expect(found).toEqual([
      {
        file: 'content/roles/ai-scientist.md',
        line: 8,
        message: expect.stringMatching(/^"Required skills" is only in ai-scientist\.md; did you mean "Skills"\?/),
      },
    ]);
  });

  it('tells a renamed heading once when two decks compare the same roles', () => {
    const d = (slug: string) =>
      deck(slug, 'roles: [machine-learning-engineer, ai-scientist]', 'sections: [definition, required-skills]');
    expect(warningsOf(engineer, scientist, d('one'), d('two'))).toHaveLength(1);
  });

  it('says nothing of a genuinely different section, nor of sections every role has', () => {
    const salary = role('machine-learning-engineer', [], '## Definition', '', 'Builds.', '', '## Salary', '', '- Good');
    const education = role(
      'ai-scientist',
      [],
      '## Definition',
      '',
      'Researches.',
      '',
      '## Education',
      '',
      '- A **PhD**',
    );
    expect(
      warningsOf(
        salary,
        education,
        deck('d', 'roles: [machine-learning-engineer, ai-scientist]', 'sections: [definition]'),
      ),
    ).toEqual([]);
  });
});

describe('near-match warnings: a compared section a role lacks', () => {
  const engineer = role('engineer', [], '## Definition', '', 'Builds.', '', '## Salary', '', '- Good');
  const scientist = role('scientist', [], '## Definition', '', 'Researches.', '', '## Education', '', '- A **PhD**');

  it("warns at the deck's sections line, naming the role file and the heading to add", () => {
    const found = warningsOf(
      engineer,
      scientist,
      deck('d', 'roles: [engineer, scientist]', 'sections:', '  - definition', '  - education'),
    );
    expect(found).toEqual([
      {
        file: 'content/decks/d.md',
        line: 6,
        message:
          'content/roles/engineer.md has no section "Education" (education), so the deck shows "Not covered for this role." in its place; add "## Education" to content/roles/engineer.md, or remove "education" from this deck\'s sections',
      },
    ]);
  });

  it("warns at the role's line in the deck when the sections are the first role's", () => {
    const found = warningsOf(scientist, engineer, deck('d', 'roles:', '  - scientist', '  - engineer'));
    expect(found).toEqual([
      {
        file: 'content/decks/d.md',
        line: 5,
        message: expect.stringMatching(/^content\/roles\/engineer\.md has no section "Education"/),
      },
      // And the other way round: the engineer's own section that the deck leaves out.
      {
        file: 'content/decks/d.md',
        line: 5,
        message: expect.stringMatching(
          /^section "Salary" of content\/roles\/engineer\.md \(line 8\) is left out of this deck/,
        ),
      },
    ]);
  });
});

describe('near-match warnings: bold keywords', () => {
  const front = ['roles: [engineer, scientist]', 'sections: [education]'];
  const withItems = (slug: string, ...items: string[]) => role(slug, [], '## Education', '', ...items);

  it("warns at the later role's item, naming the other file and line", () => {
    const found = warningsOf(
      withItems('engineer', "- A **Bachelor's degree** in CS"),
      withItems('scientist', '- Often a **PhD**', "- A **Bachelor's** first"),
      deck('d', ...front),
    );
    expect(found).toEqual([
      {
        file: 'content/roles/scientist.md',
        line: 7,
        message: expect.stringMatching(
          /^\*\*Bachelor's\*\* here and \*\*Bachelor's degree\*\* in content\/roles\/engineer\.md:6 count as two different keywords/,
        ),
      },
    ]);
  });

  it('says nothing of keywords that already match or are different terms', () => {
    const found = warningsOf(
      withItems('engineer', '- **Python** and **GPUs**', '- **C**'),
      withItems('scientist', '- **python**, **GPU** and **PyTorch**', '- **C++**'),
      deck('d', ...front),
    );
    expect(found).toEqual([]);
  });

  it('compares keywords within one section only', () => {
    const engineer = role(
      'engineer',
      [],
      '## Education',
      '',
      "- A **Bachelor's degree**",
      '',
      '## Tools',
      '',
      '- **Git**',
    );
    const scientist = role(
      'scientist',
      [],
      '## Education',
      '',
      '- A **PhD**',
      '',
      '## Tools',
      '',
      "- **Bachelor's** notes",
    );
    expect(
      warningsOf(engineer, scientist, deck('d', 'roles: [engineer, scientist]', 'sections: [education, tools]')),
    ).toEqual([]);
  });
});

describe('near-match warnings: outlook periods', () => {
  // A source, so that only the period is in question (provenance.ts warns of a missing source).
  const outlook = (period?: string) => [
    'outlook:',
    '  growth: 10',
    ...(period ? [`  period: "${period}"`] : []),
    '  source: BLS',
  ];
  const body = ['## Definition', '', 'Works.'];
  const d = deck('d', 'roles: [engineer, scientist]');

  it('warns at the period line of the role whose figures are of another period', () => {
    const found = warningsOf(
      role('engineer', outlook('2023-2033'), ...body),
      role('scientist', outlook('2024-2034'), ...body),
      d,
    );
    expect(found).toEqual([
      {
        file: 'content/roles/scientist.md',
        line: 5,
        message:
          'the outlook period "2024-2034" differs from "2023-2033" in content/roles/engineer.md, yet one chart compares them; use figures for the same period in both files',
      },
    ]);
  });

  it('warns in the outlook of a role that gives no period (its first line, where period: goes)', () => {
    const found = warningsOf(
      role('engineer', outlook('2023-2033'), ...body),
      role('scientist', outlook(), ...body),
      d,
    ).filter((w) => !w.message.includes('has no date'));
    expect(found).toEqual([
      {
        file: 'content/roles/scientist.md',
        line: 4,
        message: expect.stringMatching(
          /^the outlook gives no period, while content\/roles\/engineer\.md gives "2023-2033"/,
        ),
      },
    ]);
  });

  it('says nothing of the same period written with another dash, nor of a role without outlook', () => {
    expect(
      warningsOf(
        role('engineer', outlook('2023-2033'), ...body),
        role('scientist', outlook('2023 – 2033'), ...body),
        d,
      ),
    ).toEqual([]);
  });

  it('warns at the deck\'s roles entry of a role without a figure when another has one: the chart says "no figure" for it', () => {
    expect(warningsOf(role('engineer', outlook('2023-2033'), ...body), role('scientist', [], ...body), d)).toEqual([
      {
        file: 'content/decks/d.md',
        line: expect.any(Number),
        message: expect.stringMatching(
          /^content\/roles\/scientist\.md has no outlook figure while content\/roles\/engineer\.md has one, so the outlook chart of d shows "no figure" for /,
        ),
      },
    ]);
    // No role with a figure: no chart, nothing to say.
    expect(warningsOf(role('engineer', [], ...body), role('scientist', [], ...body), d)).toEqual([]);
  });
});

describe('near-match warnings: a role section the deck leaves out', () => {
  const first = role('engineer', [], '## Skills', '', '- **Python**');
  const second = role('scientist', [], '## Skills', '', '- **R**', '', '## Education', '', 'A doctorate.');

  it("warns at the role's line in the deck when a deck without sections: leaves another role's section out", () => {
    const found = warningsOf(first, second, deck('d', 'roles: [engineer, scientist]'));
    expect(found).toEqual([
      {
        file: 'content/decks/d.md',
        line: 3,
        message: expect.stringMatching(
          /^section "Education" of content\/roles\/scientist\.md \(line 8\) is left out of this deck: .* add "sections: \[skills, education\]" to this deck to show it$/,
        ),
      },
    ]);
  });

  it('says nothing when the deck lists its sections: it chose', () => {
    expect(warningsOf(first, second, deck('d', 'roles: [engineer, scientist]', 'sections: [skills]'))).toEqual([]);
  });
});
