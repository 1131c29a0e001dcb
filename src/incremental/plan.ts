import type { Comparison } from '../compare/compare.js';
import { outputName } from '../emit/names.js';
import type { OutputChoice, OutputKind, PlannedOutput } from '../model/index.js';
import { OUTPUTS, OUTPUT_KINDS } from '../model/outputs.js';
import { digest, treeDigest } from './fingerprint.js';

export interface Fingerprints {
  /** careerdeck's code and package versions. */
  code: string;
  /** What changes the PDFs beyond their content and templates (the browser, a pinned date, --keep-html), as stable text. */
  printing: string;
  /** Every file under the templates folder, by relative path. */
  templates: ReadonlyMap<string, string>;
  /** Digest of each content image by its asset path. */
  images: ReadonlyMap<string, string>;
}

// Which template folders each output is drawn from (the table of outputs); files elsewhere count for all of them.
const templateFolders = (kind: OutputKind): readonly string[] => (kind === 'deck' ? ['deck'] : OUTPUTS[kind].templates);
const KNOWN_FOLDERS = new Set(['deck', ...OUTPUT_KINDS.flatMap(templateFolders)]);

/**
 * The outputs one deck should have and the fingerprint of each: its deck and role content as
 * validated (with the bytes of the images they show), its templates, careerdeck's version and
 * the options. An output whose fingerprint did not change need not be made again.
 */
export function planDeck(
  c: Comparison,
  fp: Fingerprints,
  pdf: boolean,
  /** Outputs the build's options add to every deck (`--images`). */
  also: readonly OutputChoice[] = [],
  /** The only outputs this build makes besides index.html (`--only`); the rest are left as they are. */
  only?: readonly OutputChoice[],
): PlannedOutput[] {
  const content = JSON.stringify({ deck: c.deck, roles: c.roles }, (key, value: unknown) =>
    // An image is known by its bytes, not only by its path.
    key === 'asset' && typeof value === 'string' ? `${value}#${fp.images.get(value) ?? 'missing'}` : value,
  );
  const common = digest(fp.code, content);
  const keyOf = (kind: OutputKind, ...extra: string[]) =>
    digest(
      common,
      kind,
      kind === 'deck' ? '' : fp.printing,
      ...extra,
      treeDigest(fp.templates, (rel) => {
        const folder = rel.split('/')[0] ?? '';
        return !KNOWN_FOLDERS.has(folder) || templateFolders(kind).includes(folder);
      }),
    );
  const measured = keyOf('deck', 'measured');
  const outputs: PlannedOutput[] = [
    // Printing measures the slides and splits what overflows; without a browser, lines are estimated.
    pdf
      ? { name: 'index.html', kind: 'deck', key: measured, alsoFresh: [] }
      : { name: 'index.html', kind: 'deck', key: keyOf('deck', 'estimated'), alsoFresh: [measured] },
  ];
  if (!pdf) return outputs;
  for (const { name, kind } of printedSlots(c, also))
    if (!only || (only as readonly string[]).includes(kind))
      outputs.push({ name, kind, key: keyOf(kind), alsoFresh: [] });
  return outputs;
}

/**
 * The files a deck's settings make besides index.html when it is printed: its `outputs` and those
 * the build's options add (`--images`), one fact sheet per role. A build without PDFs
 * (`--no-pdf`) makes fewer, but the deck still has them: only a file outside this list is one the
 * deck no longer makes.
 */
export function printedSlots(c: Comparison, also: readonly OutputChoice[] = []): { name: string; kind: OutputKind }[] {
  const slug = c.deck.slug;
  const kinds = [...c.deck.outputs, ...also.filter((kind) => !c.deck.outputs.includes(kind))];
  return kinds.flatMap((kind): { name: string; kind: OutputKind }[] => {
    if (OUTPUTS[kind].perRole) return c.roles.map((role) => ({ name: outputName(slug, kind, role.slug), kind }));
    return [{ name: outputName(slug, kind), kind }];
  });
}
