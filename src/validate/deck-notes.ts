import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../errors.js';
import { slugify } from './keys.js';
import type { Block, DeckNote, ListBlock, Role, Section } from '../model/index.js';
import { blockImages } from '../model/index.js';

/**
 * A deck's own speaker notes for the sections it compares. In the deck body:
 *
 *   ## Notes: Required skills                      added after the roles' notes on those slides
 *   ## Notes: Required skills for ai-scientist     added to that role's note
 *
 * A first paragraph starting `Replace:` replaces the note(s) instead of adding to them. The
 * heading names the section by its id or title and the role by its file name, title or short
 * label; either one unknown is an error with a suggestion.
 */
const HEADING = /^notes?\s*:\s*/i;
const REPLACE = /^replace\s*:\s*/i;

/** Splits the deck's `## Notes: ...` sections from its prose sections; their targets are resolved later. */
export function splitDeckNotes(
  sections: readonly Section[],
  file: string,
): { prose: Section[]; notes: DeckNote[]; diagnostics: Diagnostic[] } {
  const prose: Section[] = [];
  const notes: DeckNote[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const section of sections) {
    if (!HEADING.test(section.title)) {
      prose.push(section);
      continue;
    }
    const target = section.title.replace(HEADING, '').trim();
    // The section's own `Note:` paragraphs are part of the note, not a note about it.
    const markdown = [...section.blocks.flatMap(blockMarkdown), ...section.notes];
    const replace = markdown[0] !== undefined && REPLACE.test(markdown[0]);
    if (replace) markdown[0] = markdown[0]!.replace(REPLACE, '');
    const text = markdown.filter((m) => m.trim() !== '');
    if (target === '')
      diagnostics.push({
        file,
        line: section.line,
        message: `"## ${section.title}" names no section; write "## Notes: <section id>", such as "## Notes: required-skills"`,
      });
    // An empty section is already reported by parseBody; a lone "Replace:" is not.
    else if (text.length === 0 && section.blocks.length > 0)
      diagnostics.push({
        file,
        line: section.line,
        message: `the note "${section.title}" has no text after "Replace:"; write the note under it`,
      });
    for (const block of section.blocks) {
      const images = blockImages(block);
      if (images.length > 0)
        diagnostics.push({
          file,
          line: block.line,
          message: 'speaker notes show no images; remove the image from the note or move it to a slide',
        });
    }
    notes.push({ target, section: '', mode: replace ? 'replace' : 'add', markdown: text, file, line: section.line });
  }
  return { prose, notes, diagnostics };
}

/**
 * Resolves each note's heading to a compared section (and a role) of the deck. Unknown names are
 * errors at the heading's line with the closest known name.
 */
export function resolveDeckNotes(
  notes: DeckNote[],
  sectionIds: readonly string[],
  sectionTitles: ReadonlyMap<string, string>,
  roles: readonly Role[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const sectionOf = (text: string) => {
    const id = slugify(text);
    return sectionIds.includes(id) ? id : [...sectionTitles].find(([, title]) => slugify(title) === id)?.[0];
  };
  const roleOf = (text: string) => {
    const id = slugify(text);
    return roles.find((r) => r.slug === id || slugify(r.title) === id || slugify(r.short) === id);
  };
  for (const note of notes) {
    if (note.target === '') continue;
    const whole = sectionOf(note.target);
    if (whole !== undefined) {
      note.section = whole;
      continue;
    }
    const split = /^(.*\S)\s+for\s+(\S.*)$/i.exec(note.target);
    const section = split ? sectionOf(split[1]!) : undefined;
    if (split === null || section === undefined) {
      const name = split?.[1] ?? note.target;
      diagnostics.push({
        file: note.file,
        line: note.line,
        message: `"## Notes: ${note.target}" names section "${name}", which this deck does not compare;${suggest(slugify(name), sectionIds)} the deck compares ${sectionIds.join(', ')}`,
      });
      continue;
    }
    note.section = section;
    const role = roleOf(split[2]!);
    if (role === undefined) {
      const slugs = roles.map((r) => r.slug);
      diagnostics.push({
        file: note.file,
        line: note.line,
        message: `"## Notes: ${note.target}" names role "${split[2]!}", which is not in this deck;${suggest(slugify(split[2]!), slugs)} its roles are ${slugs.join(', ')}`,
      });
      continue;
    }
    note.role = role.slug;
    if (!role.sections.some((s) => s.id === section)) {
      diagnostics.push({
        file: note.file,
        line: note.line,
        message: `${role.file} has no section "${section}", so its slides show no note of it; add the section there or drop "for ${split[2]!}" to note the whole slide`,
      });
    }
  }
  return diagnostics;
}

/** " did you mean "x"?" when a known name is close enough to be the one meant. */
function suggest(name: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(name, [...known]);
  return distance(name, best) <= Math.max(2, Math.floor(best.length / 3)) ||
    best.startsWith(name) ||
    name.startsWith(best)
    ? ` did you mean "${best}"?`
    : '';
}

/** A block written back as Markdown, for the notes (which are plain text beside the slide). */
function blockMarkdown(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.markdown];
    case 'list':
      return [listMarkdown(block, '')];
    case 'table':
      return [[block.head, ...block.rows.map((r) => r.cells)].map((cells) => `| ${cells.join(' | ')} |`).join('\n')];
    case 'quote':
      return [`${block.markdown}${block.attribution ? `\n\n— ${block.attribution}` : ''}`];
    case 'code':
      return ['```\n' + block.text + '\n```'];
  }
}

function listMarkdown(list: ListBlock, indent: string): string {
  return list.items
    .map((item, i) => {
      const marker = list.ordered ? `${list.start + i}.` : '-';
      const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
      const line = `${indent}${marker} ${box}${item.markdown}`;
      return item.children ? `${line}\n${listMarkdown(item.children, `${indent}   `)}` : line;
    })
    .join('\n');
}
