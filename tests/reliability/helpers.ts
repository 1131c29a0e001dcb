/**
 * Shared helpers of the reliability suite: content folders written into fresh temporary folders,
 * the CLI run in-process with its printed lines captured, and small matchers for messages.
 */
import { runMain } from '../support/cli.js';
import type { Files } from '../support/project.js';

// Projects are made by the one helper of the whole suite.
export { type Files, shownPath, tempProject, type TempProject } from '../support/project.js';

/** Joins lines with "\n" so that a test can count file lines at a glance (line 1 first). */
export const lines = (...parts: string[]): string => `${parts.join('\n')}\n`;

/** Two small valid roles and a deck comparing them; tests replace or add files around them. */
export const VALID: Files = {
  'roles/alpha.md': lines(
    '---',
    'title: Alpha Engineer',
    'short: Alpha',
    '---',
    '',
    '## Skills',
    '',
    '- **Python** and **SQL**',
    '',
    '## Tools',
    '',
    '- **Git**',
  ),
  'roles/beta.md': lines(
    '---',
    'title: Beta Scientist',
    'short: Beta',
    '---',
    '',
    '## Skills',
    '',
    '- **Python** and **R**',
    '',
    '## Tools',
    '',
    '- **LaTeX**',
  ),
  'decks/pair.md': lines(
    '---',
    'title: Alpha vs. Beta',
    'roles: [alpha, beta]',
    '---',
    '',
    '## Introduction',
    '',
    'Two roles.',
  ),
};

export interface CliRun {
  status: number;
  lines: string[];
  text: string;
}

/** Runs the CLI in-process, capturing everything it prints. */
export async function cli(args: readonly string[]): Promise<CliRun> {
  const { status, err: text } = await runMain(...args);
  return { status, lines: text.split('\n'), text };
}

/** The printed lines that start with `<file>:` (one per diagnostic of that file). */
export function linesOf(run: CliRun, file: string): string[] {
  return run.lines.filter((l) => l.startsWith(`${file}:`));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression for one printed diagnostic: `<file>:<line>[:<column>]: <message...>`.
 * `line: 'any'` allows any (or no) location; `column: 'any'` requires a column of any value;
 * `column: 'optional'` allows one or none; `column: undefined` forbids one.
 */
export function diagnosticLine(
  file: string,
  line: number | 'any',
  column: number | 'any' | 'optional' | undefined,
  message: RegExp,
): RegExp {
  let where: string;
  if (line === 'any') where = '(?::\\d+){0,2}';
  else if (column === 'any') where = `:${line}:\\d+`;
  else if (column === 'optional') where = `:${line}(?::\\d+)?`;
  else if (column === undefined) where = `:${line}`;
  else where = `:${line}:${column}`;
  return new RegExp(`^${escapeRegExp(file)}${where}: ${message.source}`, message.flags.replace('g', ''));
}

/** A stack frame as V8 prints it: a plain message never contains one. */
export const STACK_FRAME = /\n\s+at [^\n]*[:(]/;

/** The own property names of Object.prototype, to compare before and after a run. */
export function prototypeKeys(): string[] {
  return Reflect.ownKeys(Object.prototype).map(String).sort();
}
