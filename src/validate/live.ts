import type { Diagnostic } from '../errors.js';
import type { Section } from '../model/index.js';
import { slugify } from './keys.js';

/** `## Poll: <question>` opens a poll. */
const POLL = /^poll\s*:\s*/i;
/** `## Introduction {time=5m}`: the section's share of the deck's `duration`. */
const TIME = /\s*\{\s*time\s*=\s*(\d{1,3})\s*m(?:in)?\s*\}\s*$/i;
/** The paragraph `options: roles` gives one option per role of the deck. */
const FROM_ROLES = /^options\s*:\s*roles\s*$/i;
export const POLL_OPTIONS = { min: 2, max: 10, chars: 80 } as const;

/**
 * The live room's parts of a deck's prose sections: poll sections (`## Poll: ...` with a list of
 * options, or `options: roles`) and the planned minutes of a section (`{time=5m}` after its
 * heading). Problems say what to change; a poll never stops the other outputs (it is a list there).
 */
export function liveSections(
  sections: readonly Section[],
  file: string,
): { sections: Section[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out = sections.map((section): Section => {
    let { title, id } = section;
    let minutes: number | undefined;
    const time = TIME.exec(title);
    if (time) {
      minutes = Number(time[1]);
      title = title.slice(0, time.index).trim();
      id = slugify(title);
      if (minutes === 0)
        diagnostics.push({
          file,
          line: section.line,
          message: "a section's time is at least 1 minute: write {time=5m}",
        });
    }
    const next: Section = { ...section, title, id, ...(minutes ? { minutes } : {}) };
    if (!POLL.test(title)) return next;
    const question = title.replace(POLL, '').trim();
    const problem = (message: string, line = section.line) => diagnostics.push({ file, line, message });
    if (question === '') problem('a poll needs a question: "## Poll: Which role appeals to you most?"');
    const fromRoles = section.blocks.some((b) => b.kind === 'paragraph' && FROM_ROLES.test(b.markdown.trim()));
    const list = section.blocks.find((b) => b.kind === 'list');
    for (const b of section.blocks) {
      if (b === list || (b.kind === 'paragraph' && FROM_ROLES.test(b.markdown.trim()))) continue;
      diagnostics.push({
        file,
        line: b.line,
        severity: 'warning',
        message:
          'a poll shows its question and options only; this is left out of the poll slide (move it to a Note: for yourself)',
      });
    }
    if (fromRoles && list)
      problem('a poll takes either a list of options or "options: roles", not both; remove one', list.line);
    const options = list?.kind === 'list' ? list.items.map((i) => plain(i.markdown)) : [];
    if (!fromRoles) {
      if (options.length < POLL_OPTIONS.min || options.length > POLL_OPTIONS.max)
        problem(
          `a poll has ${POLL_OPTIONS.min} to ${POLL_OPTIONS.max} options as a list under its heading ("- Option"), or "options: roles"; this one has ${options.length}`,
        );
      const seen = new Set<string>();
      for (const [i, option] of options.entries()) {
        const line = list?.kind === 'list' ? (list.items[i]?.line ?? section.line) : section.line;
        if (option === '') problem('a poll option is empty; write its text', line);
        if ([...option].length > POLL_OPTIONS.chars)
          problem(`a poll option has at most ${POLL_OPTIONS.chars} characters; shorten it`, line);
        if (seen.has(option.toLowerCase())) problem(`the option "${option}" appears twice; remove one`, line);
        seen.add(option.toLowerCase());
      }
    }
    return {
      ...next,
      title: question,
      id: `poll-${slugify(question)}`,
      poll: { question, options: fromRoles ? 'roles' : options },
    };
  });
  return { sections: out, diagnostics };
}

/** An option as plain text: Markdown emphasis and code marks dropped (it is escaped when drawn). */
function plain(markdown: string): string {
  return markdown
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
