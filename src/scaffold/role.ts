import { roleIntro, sectionHint } from './hints.js';
import { yamlValue, commentedLines } from './yaml.js';

export interface RoleTemplate {
  /** Already checked: one line, not empty. */
  title: string;
  short: string;
  headings: readonly string[];
}

/**
 * A new role file: front matter with the title and a short label, a summary and an outlook
 * example commented out (both optional), then each heading with a hint under it. Every hint is an
 * HTML comment, which validation drops, so `check` reports each section still empty with its
 * line: the new file is its own to-do list, and once every section has content it builds. Until
 * then it blocks no build of a deck that does not use it (a build validates only what it
 * builds); `draft: true`, offered commented out, also keeps it out of decks that list it.
 */
export function roleTemplate({ title, short, headings }: RoleTemplate): string {
  const front = commentedLines([
    [`title: ${yamlValue(title.trim())}`],
    [`short: ${yamlValue(short.trim())}`, 'label for table headers and columns; keep it short'],
    [
      '# draft: true',
      'uncomment to keep it out of every deck while you write it (check then warns instead of failing)',
    ],
    ['# summary: One sentence about the role.', 'optional: uncomment and write it (report and fact sheet)'],
    ['# outlook:', 'optional: uncomment and fill in to chart the growth'],
    ['#   growth: 10', 'percent over the period'],
    ['#   period: "2024-2034"'],
    ['#   group: the occupation group the figure covers'],
    ['#   source: who published the figure'],
  ]);
  const sections = headings.map((heading) => `## ${heading}\n\n${sectionHint(heading)}\n`);
  return ['---', ...front, '---', '', roleIntro(), '', sections.join('\n')].join('\n');
}
