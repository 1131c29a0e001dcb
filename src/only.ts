import { CareerdeckError } from './errors.js';
import { OUTPUT_KINDS, type OutputChoice } from './model/outputs.js';

/**
 * Parses the kinds given to `--only` (`report,slides`): each one of the deck outputs a deck may
 * list, at least one, none twice. Anything else is a usage error that names the choices.
 */
export function parseOnly(text: string): OutputChoice[] {
  const kinds = text
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');
  const unknown = kinds.filter((kind) => !(OUTPUT_KINDS as readonly string[]).includes(kind));
  if (kinds.length === 0 || unknown.length > 0) {
    const what = kinds.length === 0 ? 'names no output' : `names no output "${unknown.join('", "')}"`;
    throw new CareerdeckError(
      'USAGE',
      `--only "${text}" ${what}; write one or more of ${OUTPUT_KINDS.join(', ')}, comma-separated, such as --only report,slides`,
    );
  }
  return [...new Set(kinds as OutputChoice[])];
}
