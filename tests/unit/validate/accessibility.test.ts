import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/errors.js';
import { checkText } from '../../../src/validate/accessibility.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

/** The warnings checkText gives for one piece of Markdown starting on line 10. */
function warningsFor(markdown: string): { line: number; message: string }[] {
  const found: { line: number; message: string }[] = [];
  checkText(markdown, 10, (line, message) => found.push({ line, message }));
  return found;
}

describe('checkText', () => {
  it('asks for alt text on an image without any, and on one that names only the file or the kind', () => {
    expect(warningsFor('A team ![](images/team.png) at work')).toEqual([
      { line: 10, message: expect.stringMatching(/image "images\/team.png" has no alt text.*describe what it shows/) },
    ]);
    expect(warningsFor('![team.png](images/team.png)')[0]?.message).toMatch(
      /alt text "team.png", which does not say what it shows/,
    );
    expect(warningsFor('![Photo](images/team.png)')[0]?.message).toMatch(/alt text "Photo"/);
    expect(warningsFor('![Five engineers around a whiteboard](images/team.png)')).toEqual([]);
  });

  it('names link text that is a bare address or says nothing of where it goes', () => {
    expect(warningsFor('See https://www.bls.gov/ooh/ for more')[0]?.message).toMatch(
      /link text "https:\/\/www.bls.gov\/ooh\/" is a bare address/,
    );
    expect(warningsFor('See <https://example.org>')[0]?.message).toMatch(/bare address/);
    expect(warningsFor('[www.example.org](https://www.example.org)')[0]?.message).toMatch(/bare address/);
    expect(warningsFor('For salaries [click here](https://example.org/pay).')[0]?.message).toMatch(
      /link text "click here" does not say where the link goes/,
    );
    expect(warningsFor('Read [the Occupational Outlook Handbook](https://example.org/ooh).')).toEqual([]);
  });

  it('finds meaning carried by colour alone, but not colour words in other senses', () => {
    expect(warningsFor('The skills in red are the ones to learn first.')[0]?.message).toMatch(
      /"in red" carries meaning by colour alone/,
    );
    expect(warningsFor('Terms highlighted in green are shared.')[0]?.message).toMatch(/"highlighted in green"/);
    expect(warningsFor('Look at the blue bars.')[0]?.message).toMatch(/"the blue bars"/);
    expect(warningsFor('Jobs in green energy and **blue-sky research**.')).toEqual([]);
  });

  it('gives the line of the problem inside a paragraph of several lines', () => {
    expect(warningsFor('First line.\nSecond line with ![](x.png).')).toEqual([
      { line: 11, message: expect.any(String) },
    ]);
  });
});

describe('accessibility warnings from validateContent', () => {
  const role = (slug: string, body: string[]) => roleFile(slug, lines('---', `title: ${slug}`, '---', '', ...body));
  const engineer = role('engineer', [
    '## Skills',
    '',
    '- **Python**, see ![](chart.png)',
    '',
    '## Tools',
    '',
    '- **Docker**',
  ]);
  const scientist = role('scientist', ['## Skills', '', '- **Statistics**', '', '## Tools', '', '- **R**']);
  const deck = (body: string[]) =>
    deckFile(
      'deck',
      lines('---', 'title: Two roles', 'roles: [engineer, scientist]', 'sections: [skills, tools]', '---', '', ...body),
    );

  function warnings(body: string[]): Diagnostic[] {
    try {
      return validateContent([engineer, scientist, deck(body)]).warnings;
    } catch (error) {
      throw new Error(`expected no errors: ${String(error)}`, { cause: error });
    }
  }

  it('are warnings, with the file and line, that leave the content valid', () => {
    const found = warnings(['## Intro', '', 'Hello.']);
    expect(found).toEqual([
      {
        file: 'content/roles/engineer.md',
        line: 7,
        severity: 'warning',
        message: expect.stringMatching(/image "chart.png" has no alt text/),
      },
    ]);
  });

  it('name a deck section that repeats another slide title', () => {
    const found = warnings([
      '## Intro',
      '',
      'Hello.',
      '',
      '## Skills',
      '',
      'Again.',
      '',
      '## Two roles',
      '',
      'Hi.',
    ]).filter((w) => w.file === 'content/decks/deck.md');
    expect(found).toEqual([
      expect.objectContaining({
        line: 11,
        message: expect.stringMatching(
          /slide title "Skills" is also the title of the compared section "Skills" \(content\/roles\/engineer.md:5\)/,
        ),
      }),
      expect.objectContaining({
        line: 15,
        message: expect.stringMatching(/slide title "Two roles" is also the title of the title slide/),
      }),
    ]);
  });
});
