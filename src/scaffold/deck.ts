import { comment, NOTE_HINT } from './hints.js';
import { commentedLines, yamlValue } from './yaml.js';

export interface DeckTemplate {
  /** Already checked: one line, not empty. */
  title: string;
  /** The roles to compare, in order, each with its title when its file has one. */
  roles: readonly { slug: string; title?: string }[];
  /** The first role's section ids: what the deck compares by default. */
  sectionIds: readonly string[];
}

/**
 * A new deck file: title, roles, the optional keys commented out (the sections to compare listed
 * in their default order), then the deck's own prose sections with a hint under each. As in a
 * new role, the hints are HTML comments that validation drops, so `check` lists what is left.
 */
export function deckTemplate({ title, roles, sectionIds }: DeckTemplate): string {
  const names = roles.map((r) => r.title ?? r.slug);
  const front = commentedLines([
    [`title: ${yamlValue(title.trim())}`],
    [`roles: ${yamlValue(roles.map((r) => r.slug))}`, 'two to six role files from roles/, in column order'],
    ...(sectionIds.length > 0
      ? [
          [
            `# sections: ${yamlValue(sectionIds)}`,
            "optional: which sections to compare, in order; default: the first role's",
          ] as const,
        ]
      : []),
    ['# subtitle: One line under the title'],
    ['# event: Career Workshop'],
    ['# presenter: Your name or team'],
    ['# date: "2026-11-26"', 'quoted'],
    ['# paper: A4', 'or Letter'],
    ['# handout: { perPage: 3 }', 'slides a page of the audience handout: 1, 2, 3, 4 or 6'],
  ]);
  const sections: [string, string[]][] = [
    [
      'Introduction',
      [
        `Comes right after the agenda: why compare ${list(names)}, and for whom.`,
        'A paragraph or a short list.',
        NOTE_HINT,
      ],
    ],
    [
      'What they have in common',
      [
        'Follows the side-by-side comparison: what the roles share, as a short list.',
        'The deck already tables the **bold** keywords the role files share; say what that means.',
        NOTE_HINT,
      ],
    ],
    [
      'Conclusion',
      ['Closes the deck: how to choose between the roles, and one next step for the audience.', NOTE_HINT],
    ],
  ];
  const intro = comment([
    'Fill in each section below, then run: npm run check',
    'It lists every section that is still empty, with its line. These comments never reach a',
    'slide. The first section comes after the agenda, the last closes the deck, any in between',
    'follow the comparison.',
  ]);
  const body = sections.map(([heading, hint]) => `## ${heading}\n\n${comment(hint)}\n`);
  const example = sectionIds[0] ?? 'required-skills';
  const notes = comment([
    "This deck's own speaker notes for a compared section (they make no slide), for example:",
    `## Notes: ${example}`,
    "Added after the roles' notes on that section's slides.",
    `## Notes: ${example} for ${roles[0]?.slug ?? 'role-file-name'}`,
    'Added to that role\'s note; start the text with "Replace:" to replace the note instead.',
  ]);
  return ['---', ...front, '---', '', intro, '', body.join('\n'), notes, ''].join('\n');
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
