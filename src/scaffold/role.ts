import { roleIntro, sectionHint } from './hints.js';
import { yamlValue, commentedLines } from './yaml.js';

export interface RoleTemplate {
  /** Already checked: one line, not empty. */
  title: string;
  short: string;
  headings: readonly string[];
}

/**
 * A new role file: front matter with the title, a short label, an empty summary to fill in and
 * an outlook example commented out, then each heading with a hint under it. Every hint is an
 * HTML comment, which validation drops, so `check` reports the summary and each section still
 * empty with its line: the new file is its own to-do list.
 */
export function roleTemplate({ title, short, headings }: RoleTemplate): string {
  const front = commentedLines([
    [`title: ${yamlValue(title.trim())}`],
    [`short: ${yamlValue(short.trim())}`, 'label for table headers and columns; keep it short'],
    ['summary: ""', 'one sentence about the role, shown under its title'],
    ['# outlook:', 'optional: uncomment and fill in to chart the growth'],
    ['#   growth: 10', 'percent over the period'],
    ['#   period: "2024-2034"'],
    ['#   group: the occupation group the figure covers'],
    ['#   source: who published the figure'],
  ]);
  const sections = headings.map((heading) => `## ${heading}\n\n${sectionHint(heading)}\n`);
  return ['---', ...front, '---', '', roleIntro(), '', sections.join('\n')].join('\n');
}
