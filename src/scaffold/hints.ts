import { slugify } from '../validate/keys.js';

/** What to write under a section heading. */
interface Hint {
  what: string;
  /** An example list item with its keywords in bold; absent for prose sections. */
  example?: string;
}

const HINTS: Record<string, Hint> = {
  definition: { what: 'A paragraph of two or three sentences: what the role is and what it delivers.' },
  overview: { what: 'A paragraph of two or three sentences: what the role is and what it delivers.' },
  'what-they-do': { what: 'A paragraph of two or three sentences: what the role is and what it delivers.' },
  responsibilities: {
    what: 'What the role does day to day: a list, one duty per item.',
    example: 'Build and run **data pipelines**',
  },
  duties: {
    what: 'What the role does day to day: a list, one duty per item.',
    example: 'Build and run **data pipelines**',
  },
  skills: {
    what: 'The skills the role needs: a list, one skill or group of skills per item.',
    example: 'Programming in **Python** or **Java**',
  },
  'required-skills': {
    what: 'The skills the role needs: a list, one skill or group of skills per item.',
    example: 'Programming in **Python** or **Java**',
  },
  education: {
    what: 'The usual degrees, training or certificates: a list.',
    example: "A **Bachelor's degree** in **Computer Science** or a similar subject",
  },
  qualifications: {
    what: 'The usual degrees, training or certificates: a list.',
    example: "A **Bachelor's degree** in **Computer Science** or a similar subject",
  },
  tools: { what: 'The tools, languages and software used every day: a list.', example: 'Version control with **Git**' },
  'tools-and-software': {
    what: 'The tools, languages and software used every day: a list.',
    example: 'Version control with **Git**',
  },
  industries: {
    what: 'Where people in this role work: a list of industries or kinds of employer.',
    example: '**Healthcare**',
  },
  outlook: {
    what: 'A sentence or two on demand and growth, naming the source. Put the figures in the front matter "outlook": the deck charts them.',
  },
  'getting-started': {
    what: 'First steps for someone who wants this job: a list of concrete actions.',
    example: 'Build a small **portfolio project**',
  },
};

/** How bold keywords drive the comparison, with an example item. */
const bold = (example: string) => [
  `**Bold** the terms to compare ("- ${example}"): roles that`,
  'bold the same term share it, so spell it as the other role files do.',
];
export const NOTE_HINT =
  'A last paragraph starting "Note:" is the speaker note: presenter view and notes PDF, never a slide nor the handout.';

/**
 * The hint under a section heading, as an HTML comment: validation drops a block that is exactly
 * one comment, so an unfilled section reads as empty and `check` lists it with its line.
 */
export function sectionHint(title: string): string {
  const hint = HINTS[slugify(title)] ?? {
    what: `What to say under "${title}": a short list, or a paragraph.`,
    example: 'A point with its **key term** in bold',
  };
  return comment([hint.what, ...(hint.example === undefined ? [] : bold(hint.example)), NOTE_HINT]);
}

/** The comment at the top of a new role file's body. */
export function roleIntro(): string {
  return comment([
    'Fill in each section below, then run: npm run check',
    'It lists every section that is still empty, with its line. These comments never reach a',
    'slide; delete them when you are done. Rename, add or remove sections as you need: decks',
    'compare roles section by section, by heading, so reuse the headings of the other roles.',
  ]);
}

/** An HTML comment of these lines, continuation lines indented under the first. */
export function comment(lines: readonly string[]): string {
  // "--" cannot end a comment early once it is broken up; a heading from another file might hold it.
  const safe = lines.map((line) => line.replace(/--/g, '- -'));
  return `<!-- ${safe.join('\n     ')} -->`;
}
