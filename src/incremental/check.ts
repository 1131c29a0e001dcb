import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BuildResult, DeckState, OutputChoice, PlannedOutput } from '../model/index.js';
import { digest, hashTree, isEditorLeftover, treeDigest } from './fingerprint.js';
import { codeVersion, knownTemplates } from './recorded.js';
import type { Comparison } from '../compare/compare.js';
import { type Fingerprints, planDeck, printedSlots } from './plan.js';
import { filesAsRecorded, isFresh, readBuildState, readDeckState } from './state.js';

export interface InputOptions {
  contentDir: string;
  templatesDir: string;
  pdf: boolean;
  keepHtml: boolean;
  /** A pinned date (SOURCE_DATE_EPOCH) is an input; "now" is not. */
  date: Date | undefined;
  /** The browser that would print, as found (path, size, time stamp), so that an upgrade reprints. */
  browser: string;
  deck: string | undefined;
  /** Anything else that shapes the outputs (the config file's deck defaults), as JSON. */
  extra?: string;
  /** Build-wide options that change which outputs are made (`--shard`, `--images`); unset ones leave the key as it was. */
  scope?: Record<string, string | boolean | undefined>;
}

export interface Inputs {
  code: string;
  /** What changes the PDFs beyond their content and templates. */
  printing: string;
  templates: ReadonlyMap<string, string>;
  /** Every byte this build reads and every option: equal keys mean nothing changed. */
  buildKey: string;
}

/** Fingerprints of everything a build reads, taken before anything is parsed. */
export async function fingerprintInputs(o: InputOptions): Promise<Inputs> {
  const [code, templates, content] = await Promise.all([
    timed('fingerprint: careerdeck code', codeVersion),
    timed('fingerprint: templates', () => hashTree(o.templatesDir, undefined, knownTemplates(o.templatesDir))),
    timed('fingerprint: content', () => hashTree(o.contentDir, (name) => !isEditorLeftover(name))),
  ]);
  const printing = JSON.stringify({ keepHtml: o.keepHtml, date: o.date?.toISOString() ?? null, browser: o.browser });
  // The settings reach each output through the deck they shape; here they only mark the build.
  const scope = JSON.stringify({
    content: path.resolve(o.contentDir),
    deck: o.deck ?? null,
    pdf: o.pdf,
    settings: o.extra ?? null,
    ...o.scope,
  });
  return {
    code,
    printing,
    templates,
    buildKey: digest(code, printing, scope, treeDigest(templates), treeDigest(content)),
  };
}

/** A span for CAREERDECK_TIMINGS=1 (see build.ts). */
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start });
  }
}

/**
 * The fast path: when nothing the last whole build read has changed and every file it left is
 * still as it left it, that build's result, without parsing anything or starting a browser.
 */
export async function unchangedBuild(state: string, buildKey: string): Promise<BuildResult | undefined> {
  const last = await readBuildState(state);
  if (last?.key !== buildKey) return undefined;
  const decks: BuildResult['decks'] = [];
  for (const deck of last.decks) {
    if (!(await filesAsRecorded(deck.dir, deck.files))) return undefined;
    decks.push({
      slug: deck.slug,
      dir: deck.dir,
      slides: deck.slides,
      outputs: [],
      upToDate: deck.outputs.map((name) => path.join(deck.dir, name)),
    });
  }
  return { decks, browserLaunches: 0, blockedRequests: [], warnings: last.warnings };
}

/** One deck's outputs: all that it has, those that must be made again, and the last record. */
export interface DeckPlan {
  c: Comparison;
  dir: string;
  last: DeckState | undefined;
  planned: PlannedOutput[];
  stale: PlannedOutput[];
  /**
   * Every file the deck's settings make, index.html included. A build that makes less by its
   * options (`--no-pdf`, no `--images`) plans fewer, but the deck still has them.
   */
  slots: string[];
  /**
   * Outputs an earlier build wrote that the deck's settings no longer make (a role taken out,
   * `outputs:` narrowed), still as the tool wrote them: they leave the folder with this build.
   */
  obsolete: string[];
}

/** What each deck must make again, from the fingerprints and the records of the last builds. */
export function planDecks(
  comparisons: readonly Comparison[],
  o: {
    outDir: string;
    state: string;
    fingerprints: Fingerprints;
    pdf: boolean;
    force: boolean;
    /** Outputs the build's options add to every deck (`--images`); the decks' settings stay as they are. */
    also: readonly OutputChoice[];
    /** The only outputs to make (`--only`), besides index.html; the others keep their slots. */
    only?: readonly OutputChoice[] | undefined;
  },
): Promise<DeckPlan[]> {
  return Promise.all(
    comparisons.map(async (c) => {
      const dir = path.join(o.outDir, c.deck.slug);
      const last = await readDeckState(o.state, c.deck.slug);
      const planned = planDeck(c, o.fingerprints, o.pdf, o.also, o.only);
      const slots = ['index.html', ...printedSlots(c, o.also).map((slot) => slot.name)];
      const [stale, obsolete] = await Promise.all([
        staleOutputs(dir, planned, last, o.force),
        obsoleteOutputs(dir, slots, last),
      ]);
      return { c, dir, last, planned, stale, slots, obsolete };
    }),
  );
}

/** Recorded outputs outside the deck's slots that are on disk as written (a file changed by hand stays). */
async function obsoleteOutputs(dir: string, slots: readonly string[], last: DeckState | undefined): Promise<string[]> {
  const recorded = Object.entries(last?.outputs ?? {}).filter(([name]) => !slots.includes(name));
  const fresh = await Promise.all(recorded.map(([name, entry]) => isFresh(dir, name, [entry.key], last)));
  return recorded.filter((_, i) => fresh[i]).map(([name]) => name);
}

/** The planned outputs that must be made: new inputs, never made, or gone from the disk. */
export async function staleOutputs(
  dir: string,
  planned: readonly PlannedOutput[],
  state: DeckState | undefined,
  force: boolean,
): Promise<PlannedOutput[]> {
  if (force) return [...planned];
  const fresh = await Promise.all(planned.map((o) => isFresh(dir, o.name, [o.key, ...o.alsoFresh], state)));
  return planned.filter((_, i) => !fresh[i]);
}
