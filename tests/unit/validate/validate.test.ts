import { describe, expect, it } from 'vitest';
import { ContentError, type Diagnostic } from '../../../src/errors.js';
import type { SourceFile } from '../../../src/load/source.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

const engineer = roleFile(
  'engineer',
  lines(
    '---',
    'title: Machine Learning Engineer',
    'short: ML Engineer',
    'summary: Builds ML systems.',
    'outlook:',
    '  growth: 22',
    '  period: "2019-2029"',
    '  source: U.S. Bureau of Labor Statistics',
    '---',
    '',
    '## Definition',
    '',
    'Builds things.',
    '',
    '## Required skills',
    '',
    '- **Python** and **Docker**',
  ),
);
const scientist = roleFile(
  'scientist',
  lines(
    '---',
    'title: AI Scientist',
    '---',
    '',
    '## Definition',
    '',
    'Researches things.',
    '',
    '## Education',
    '',
    '- A **PhD**',
  ),
);
const deck = (text: string) => deckFile('deck', text);

function contentError(files: readonly SourceFile[], earlier: Diagnostic[] = []): ContentError {
  try {
    validateContent(files, earlier);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected validateContent to throw a ContentError');
}

describe('validateContent: valid content', () => {
  it('builds roles and a deck', () => {
    const model = validateContent([
      engineer,
      scientist,
      deck(
        lines(
          '---',
          'title: Compare',
          'roles: [engineer, scientist]',
          'sections: [definition, education]',
          '---',
          '## Intro',
          '',
          'Hello.',
        ),
      ),
    ]);
    const role = model.roles.get('engineer');
    expect(role).toMatchObject({
      slug: 'engineer',
      file: 'content/roles/engineer.md',
      title: 'Machine Learning Engineer',
      short: 'ML Engineer',
      outlook: { growth: 22, period: '2019-2029' },
    });
    expect(role?.sections.map((s) => s.id)).toEqual(['definition', 'required-skills']);
    expect(model.decks).toHaveLength(1);
    expect(model.decks[0]).toMatchObject({
      slug: 'deck',
      title: 'Compare',
      roles: ['engineer', 'scientist'],
      sectionIds: ['definition', 'education'],
      lang: 'en',
      paper: 'A4',
      sources: [],
    });
    expect(model.decks[0]?.sections.map((s) => s.title)).toEqual(['Intro']);
  });

  it('defaults a role short name to its title', () => {
    const model = validateContent([
      engineer,
      scientist,
      deck(lines('---', 'title: D', 'roles: [engineer, scientist]', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(model.roles.get('scientist')?.short).toBe('AI Scientist');
  });

  it("uses the first role's sections, in its order, when the deck lists none", () => {
    const model = validateContent([
      scientist,
      engineer,
      deck(lines('---', 'title: D', 'roles: [engineer, scientist]', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(model.decks[0]?.sectionIds).toEqual(['definition', 'required-skills']);
  });

  it('reports a content folder with no deck', () => {
    const error = contentError([engineer, scientist]);
    expect(error.diagnostics).toEqual([{ file: 'content/decks', message: expect.stringMatching(/no deck found/) }]);
  });
});

describe('validateContent: every problem in one ContentError', () => {
  it('collects problems across several files with file and line for each', () => {
    const noTitle = roleFile('no-title', lines('---', 'short: NT', '---', '## Skills', '', '- **SQL**'));
    const unknownKey = roleFile(
      'unknown-key',
      lines('---', 'title: UK', 'salary: 100000', '---', '## Skills', '', '- **SQL**'),
    );
    const badDeck = deckFile(
      'bad',
      lines('---', 'title: Bad', 'roles:', '  - engineer', '  - ghost', '---', '## Intro', '', 'Hi.'),
    );
    const badSections = deckFile(
      'sections',
      lines(
        '---',
        'title: Sections',
        'roles: [engineer, scientist]',
        'sections:',
        '  - definition',
        '  - salary',
        '---',
        '## Intro',
        '',
        'Hi.',
      ),
    );
    const badBody = roleFile(
      'bad-body',
      lines('---', 'title: BB', '---', '', 'Stray text.', '', '## Skills', '', '- x'),
    );

    const error = contentError([engineer, scientist, noTitle, unknownKey, badBody, badDeck, badSections]);
    expect(error.code).toBe('CONTENT');
    expect(error.exitCode).toBe(1);
    const found = error.diagnostics.map((d) => [d.file, d.line, d.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['content/roles/no-title.md', 2, expect.stringMatching(/"title" is required/)],
        [
          'content/roles/unknown-key.md',
          3,
          expect.stringMatching(/"salary" is not a known key; use one of title, short, summary, outlook/),
        ],
        ['content/roles/bad-body.md', 5, expect.stringMatching(/before the first "## " heading/)],
        ['content/decks/bad.md', 5, expect.stringMatching(/role "ghost" not found; create content\/roles\/ghost.md/)],
        ['content/decks/sections.md', 6, expect.stringMatching(/section "salary" is in none of the deck's roles/)],
      ]),
    );
    expect(error.diagnostics).toHaveLength(5);
    expect(error.message).toMatch(/^content\/decks\/bad\.md:5(:\d+)?: role "ghost" not found/m);
    expect(error.message).toMatch(/^content\/roles\/unknown-key\.md:3(:\d+)?: "salary" is not a known key/m);
  });

  it('keeps diagnostics found earlier (by the reader) in front', () => {
    const earlier = [{ file: 'content/roles/link.md', message: 'links outside' }];
    const error = contentError([engineer, roleFile('x', '')], earlier);
    expect(error.diagnostics[0]).toEqual(earlier[0]);
    expect(error.diagnostics.map((d) => d.file)).toContain('content/roles/x.md');
  });

  it('reports a role listed twice in a deck at the second listing', () => {
    const error = contentError([
      engineer,
      scientist,
      deck(
        lines(
          '---',
          'title: D',
          'roles:',
          '  - engineer',
          '  - scientist',
          '  - engineer',
          '---',
          '## Intro',
          '',
          'Hi.',
        ),
      ),
    ]);
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({
      file: 'content/decks/deck.md',
      line: 6,
      message: expect.stringMatching(/role "engineer" is listed twice/),
    });
  });

  it('reports a deck with fewer than two roles', () => {
    const error = contentError([
      engineer,
      deck(lines('---', 'title: D', 'roles: [engineer]', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(error.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, expect.stringMatching(/"roles".*list two or more roles/)],
    ]);
  });

  it('reports a role without sections', () => {
    const error = contentError([
      roleFile('empty', lines('---', 'title: E', '---', '')),
      scientist,
      deck(lines('---', 'title: D', 'roles: [empty, scientist]', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(error.diagnostics).toContainEqual({
      file: 'content/roles/empty.md',
      line: 4,
      message: expect.stringMatching(/has no sections/),
    });
  });

  it('names the key path of a value of the wrong type, at its line', () => {
    const error = contentError([
      roleFile('typed', lines('---', 'title: T', 'outlook:', '  growth: "a lot"', '---', '## A', '', 'x')),
    ]);
    const problem = error.diagnostics.find((d) => d.file === 'content/roles/typed.md');
    expect(problem?.message).toContain('"outlook.growth"');
    expect(problem?.line).toBe(4);
  });

  // BUG (src/validate/schema.ts:56,75): zod 4 only fills `issue.input` when parsing with
  // { reportInput: true }, so every wrong type is reported as a missing key ("is required").
  it('says a value of the wrong type must be a number, not that it is missing', () => {
    const error = contentError([
      roleFile('typed', lines('---', 'title: T', 'outlook:', '  growth: "a lot"', '---', '## A', '', 'x')),
    ]);
    const problem = error.diagnostics.find((d) => d.file === 'content/roles/typed.md');
    expect(problem?.message).toMatch(/"outlook.growth" must be a number/);
    expect(problem?.message).not.toMatch(/is required/);
  });

  it('reports an invalid enum value with the allowed values', () => {
    const error = contentError([
      engineer,
      scientist,
      deck(lines('---', 'title: D', 'roles: [engineer, scientist]', 'paper: A5', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(error.diagnostics).toEqual([
      { file: 'content/decks/deck.md', line: 4, column: 8, message: '"paper" must be one of "A4", "Letter"' },
    ]);
  });

  it('refuses a __proto__ key as unknown rather than using it', () => {
    const error = contentError([
      roleFile('proto', lines('---', '__proto__:', '  title: Injected', 'title: P', '---', '## A', '', 'x')),
    ]);
    expect(error.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'content/roles/proto.md',
        line: 2,
        message: expect.stringMatching(/"__proto__" is not a known key/),
      }),
    );
  });
});

describe('validateContent: file names', () => {
  // Compares only what both roles have: no warning joins the errors these tests expect.
  const okDeck = deck(
    lines('---', 'title: D', 'roles: [engineer, scientist]', 'sections: [definition]', '---', '## Intro', '', 'Hi.'),
  );

  it.each(['Data_Engineer', '..', 'data engineer', 'Engineer'])(
    'refuses a role file named "%s.md", naming the file and asking to rename it',
    (slug) => {
      const badName = roleFile(slug, lines('---', 'title: Data Engineer', '---', '## Skills', '', '- **SQL**'));
      const error = contentError([engineer, scientist, badName, okDeck]);
      // Errors only: the scientist's missing outlook figure is a warning that is not in question here.
      expect(error.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([
        { file: badName.path, message: expect.stringContaining(`"${slug}.md"`) },
      ]);
      expect(error.diagnostics[0]?.message).toContain('rename the file');
    },
  );

  it.each(['con', 'nul', 'com1', 'lpt9', 'aux'])(
    'refuses a role or deck file named %s.md, a device name Windows reserves, suggesting another name',
    (slug) => {
      const badRole = roleFile(slug, lines('---', 'title: Data Engineer', '---', '## Skills', '', '- **SQL**'));
      const badDeck = deckFile(
        slug,
        lines('---', 'title: D', 'roles: [engineer, scientist]', '---', '## Intro', '', 'Hi.'),
      );
      const error = contentError([engineer, scientist, badRole, badDeck]);
      expect(error.diagnostics).toEqual([
        {
          file: badRole.path,
          message: `file name "${slug}.md": "${slug}" is a device name that Windows reserves (such as con, nul, com1), even with an extension, so the project cannot be used there; rename the file (such as ${slug}-role.md)`,
        },
        { file: badDeck.path, message: expect.stringContaining(`rename the file (such as ${slug}-deck.md)`) },
      ]);
    },
  );

  it('accepts names that only start like a device name', () => {
    const fine = ['console', 'com10', 'nullable', 'aux-role'].map((slug) =>
      roleFile(slug, lines('---', 'title: Data Engineer', '---', '## Skills', '', '- **SQL**')),
    );
    expect(() => validateContent([engineer, scientist, ...fine, okDeck])).not.toThrow();
  });

  it('refuses a deck file whose name is not lower case with dashes', () => {
    const badDeck = deckFile(
      'Data_Engineer',
      lines('---', 'title: D', 'roles: [engineer, scientist]', 'sections: [definition]', '---', '## Intro', '', 'Hi.'),
    );
    const error = contentError([engineer, scientist, okDeck, badDeck]);
    expect(error.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([
      {
        file: 'content/decks/Data_Engineer.md',
        message: expect.stringMatching(/"Data_Engineer\.md".*rename the file/),
      },
    ]);
  });

  it('skips a wrongly named file: none of its other problems are reported', () => {
    // Broken front matter and body: a file that was read would add several more diagnostics.
    const broken = roleFile('Data_Engineer', lines('---', 'salary: 1', '---', 'Stray text.'));
    const error = contentError([engineer, scientist, broken, okDeck]);
    expect(error.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([
      { file: broken.path, message: expect.stringMatching(/rename the file/) },
    ]);
  });

  it('accepts lower-case names with digits and dashes', () => {
    const role = roleFile('data-engineer-2', lines('---', 'title: Data Engineer', '---', '## Skills', '', '- **SQL**'));
    const model = validateContent([
      engineer,
      role,
      deck(lines('---', 'title: D', 'roles: [engineer, data-engineer-2]', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(model.roles.has('data-engineer-2')).toBe(true);
  });
});
