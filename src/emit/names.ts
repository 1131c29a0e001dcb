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
