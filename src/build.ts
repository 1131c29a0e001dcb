import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { browserIdentity, findBrowser, machineEnvironment } from './browser/find.js';
import { BrowserSession } from './browser/session.js';
import { DEFAULT_TIMEOUT_MS } from './browser/timeout.js';
import { alive } from './browser/profile.js';
import { removeStaleTemps } from './emit/atomic.js';
import { DeckWriter, type WriteBytes } from './emit/deck-writer.js';
import { settleAll } from './emit/settle.js';
import { asErrors, CareerdeckError, ContentError, type Diagnostic } from './errors.js';
import { digest } from './incremental/fingerprint.js';
import { fingerprintInputs, staleOutputs, unchangedBuild } from './incremental/check.js';
import { planDeck } from './incremental/plan.js';
import { type DeckState, readDeckState, recordFiles, removeBuildState, removeLegacyState, stateDir, writeBuildState, writeDeckState } from './incremental/state.js';
import { DEFAULT_CONTENT_DIR, DEFAULT_OUT_DIR, DEFAULT_TEMPLATES_DIR, defaultCacheDir, PACKAGE_ROOT } from './config/defaults.js';
import type { BuildResult, DeckSettings, OutputFile, ProgressEvent } from './model/index.js';
import { DEFAULT_LIMITS, type Limits } from './load/limits.js';
import type { printDeck as PrintDeck } from './emit/print-deck.js';
import { decksOfShard, type Shard } from './shard.js';

export type { BuildResult, OutputFile, ProgressEvent };


export interface BuildOptions {
  /** Folder with `roles/` and `decks/`. Default: `content` in the working directory. */
  contentDir?: string;
  /** Where `<deck>/` folders are written. Default: `output` in the working directory. */
  outDir?: string;
  /** Templates folder. Default: careerdeck's own `templates/`. */
  templatesDir?: string;
  /** Where build state lives (never in the output folder). Default: the project's `node_modules/.cache/careerdeck`. */
  cacheDir?: string;
  /** The config file's defaults for decks, and command-line overrides (see src/config/). */
  settings?: DeckSettings;
  /** Build only this deck (its file name without `.md`). */
  deck?: string;
  /** Print the PDFs (default) or write the HTML deck only. */
  pdf?: boolean;
  /** Path of a Chromium or Chrome to print with; see findBrowser for the search order. */
  browser?: string;
  /** Bound on each browser wait in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** How many PDFs print at once (browser pages). Default: one per core, at most 4. */
  pages?: number | undefined;
  /** Date stamped into PDFs. Default: SOURCE_DATE_EPOCH if set, else now. */
  date?: Date;
  /** Also write the HTML each PDF is printed from, as `<pdf name>.html` (for debugging and the benchmark). */
  keepHtml?: boolean;
  /**
   * A browser session owned by the caller (the dev server keeps one warm across builds). The
   * build uses it and leaves it open; without one, the build starts its own and closes it.
   */
  session?: BrowserSession;
  /** Build only this share of the decks (`--shard i/n`), for builds spread over machines. */
  shard?: Shard;
  /** Also write one PNG per slide (`images/`), whatever the decks' `outputs` say. */
  images?: boolean;
  /** Make every output again, even those whose inputs did not change. */
  force?: boolean;
  /** Treat warnings as errors: the build fails with a ContentError before writing anything. */
  strict?: boolean;
  /** Called once per written output. */
  onProgress?: (event: ProgressEvent) => void;
  /** Aborting stops the build, closes the browser and writes nothing more. */
  signal?: AbortSignal;
  /** How output files reach the disk; for tests that make it fail as a full disk would. */
  writeBytes?: WriteBytes;
  /** Bounds on file, section, deck and slide counts (see src/load/limits.ts for the defaults). */
  limits?: Partial<Limits>;
}

/**
 * The whole pipeline: load -> validate -> compare -> render -> emit. Outputs whose inputs did
 * not change since the last build are left as they are (see src/incremental/); the stages are
 * imported on use, so a build with nothing to do never loads the parsers, templates or browser.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? DEFAULT_CONTENT_DIR;
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const state = stateDir(options.cacheDir ?? defaultCacheDir(), outDir);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pinned = options.date ?? pinnedDate();
  const date = pinned ?? new Date();
  const pdf = options.pdf !== false;
  const checkAbort = () => {
    if (options.signal?.aborted) throw new CareerdeckError('INTERRUPTED', INTERRUPTED);
  };

  // Looked for once: its identity is an input, and the session prints with it. When there is
  // none, the error surfaces only if something is to be printed.
  const located = pdf ? findBrowser(machineEnvironment(options.browser)) : undefined;
  located?.catch(() => undefined);
  const inputOptions = {
    contentDir,
    templatesDir,
    pdf,
    keepHtml: options.keepHtml === true,
    date: pinned,
    browser: located ? await browserIdentity(options.browser, located) : '',
    deck: options.deck,
    extra: JSON.stringify(options.settings ?? {}),
    scope: { shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined, images: options.images === true || undefined },
  };
  const inputs = await fingerprintInputs(inputOptions);
  if (!options.force) {
    const done = await unchangedBuild(state, inputs.buildKey);
    if (done) return failOnWarnings(done.warnings, options.strict) ?? done;
  }

  const { loadImages, loadModel } = await import('./content.js');
  const { compareAll } = await import('./compare/compare.js');
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const model = await loadModel(contentDir, options.settings, { deck: options.deck }, limits);
  const images = await loadImages(model, contentDir);
  failOnWarnings(model.warnings, options.strict);
  if (options.images) for (const deck of model.decks) if (!deck.outputs.includes('images')) deck.outputs.push('images');
  const all = compareAll(model, options.deck);
  if (all.length === 0) {
    throw new CareerdeckError('USAGE', `no deck "${options.deck}"; choose one of: ${model.decks.map((d) => d.slug).join(', ')}`);
  }
  // A shard may be empty (more machines than decks): it builds nothing, which is not an error.
  const comparisons = options.shard ? decksOfShard(all.map((c) => ({ c, slug: c.deck.slug, weight: 2 + c.roles.length })), options.shard).map((x) => x.c) : all;
  const fingerprints = { ...inputs, images: new Map(images.map((image) => [image.path, digest(image.bytes)])) };
  const plans = await Promise.all(
    comparisons.map(async (c) => {
      const dir = path.join(outDir, c.deck.slug);
      const last = await readDeckState(state, c.deck.slug);
      const planned = planDeck(c, fingerprints, pdf);
      const stale = await staleOutputs(dir, planned, last, options.force === true);
      return { c, dir, last, planned, stale };
    }),
  );
  const toBuild = plans.filter((p) => p.stale.length > 0);
  const printing = pdf && toBuild.length > 0;

  const owned = printing && !options.session;
  const session = !printing || !located ? undefined : (options.session ?? new BrowserSession({ executablePath: (await located).executablePath, timeoutMs, pages: options.pages }));
  // A session kept across builds (the dev server's) counts from here: this build's figures only.
  const before = { launches: session?.launches ?? 0, blocked: session?.blocked.length ?? 0 };
  // Chromium takes longest to start: it starts now and renders while we render.
  session?.warmUp();
  const onAbort = () => void (owned ? session?.close() : undefined);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const [{ loadTemplates }, { renderDeck }, { loadAssets }] = await Promise.all([import('./render/templates.js'), import('./render/render.js'), import('./emit/assets.js')]);
    const templates = await loadTemplates(templatesDir, path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'careerdeck'));
    const assets = [...(await loadAssets(templates.deckScript)), ...images];
    const started = performance.now();
    const rendered = toBuild.map((p) => ({ ...p, r: renderDeck(p.c, templates, undefined, limits.slides) }));
    const renderMs = performance.now() - started;
    checkAbort();
    // Loaded only when printing, so that --no-pdf and check never load Puppeteer.
    const printDeck = session ? (await import('./emit/print-deck.js')).printDeck : undefined;
    const printed = await settleAll(
      rendered.map(({ c, r, stale }): Promise<PrintedDeck> => {
        const wanted = new Set(stale.flatMap((o) => (o.kind === 'deck' ? [] : [o.kind])));
        // The PowerPoint, the one-file deck and the pictures show the slides as fitted, like index.html.
        const measure = pdf && stale.some((o) => ['deck', 'pptx', 'html', 'images'].includes(o.kind));
        if (!session || !printDeck || (wanted.size === 0 && !measure)) return Promise.resolve({ rendered: r, pdfs: [], warnings: [], extras: { images: [] } });
        return printDeck(session, { c, wanted, measure, rendered: r, rerender: (budgets) => renderDeck(c, templates, budgets, limits.slides) }, assets, date, timeoutMs);
      }),
    );
    checkAbort();
    const warnings = [...model.warnings, ...printed.flatMap((p) => p.warnings)];
    failOnWarnings(warnings, options.strict);
    // Printing is over: the browser closes (a few hundred ms) while the outputs are written.
    if (owned) void session?.close();
    // From the first write on, the last build's record no longer describes the folder.
    await removeBuildState(state).catch(() => undefined);
    await removeLegacyState(outDir, plans.map((p) => p.dir));
    const decks: BuildResult['decks'] = [];
    // Every deck folder changes as a set: all its files are staged, then renamed into place
    // together once every deck's are written (see emit/deck-writer.ts). Progress is told after.
    const writers: DeckWriter[] = [];
    const written: ProgressEvent[] = [];
    // The records of what each output was made from, kept in the cache once the folders are in place.
    const states: [string, DeckState][] = [];
    try {
      for (const plan of plans) {
        const { c, dir, planned, stale, last } = plan;
        const writer = new DeckWriter(dir, options.writeBytes);
        writers.push(writer);
        const outputs: OutputFile[] = [];
        const upToDate = planned.filter((o) => !stale.includes(o)).map((o) => path.join(dir, o.name));
        const nextState: DeckState = { slides: last?.slides ?? 0, outputs: { ...last?.outputs } };
        states.push([c.deck.slug, nextState]);
        await removeStaleTemps(dir, alive);
        // Every deck folder gets them, fresh or not, so that a deleted one comes back; files that
        // already hold the same bytes are left alone.
        for (const asset of assets) await writer.stage(asset.path, asset.bytes, { skipSame: true });
        const i = rendered.findIndex((x) => x.c === c);
        if (i >= 0) {
          const { rendered: r, pdfs, extras } = printed[i]!;
          const emit = async (name: string, bytes: Uint8Array | string, ms: number, pages?: number) => {
            checkAbort();
            const file = path.join(dir, name);
            const recorded = await writer.stage(name, bytes);
            outputs.push({ file, bytes: recorded.bytes, pages });
            const key = planned.find((o) => o.name === name)?.key;
            if (key) nextState.outputs[name] = { key, ...recorded };
            written.push({ deck: c.deck.slug, file, bytes: recorded.bytes, ms, pages });
          };
          if (stale.some((o) => o.kind === 'deck')) {
            await emit('index.html', r.deck, renderMs / rendered.length);
            nextState.slides = r.slideCount;
          }
          const { printSources } = await import('./emit/jobs.js');
          if (options.keepHtml) for (const source of printSources(c, r)) if (pdfs.some((p) => p.name === source.pdf)) await emit(source.name, source.html, 0);
          for (const printedPdf of pdfs) await emit(printedPdf.name, printedPdf.bytes, printedPdf.ms, printedPdf.pages);
          const { reachFiles } = await import('./emit/reach.js');
          const reachKinds = new Set(stale.map((o) => o.kind).filter((k) => k === 'pptx' || k === 'html' || k === 'images'));
          for (const file of await reachFiles(c, r, reachKinds, assets, date, extras)) await emit(file.name, file.bytes, file.ms);
          checkAbort();
        }
        decks.push({ slug: c.deck.slug, dir, slides: nextState.slides, outputs, upToDate });
      }
      checkAbort();
      for (const writer of writers) await writer.commit();
      for (const [slug, next] of states) await writeDeckState(state, slug, next);
    } catch (error) {
      await Promise.all(writers.map((w) => w.rollback()));
      throw error;
    }
    for (const event of written) options.onProgress?.(event);
    // Recorded only if the inputs did not change while we built: outputs made from a file saved
    // mid-build must not be taken for the inputs read at the start.
    if ((await fingerprintInputs(inputOptions)).buildKey === inputs.buildKey) {
      const files = async (p: (typeof plans)[number]) => recordFiles(p.dir, [...p.planned.map((o) => o.name), ...assets.map((a) => a.path)]);
      const recorded = await Promise.all(plans.map(async (p, i) => ({ slug: p.c.deck.slug, dir: p.dir, slides: decks[i]!.slides, outputs: p.planned.map((o) => o.name), files: await files(p) })));
      await writeBuildState(state, { key: inputs.buildKey, warnings, decks: recorded });
    }
    const browser = session && located && printed.some((p) => p.pdfs.length > 0) ? await located : undefined;
    return { decks, browserLaunches: (session?.launches ?? 0) - before.launches, blockedRequests: session ? session.blocked.slice(before.blocked) : [], warnings, browser };
  } catch (error) {
    // Whatever failed while stopping (a closed page, a dead browser), the cause is the stop.
    if (options.signal?.aborted && !(error instanceof CareerdeckError && error.code === 'INTERRUPTED')) {
      throw new CareerdeckError('INTERRUPTED', INTERRUPTED, { cause: error });
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    // close() is idempotent: after a failure it closes here, after printing it is awaited here.
    if (owned) await session?.close();
  }
}

/** With `strict`, warnings fail the build as errors, before anything is written. */
function failOnWarnings(warnings: readonly Diagnostic[], strict: boolean | undefined): undefined {
  if (strict && warnings.length > 0) throw new ContentError(asErrors(warnings));
  return undefined;
}

type PrintedDeck = Awaited<ReturnType<typeof PrintDeck>>;

const INTERRUPTED = 'build interrupted; the output folders were left as they were';

/** SOURCE_DATE_EPOCH, for reproducible PDFs; unset means "now". */
function pinnedDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}
