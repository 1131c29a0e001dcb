import { OUTPUTS, type OutputChoice } from '../model/outputs.js';
import { windowsSafeName } from '../validate/file-name.js';

/**
 * The file of one output of a deck, from the table of outputs (fact sheets are one per role).
 * Validated slugs make safe names already; windowsSafeName keeps it so should the slug rules
 * ever loosen. Slide images are known by their thumbnail, in a folder.
 */
export function outputName(deckSlug: string, kind: OutputChoice, roleSlug?: string): string {
  const name = OUTPUTS[kind].file.replace('{deck}', deckSlug).replace('{role}', roleSlug ?? '');
  const slash = name.lastIndexOf('/');
  return name.slice(0, slash + 1) + windowsSafeName(name.slice(slash + 1));
}

/**
 * Which output of a deck a file in its folder is, read back from its name (the room offers and
 * withholds files by this); for a per-role output, the role's slug too. Undefined for any other
 * file (index.html, assets).
 */
export function outputOfFile(deckSlug: string, file: string): { kind: OutputChoice; roleSlug?: string } | undefined {
  for (const kind of Object.keys(OUTPUTS) as OutputChoice[]) {
    const row = OUTPUTS[kind];
    if (!row.perRole) {
      if (outputName(deckSlug, kind) === file) return { kind };
      continue;
    }
    const [before, after] = row.file.replace('{deck}', deckSlug).split('{role}') as [string, string];
    const roleSlug = file.slice(before.length, file.length - after.length);
    if (
      file.length > before.length + after.length &&
      file.startsWith(before) &&
      file.endsWith(after) &&
      !roleSlug.includes('/')
    )
      return { kind, roleSlug };
  }
  return undefined;
}
