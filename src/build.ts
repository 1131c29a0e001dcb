import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { browserIdentity, findBrowser, machineEnvironment } from './browser/find.js';
import type { BrowserSession } from './browser/session.js';
import { DEFAULT_TIMEOUT_MS } from './browser/timeout.js';
import type { WriteBytes } from './emit/deck-writer.js';
import { settleAll } from './emit/settle.js';
import { CareerdeckError, failOnWarnings } from './errors.js';
import { digest } from './incremental/fingerprint.js';
import { fingerprintInputs, type InputOptions, type Inputs, planDecks, unchangedBuild } from './incremental/check.js';
import { removeBuildState, removeLegacyState, stateDir } from './incremental/state.js';
import {
  DEFAULT_CONTENT_DIR,
  DEFAULT_OUT_DIR,
  DEFAULT_TEMPLATES_DIR,
  defaultCacheDir,
  PACKAGE_ROOT,
} from './config/defaults.js';
import type {
  BuildResult,
  DeckSettings,
  FoundBrowser,
  OutputChoice,
  OutputFile,
  ProgressEvent,
} from './model/index.js';
import { isReachKind } from './model/outputs.js';
import type { Comparison } from './compare/compare.js';
import type { FitBudgets } from './model/slide-budgets.js';
import type { FontPlan } from './render/fonts.js';
import type { FontFile } from './emit/assets.js';
import type { DeckState } from './model/index.js';
import { DEFAULT_LIMITS, type Limits } from './load/limits.js';
import type { PrintedDeck } from './emit/print-deck.js';
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
  /**
   * Make only these of each deck's outputs (`--only report,slides`), and index.html; the deck's
   * other outputs are neither made nor removed, as with `pdf: false`. Default: all it lists.
   */
  only?: readonly OutputChoice[];
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
  const run = await prepare(options);
  if (!options.force) {
    const tDone = performance.now();
    const done = await unchangedBuild(run.state, run.inputs.buildKey);
    if (done) {
      performance.measure('nothing changed: the last build and its files', { start: tDone });
      endTimings();
      failOnWarnings(done.warnings, options.strict);
      return done;
    }
  }
  const work = await planWork(run);
  const owned = work.printing && !options.session;
  const session = await sessionFor(run, work);
  // A session kept across builds (the dev server's) counts from here: this build's figures only.
  const before = { launches: session?.launches ?? 0, blocked: session?.blocked.length ?? 0 };
  // Chromium takes longest to start: it starts now and renders while we render.
  session?.warmUp();
  const onAbort = () => void (owned ? session?.close() : undefined);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const made = await renderDecks(run, work);
    run.checkAbort();
    const printed = await printDecks(run, made, session);
    run.checkAbort();
    const warnings = [
      ...work.model.warnings,
      ...made.rendered.flatMap((x) => made.uncoveredWarnings(x.c.deck.file, x.r.fonts)),
      ...printed.flatMap((p) => p.warnings),
      // Tables drawn smaller or split on the slides as finally fitted.
      ...printed.flatMap((p) => p.rendered.view.warnings),
    ];
    failOnWarnings(warnings, options.strict);
    // Printing is over: the browser closes (a few hundred ms) while the outputs are written.
    if (owned) void session?.close();
    const decks = await writeAndRecord(run, work, made, printed, warnings);
    const browser = session && run.located && printed.some((p) => p.pdfs.length > 0) ? await run.located : undefined;
    return {
      decks,
      browserLaunches: (session?.launches ?? 0) - before.launches,
      blockedRequests: session ? session.blocked.slice(before.blocked) : [],
      warnings,
      browser,
    };
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
    endTimings();
  }
}

/** What one build works with, settled before any content is read. */
interface Run {
  options: BuildOptions;
  contentDir: string;
  outDir: string;
  templatesDir: string;
  state: string;
  timeoutMs: number;
  date: Date;
  pdf: boolean;
  checkAbort: () => void;
  /** The browser that prints, looked for once (undefined without PDFs). */
  located: Promise<FoundBrowser> | undefined;
  inputOptions: InputOptions;
  inputs: Inputs;
}

/** The folders, the date, the browser and the fingerprint of every input. */
async function prepare(options: BuildOptions): Promise<Run> {
  // CAREERDECK_TIMINGS=1 prints each stage's span (performance.measure entries) when the build ends.
  const t0 = performance.now();
  performance.measure('startup: node and modules', { start: 0, end: t0 });
  const contentDir = options.contentDir ?? DEFAULT_CONTENT_DIR;
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const pinned = options.date ?? pinnedDate();
  const pdf = options.pdf !== false;
  // Looked for once: its identity is an input, and the session prints with it. When there is
  // none, the error surfaces only if something is to be printed.
  const located = pdf ? findBrowser(machineEnvironment(options.browser)) : undefined;
  located?.catch(() => undefined);
  const inputOptions: InputOptions = {
    contentDir,
    templatesDir,
    pdf,
    keepHtml: options.keepHtml === true,
    date: pinned,
    browser: located ? await browserIdentity(options.browser, located) : '',
    deck: options.deck,
    extra: JSON.stringify(options.settings ?? {}),
    scope: {
      shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined,
      images: options.images === true || undefined,
      only: options.only ? [...options.only].sort().join(',') : undefined,
    },
  };
  const inputs = await fingerprintInputs(inputOptions);
  performance.measure('fingerprint inputs', { start: t0 });
  return {
    options,
    contentDir,
    outDir,
    templatesDir,
    state: stateDir(options.cacheDir ?? defaultCacheDir(), outDir),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    date: pinned ?? new Date(),
    pdf,
    checkAbort: () => {
      if (options.signal?.aborted) throw new CareerdeckError('INTERRUPTED', INTERRUPTED);
    },
    located,
    inputOptions,
    inputs,
  };
}

/** load -> validate -> compare, then which outputs of which decks are stale. */
async function planWork({ options, contentDir, outDir, state, pdf, inputs }: Run) {
  // Something is to be made: Puppeteer loads while the content is read and checked.
  if (pdf && !options.session)
    void import('./browser/launch.js').then(
      (m) => m.preloadPuppeteer(),
      () => undefined,
    );
  const tLoad = performance.now();
  const { loadImages, loadModel } = await import('./content.js');
  const { compareAll } = await import('./compare/compare.js');
  performance.measure('import load, validate, compare', { start: tLoad });
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const model = await loadModel(contentDir, options.settings, { deck: options.deck }, limits);
  const images = await loadImages(model, contentDir);
  performance.measure('load and validate content, images', { start: tLoad });
  const tCompare = performance.now();
  failOnWarnings(model.warnings, options.strict);
  const all = compareAll(model, options.deck);
  if (all.length === 0) {
    throw new CareerdeckError(
      'USAGE',
      `no deck "${options.deck}"; choose one of: ${model.decks.map((d) => d.slug).join(', ')}`,
    );
  }
  // A shard may be empty (more machines than decks): it builds nothing, which is not an error.
  const comparisons = options.shard
    ? decksOfShard(
        all.map((c) => ({ c, slug: c.deck.slug, weight: 2 + c.roles.length })),
        options.shard,
      ).map((x) => x.c)
    : all;
  performance.measure('compare', { start: tCompare });
  const fingerprints = { ...inputs, images: new Map(images.map((image) => [image.path, digest(image.bytes)])) };
  const plans = await planDecks(comparisons, {
    outDir,
    state,
    fingerprints,
    pdf,
    force: options.force === true,
    also: options.images ? ['images'] : [],
    only: options.only,
  });
  const toBuild = plans.filter((p) => p.stale.length > 0);
  return { model, images, limits, plans, toBuild, printing: pdf && toBuild.length > 0 };
}
type Work = Awaited<ReturnType<typeof planWork>>;

/** The caller's browser session, or one of this build's own when something is to be printed. */
async function sessionFor({ options, located, timeoutMs }: Run, work: Work): Promise<BrowserSession | undefined> {
  if (!work.printing || !located) return undefined;
  if (options.session) return options.session;
  const { BrowserSession } = await import('./browser/session.js');
  return new BrowserSession({ executablePath: (await located).executablePath, timeoutMs, pages: options.pages });
}

/** Every stale deck rendered, and each deck's assets (its fonts' subsets among them). */
async function renderDecks({ templatesDir }: Run, { images, limits, plans, toBuild }: Work) {
  const tRender = performance.now();
  const [{ loadTemplates }, { renderDeck }, { fontAssets, loadAssets }, { uncoveredWarnings }] = await Promise.all([
    import('./render/templates.js'),
    import('./render/render.js'),
    import('./emit/assets.js'),
    import('./render/fonts.js'),
  ]);
  const templates = await loadTemplates(templatesDir, path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'careerdeck'));
  const shared = [...(await loadAssets(templates.deckScript)), ...images];
  const started = performance.now();
  const rendered = toBuild.map((p) => ({ ...p, r: renderDeck(p.c, templates, undefined, limits.slides) }));
  const renderMs = performance.now() - started;
  // Each deck has its own fonts: the subsets its text needs. A deck left as it is gets its
  // files again too (a deleted one comes back), so its fonts are chosen as well.
  // A fresh deck's record names its font files (its text and the code are as when they were
  // chosen): only a record from before fonts were recorded makes the deck render again here.
  const facesOf = new Map<Comparison, readonly FontFile[]>(rendered.map((x) => [x.c, x.r.fonts.faces]));
  for (const p of plans)
    if (!facesOf.has(p.c))
      facesOf.set(p.c, recordedFonts(p.last) ?? renderDeck(p.c, templates, undefined, limits.slides).fonts.faces);
  const assetsOf = new Map(
    await Promise.all(plans.map(async (p) => [p.c, [...shared, ...(await fontAssets(facesOf.get(p.c)!))]] as const)),
  );
  performance.measure('render: templates, assets, decks', { start: tRender });
  const rerender = (c: Comparison, budgets: FitBudgets, fonts: FontPlan) =>
    renderDeck(c, templates, budgets, limits.slides, fonts);
  return { rendered, renderMs, assetsOf, facesOf, rerender, uncoveredWarnings };
}
type Made = Awaited<ReturnType<typeof renderDecks>>;

/** The browser's work: each deck's slides fitted and its stale PDFs printed. */
async function printDecks(
  { pdf, date, timeoutMs }: Run,
  { rendered, assetsOf, rerender }: Made,
  session: BrowserSession | undefined,
): Promise<PrintedDeck[]> {
  const tPrint = performance.now();
  // Loaded only when printing, so that --no-pdf and check never load Puppeteer.
  const printDeck = session ? (await import('./emit/print-deck.js')).printDeck : undefined;
  const printed = await settleAll(
    rendered.map(({ c, r, stale }): Promise<PrintedDeck> => {
      const wanted = new Set(stale.flatMap((o) => (o.kind === 'deck' ? [] : [o.kind])));
      // The PowerPoint, the one-file deck and the pictures show the slides as fitted, like index.html.
      const measure = pdf && stale.some((o) => o.kind === 'deck' || isReachKind(o.kind));
      if (!session || !printDeck || (wanted.size === 0 && !measure))
        return Promise.resolve({ rendered: r, pdfs: [], warnings: [], extras: { images: [] } });
      return printDeck(
        session,
        { c, wanted, measure, rendered: r, rerender: (budgets) => rerender(c, budgets, r.fonts) },
        assetsOf.get(c)!,
        date,
        timeoutMs,
      );
    }),
  );
  performance.measure('browser work, all decks', { start: tPrint });
  return printed;
}

/** emit: the deck folders written as sets, then the build's records for the next build. */
async function writeAndRecord(
  { options, outDir, state, date, checkAbort, inputOptions, inputs }: Run,
  { plans }: Work,
  { rendered, renderMs, assetsOf, facesOf }: Made,
  printed: readonly PrintedDeck[],
  warnings: BuildResult['warnings'],
): Promise<BuildResult['decks']> {
  // From the first write on, the last build's record no longer describes the folders.
  await removeBuildState(state).catch(() => undefined);
  await removeLegacyState(
    outDir,
    plans.map((p) => p.dir),
  );
  const tWrite = performance.now();
  // Imported here, like every stage after the check: a build with nothing to do never loads them.
  const [{ writeDecks }, { recordBuild, recordDecks }] = await Promise.all([
    import('./emit/write-decks.js'),
    import('./incremental/record.js'),
  ]);
  const made = new Map(rendered.map((x, i) => [x.c, printed[i]]));
  const written = await writeDecks(
    plans.map((p) => ({ ...p, made: made.get(p.c), assets: assetsOf.get(p.c)! })),
    {
      renderMs: renderMs / Math.max(1, rendered.length),
      keepHtml: options.keepHtml === true,
      date,
      writeBytes: options.writeBytes,
      checkAbort,
    },
  );
  performance.measure('write outputs (pptx and one-file deck made here)', { start: tWrite });
  for (const event of written.progress) options.onProgress?.(event);
  const slides = await recordDecks(
    state,
    plans,
    written.decks,
    plans.map((p) => facesOf.get(p.c) ?? []),
  );
  // Recorded only when the inputs did not change while building: else the next build redoes it.
  if ((await fingerprintInputs(inputOptions)).buildKey === inputs.buildKey)
    await recordBuild(
      state,
      inputs.buildKey,
      warnings,
      plans,
      slides,
      plans.map((p) => assetsOf.get(p.c)!),
    );
  return written.decks.map((d, i) => ({
    slug: d.slug,
    dir: d.dir,
    slides: slides[i]!,
    outputs: d.outputs,
    upToDate: d.upToDate,
    removed: d.removed,
  }));
}

/** At a build's end: its spans printed when asked (CAREERDECK_TIMINGS=1), then forgotten. */
function endTimings(): void {
  if (process.env.CAREERDECK_TIMINGS === '1') printTimings();
  // Each build's spans only: a dev server's builds would otherwise pile them up.
  performance.clearMeasures();
}

/** Every span measured in this process, by start: where a build's time goes (docs/performance.md). */
function printTimings(): void {
  const spans = performance.getEntriesByType('measure').sort((a, b) => a.startTime - b.startTime);
  for (const s of spans)
    process.stderr.write(
      `${s.startTime.toFixed(0).padStart(6)} ${(s.startTime + s.duration).toFixed(0).padStart(6)} ms ${s.duration.toFixed(0).padStart(5)} ms  ${s.name}\n`,
    );
}

const INTERRUPTED = 'build interrupted; the output folders were left as they were';

/** SOURCE_DATE_EPOCH, for reproducible PDFs; unset means "now". */
function pinnedDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}

/**
 * The font files a deck's record names, when each is one of the bundled font packages' files
 * placed under assets/fonts/ (the state folder is ours, but a hand-edited record must not make a
 * build copy any other file); otherwise nothing, and the deck renders to learn them.
 */
function recordedFonts(last: DeckState | undefined): FontFile[] | undefined {
  const fonts = last?.fonts;
  const ok =
    Array.isArray(fonts) &&
    fonts.every(
      (f) =>
        typeof f?.source === 'string' &&
        typeof f.path === 'string' &&
        /^@fontsource\/[a-z0-9-]+\/files\/[\w.-]+$/.test(f.source) &&
        /^assets\/fonts\/[\w.-]+$/.test(f.path),
    );
  return ok ? fonts : undefined;
}
