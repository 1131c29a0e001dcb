import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import {
  commonHeadings,
  deckTemplate,
  DEFAULT_ROLE_HEADINGS,
  roleSources,
  roleTemplate,
  sectionIdsOf,
  shortLabel,
  slugFor,
  titleProblem,
} from '../../../src/scaffold/index.js';
import { comment, sectionHint } from '../../../src/scaffold/hints.js';
import { splitDeckNotes } from '../../../src/validate/deck-notes.js';
import { parseBody } from '../../../src/validate/body.js';
import { deckSchema, roleSchema } from '../../../src/validate/schema.js';
import { deckFile, lines, roleFile } from '../source-files.js';

const role = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../content/roles/${name}.md`, import.meta.url)), 'utf8');
const DEFAULT_BODIES = roleSources([
  roleFile('ai-scientist', role('ai-scientist')),
  roleFile('machine-learning-engineer', role('machine-learning-engineer')),
]).map((r) => r.body);
const DEFAULT_HEADINGS = [
  'Definition',
  'Responsibilities',
  'Required skills',
  'Education',
  'Tools and software',
  'Industries',
  'Outlook',
  'Getting started',
];

/** Splits a generated file as validation does; fails the test when it does not parse. */
function parsed(kind: 'role' | 'deck', text: string) {
  const outcome = parseFrontMatter(kind === 'role' ? roleFile('new', text) : deckFile('new', text));
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  const body = parseBody(outcome.file.body, 'new.md', outcome.file.bodyFirstLine);
  return { data: outcome.file.data, body, lines: text.split('\n') };
}

/** The 1-based line of the first line of `text` that equals `wanted`. */
const lineOf = (text: string, wanted: string) => text.split('\n').indexOf(wanted) + 1;

describe('commonHeadings', () => {
  it('takes the headings of the default roles in their order', () => {
    expect(commonHeadings(DEFAULT_BODIES)).toEqual(DEFAULT_HEADINGS);
  });

  it('falls back to the built-in list when there are no roles, or none with headings', () => {
    expect(commonHeadings([])).toEqual(DEFAULT_ROLE_HEADINGS);
    expect(commonHeadings(['', 'Just text.'])).toEqual(DEFAULT_ROLE_HEADINGS);
    expect(DEFAULT_ROLE_HEADINGS).toEqual([
      'Definition',
      'Responsibilities',
      'Skills',
      'Education',
      'Tools',
      'Industries',
      'Outlook',
      'Getting started',
    ]);
  });

  it('keeps headings used by at least half the roles, in their usual order, spelled as most spell them', () => {
    const bodies = [
      lines('## Overview', '', 'x', '', '## Skills', '', '- x', '', '## Salary', '', 'x', '', '## Tools', '', '- x'),
      lines(
        '## Overview',
        '',
        'x',
        '',
        '## Pet projects',
        '',
        'x',
        '',
        '## skills',
        '',
        '- x',
        '',
        '## Tools',
        '',
        '- x',
      ),
      lines('## Overview', '', 'x', '', '## Skills', '', '- x', '', '## Salary', '', 'x', '', '## Tools', '', '- x'),
      lines('## Skills', '', '- x', '', '## Overview', '', 'x', '', '## Tools', '', '- x'),
    ];
    // "Pet projects" is in one file of four; "Salary" in two of four (half) stays; one file
    // puts Skills first, the other three put Overview first.
    expect(commonHeadings(bodies)).toEqual(['Overview', 'Skills', 'Salary', 'Tools']);
  });

  it('reads headings as plain text and ids as validation does', () => {
    expect(commonHeadings([lines('## The **real** work', '', 'x', '### Not a section', '', '# Nor this')])).toEqual([
      'The real work',
    ]);
    expect(sectionIdsOf(DEFAULT_BODIES[0] ?? '')).toEqual([
      'definition',
      'responsibilities',
      'required-skills',
      'education',
      'tools-and-software',
      'industries',
      'outlook',
      'getting-started',
    ]);
  });
});

describe('roleTemplate', () => {
  const text = roleTemplate({ title: 'Data Engineer', short: 'Data Engineer', headings: DEFAULT_HEADINGS });

  it('writes front matter the role schema accepts, with summary and outlook examples commented out', () => {
    const { data } = parsed('role', text);
    expect(data).toEqual({ title: 'Data Engineer', short: 'Data Engineer' });
    expect(roleSchema.safeParse(data).success).toBe(true);
    expect(text).toMatch(/^# summary: One sentence about the role\. +# optional/m);
    expect(text).toMatch(/^# outlook: +# optional/m);
    expect(text).toMatch(/^# {3}growth: 10 +# percent/m);
  });

  it('offers draft: true commented out; uncommented, the role schema accepts it', () => {
    expect(text).toMatch(/^# draft: true +# uncomment to keep it out of every deck/m);
    const { data } = parsed('role', text.replace('# draft: true', 'draft: true'));
    expect(data).toMatchObject({ draft: true });
    expect(roleSchema.safeParse(data).success).toBe(true);
  });

  it('has every heading with a hint under it; an unfilled section reads as empty at its heading line', () => {
    const { body } = parsed('role', text);
    expect(body.sections.map((s) => s.title)).toEqual(DEFAULT_HEADINGS);
    expect(body.diagnostics).toEqual(
      DEFAULT_HEADINGS.map((h) => ({
        file: 'new.md',
        line: lineOf(text, `## ${h}`),
        message: `section "${h}" is empty; add a paragraph or a list, or remove the heading`,
      })),
    );
    for (const section of body.sections) expect(section.notes).toEqual([]);
  });

  it('explains bold keywords and speaker notes in the hints', () => {
    expect(text).toContain('**Bold** the terms to compare ("- Build and run **data pipelines**")');
    expect(text).toContain('A last paragraph starting "Note:" is the speaker note');
    expect(text.match(/<!--/g)).toHaveLength(DEFAULT_HEADINGS.length + 1);
  });

  it('once each section has an item, parses clean and none of the hints reaches a block or a note', () => {
    const filled = text.replace(/(## .+\n\n<!--[^]*? -->\n)/g, '$1\n- Work with **SQL**\n\nNote: say something.\n');
    const { body } = parsed('role', filled);
    expect(body.diagnostics).toEqual([]);
    const shown = JSON.stringify(body.sections.map((s) => [s.blocks, s.notes]));
    expect(shown).not.toMatch(/terms to compare|speaker note|<!--|-->/);
    expect(body.sections.every((s) => s.blocks.length === 1 && s.notes.length === 1)).toBe(true);
  });

  it('quotes titles and labels whose characters mean something in YAML', () => {
    const titles = [
      'Data: Engineer',
      'Say "hi"',
      "It's #1",
      '# not a comment',
      '- dash',
      'yes',
      'null',
      '1.0',
      '[x]',
      '{a: b}',
      '@handle',
      '`tick`',
      '---',
      'a: b # c',
      'Ünïcødé Engineer',
      '!!js/function x',
      '&anchor',
      '*alias',
      '%TAG',
      '|',
      '>',
    ];
    for (const title of titles) {
      const { data } = parsed('role', roleTemplate({ title, short: title, headings: ['Skills'] }));
      expect(data, title).toEqual({ title, short: title });
    }
  });

  it('neutralises "--" in a heading so its hint cannot end the comment early', () => {
    expect(comment(['a --> b'])).toBe('<!-- a - -> b -->');
    const text = roleTemplate({ title: 'R', short: 'R', headings: ['Before --> after'] });
    const { body } = parsed('role', text);
    expect(body.diagnostics.map((d) => d.message)).toEqual([
      'section "Before --> after" is empty; add a paragraph or a list, or remove the heading',
    ]);
    expect(sectionHint('Pay & perks')).toMatch(/^<!-- What to say under "Pay & perks"/);
  });
});

describe('deckTemplate', () => {
  const roles = [
    { slug: 'data-engineer', title: 'Data Engineer' },
    { slug: 'ai-scientist', title: 'AI Scientist' },
  ];
  const text = deckTemplate({ title: 'Data: roles "compared"', roles, sectionIds: ['definition', 'skills'] });

  it('writes title and roles, and the optional keys commented out', () => {
    const { data } = parsed('deck', text);
    expect(data).toEqual({ title: 'Data: roles "compared"', roles: ['data-engineer', 'ai-scientist'] });
    expect(deckSchema.safeParse(data).success).toBe(true);
    expect(text).toMatch(/^# sections: \[definition, skills\] +# optional/m);
    expect(text).toContain('why compare Data Engineer and AI Scientist');
  });

  it('has the introduction, the common ground and the conclusion, each empty until written', () => {
    const { body } = parsed('deck', text);
    expect(body.sections.map((s) => s.id)).toEqual(['introduction', 'what-they-have-in-common', 'conclusion']);
    expect(body.diagnostics.map((d) => d.line)).toEqual(body.sections.map((s) => s.line));
  });

  it('shows, in comments that make no slide, how to write per-deck notes and the handout layout', () => {
    expect(text).toContain('## Notes: definition for data-engineer');
    expect(text).toMatch(/^# handout: \{ perPage: 3 \} +# slides a page/m);
    const withNote = text.replace('<!-- This deck', '## Notes: definition\n\nSay more.\n\n<!-- This deck');
    const own = splitDeckNotes(parsed('deck', withNote).body.sections, 'new.md');
    expect(own.prose.map((s) => s.id)).toEqual(['introduction', 'what-they-have-in-common', 'conclusion']);
    expect(own.notes.map((n) => [n.target, n.markdown])).toEqual([['definition', ['Say more.']]]);
  });

  it('leaves the sections line out when the first role has none', () => {
    expect(deckTemplate({ title: 'T', roles, sectionIds: [] })).not.toContain('# sections:');
  });
});

describe('names', () => {
  it('slugs the title as validation slugs section ids, or gives up on what cannot be a file name', () => {
    expect(slugFor('Data Engineer')).toBe('data-engineer');
    expect(slugFor('  Ingénieur  de données ')).toBe('ingenieur-de-donnees');
    expect(slugFor('C++ / C# Developer')).toBe('c-c-developer');
    expect(slugFor('数据工程师')).toBeUndefined();
    expect(slugFor('!!!')).toBeUndefined();
  });

  it('makes a short label: the title when short, else well-known phrases abbreviated, at most 40 characters', () => {
    expect(shortLabel('Data Engineer')).toBe('Data Engineer');
    expect(shortLabel('Machine Learning Engineer')).toBe('ML Engineer');
    expect(shortLabel('Artificial Intelligence Research Scientist')).toBe('AI Research Scientist');
    const long = shortLabel('Senior Principal Director of Clinical Data Management and Analytics Operations');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toBe('Senior Principal Director of Clinical');
  });

  it('refuses titles validation would refuse', () => {
    expect(titleProblem('Data Engineer')).toBeUndefined();
    expect(titleProblem('  ')).toMatch(/empty/);
    expect(titleProblem('a\nb')).toMatch(/one line/);
    expect(titleProblem('x'.repeat(121))).toMatch(/120/);
  });
});

describe('validation drops hint comments only', () => {
  it('drops a block that is one comment, before the first heading too; HTML after a comment stays an error', () => {
    const { sections, diagnostics } = parseBody(
      lines('<!-- top -->', '', '## A', '', '<!-- hint', '  on two lines -->', '', '- x', '', '<!-- a --><b>b</b>'),
      'r.md',
      1,
    );
    expect(sections[0]?.blocks).toHaveLength(1);
    expect(diagnostics).toEqual([
      { file: 'r.md', line: 10, message: expect.stringMatching(/raw HTML is not allowed/) },
    ]);
  });
});
