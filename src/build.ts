import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, machineEnvironment } from './browser/find.js';
import { BrowserSession } from './browser/session.js';
import { compareAll } from './compare/compare.js';
import { loadModel } from './content.js';
import { type Asset, loadAssets } from './emit/assets.js';
import { alive } from './browser/profile.js';
import { removeStaleTemps } from './emit/atomic.js';
import { writeOutput } from './emit/output.js';
import { printSources } from './emit/jobs.js';
import { settleAll } from './emit/settle.js';
import { CareerdeckError, ContentError } from './errors.js';
import { readImages } from './load/images.js';
import { renderDeck } from './render/render.js';
import { loadTemplates } from './render/templates.js';
import type { ContentModel } from './validate/model.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  /** Folder with `roles/` and `decks/`. Default: `content` in the working directory. */
  contentDir?: string;
  /** Where `<deck>/` folders are written. Default: `output` in the working directory. */
  outDir?: string;
  /** Templates folder. Default: careerdeck's own `templates/`. */
  templatesDir?: string;
  /** Build only this deck (its file name without `.md`). */
  deck?: string;
  /** Print the PDFs (default) or write the HTML deck only. */
  pdf?: boolean;
  /** Path of a Chromium or Chrome to print with; see findBrowser for the search order. */
  browser?: string;
  /** Bound on each browser wait in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** Date stamped into PDFs. Default: SOURCE_DATE_EPOCH if set, else now. */
  date?: Date;
  /** Also write the HTML each PDF is printed from, as `<pdf name>.html` (for debugging and the benchmark). */
  keepHtml?: boolean;
  /**
   * A browser session owned by the caller (the dev server keeps one warm across builds). The
   * build uses it and leaves it open; without one, the build starts its own and closes it.
   */
  session?: BrowserSession;
  /** Called once per written output. */
  onProgress?: (event: ProgressEvent) => void;
  /** Aborting stops the build, closes the browser and writes nothing more. */
  signal?: AbortSignal;
}

export interface ProgressEvent {
  deck: string;
  file: string;
  bytes: number;
  ms: number;
  pages?: number | undefined;
}

export interface OutputFile {
  file: string;
  bytes: number;
  pages?: number | undefined;
}

export interface BuildResult {
  decks: { slug: string; dir: string; slides: number; outputs: OutputFile[] }[];
  /** How many times Chromium was started (0 or 1). */
  browserLaunches: number;
  /** Requests the browser attempted that were not for our own files (refused). */
  blockedRequests: string[];
}


/** The images the content shows, read and checked; a missing or outside one is a content error. */
async function loadImages(model: ContentModel, contentDir: string): Promise<Asset[]> {
  const { assets, diagnostics } = await readImages(model.images, contentDir);
  if (diagnostics.length > 0) throw new ContentError(diagnostics);
  return assets;
}

/** The whole pipeline: load -> validate -> compare -> render -> emit. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = path.resolve(options.outDir ?? 'output');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const date = options.date ?? sourceDate();
  const checkAbort = () => {
    if (options.signal?.aborted) throw new CareerdeckError('INTERRUPTED', INTERRUPTED);
  };

  const model = await loadModel(contentDir);
  const images = await loadImages(model, contentDir);
  const comparisons = compareAll(model, options.deck);
  if (comparisons.length === 0) {
    throw new CareerdeckError('USAGE', `no deck "${options.deck}"; choose one of: ${model.decks.map((d) => d.slug).join(', ')}`);
  }
  const owned = options.pdf !== false && !options.session;
  const session = options.pdf === false ? undefined : (options.session ?? new BrowserSession({ executablePath: (await findBrowser(machineEnvironment(options.browser))).executablePath, timeoutMs }));
  // Chromium takes longest to start: it starts now and renders while we render.
  session?.warmUp();
  const onAbort = () => void (owned ? session?.close() : undefined);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const templates = await loadTemplates(options.templatesDir ?? path.join(PACKAGE_ROOT, 'templates'));
    const assets = [...(await loadAssets(templates.deckScript)), ...images];
    const started = performance.now();
    const rendered = comparisons.map((c) => ({ c, r: renderDeck(c, templates) }));
    const renderMs = performance.now() - started;
    checkAbort();
    // Loaded only when printing, so that --no-pdf and check never load Puppeteer.
    const printDeck = session ? (await import('./emit/print-deck.js')).printDeck : undefined;
    const printed =
      session && printDeck
        ? await settleAll(
            rendered.map(({ c, r }) => printDeck(session, { c, rendered: r, rerender: (budgets) => renderDeck(c, templates, budgets) }, assets, date, timeoutMs)),
          )
        : rendered.map(({ r }) => ({ rendered: r, pdfs: [] }));
    checkAbort();
    const decks = [];
    for (const [i, { c }] of rendered.entries()) {
      const { rendered: r, pdfs } = printed[i]!;
      const dir = path.join(outDir, c.deck.slug);
      const outputs: OutputFile[] = [];
      const emit = async (name: string, bytes: Uint8Array | string, ms: number, pages?: number) => {
        checkAbort();
        await writeOutput(path.join(dir, name), bytes);
        const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
        outputs.push({ file: path.join(dir, name), bytes: size, pages });
        options.onProgress?.({ deck: c.deck.slug, file: path.join(dir, name), bytes: size, ms, pages });
      };
      await removeStaleTemps(dir, alive);
      // Assets are the same every build: rewriting (and flushing) them would only cost time.
      for (const asset of assets) await writeOutput(path.join(dir, asset.path), asset.bytes, true);
      await emit('index.html', r.deck, renderMs / rendered.length);
      if (options.keepHtml) for (const source of printSources(c, r)) await emit(source.name, source.html, 0);
      for (const pdf of pdfs) await emit(pdf.name, pdf.bytes, pdf.ms, pdf.pages);
      decks.push({ slug: c.deck.slug, dir, slides: r.slideCount, outputs });
    }
    return { decks, browserLaunches: session?.launches ?? 0, blockedRequests: session ? [...session.blocked] : [] };
  } catch (error) {
    // Whatever failed while stopping (a closed page, a dead browser), the cause is the stop.
    if (options.signal?.aborted && !(error instanceof CareerdeckError && error.code === 'INTERRUPTED')) {
      throw new CareerdeckError('INTERRUPTED', INTERRUPTED, { cause: error });
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (owned) await session?.close();
  }
}

const INTERRUPTED = 'build interrupted; outputs already written are whole, the rest were left as they were';

function sourceDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}
